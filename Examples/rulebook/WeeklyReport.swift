import Foundation
import Rulebook

/// The weekly attendance exception report (考勤異常表): per ISO week and employee,
/// lateness, early leave, absence and confirmed missed punches, with the shifts
/// concerned. Verdicts fall in the week of the moment they became certain.
struct WeeklyReport {
    struct Row {
        var week: String
        var employee: String
        var late = 0, lateMinutes = Decimal(0)
        var early = 0, earlyMinutes = Decimal(0)
        var absent = 0
        var excused = 0
        var absentShifts: [String] = []
    }

    var rows: [Row] = []

    init(_ verdicts: [Verdict], calendar: PolicyCalendar) {
        var byKey: [String: Row] = [:]
        for verdict in verdicts where verdict.rule.hasPrefix("attendance.") {
            guard let employee = verdict.employee else { continue }
            let week = calendar.period(.isoWeek, containing: verdict.time).label
            var row = byKey[week + "|" + employee] ?? Row(week: week, employee: employee)
            switch verdict.outcome {
            case "late": row.late += 1; row.lateMinutes += verdict.value ?? 0
            case "early-leave": row.early += 1; row.earlyMinutes += verdict.value ?? 0
            case "absent": row.absent += 1; row.absentShifts.append(verdict.subject)
            case "excused": row.excused += 1
            default: continue
            }
            byKey[week + "|" + employee] = row
        }
        rows = byKey.values.sorted { ($0.week, $0.employee) < ($1.week, $1.employee) }
    }

    func lines(language: Language) -> [String] {
        let zh = language == .zh
        var table = TextTable()
        table.rows.append(zh
            ? ["週次", "員工", "遲到(次)", "遲到(分鐘)", "早退(次)", "早退(分鐘)", "曠工(次)", "漏打卡經確認(次)", "曠工班次"]
            : ["week", "employee", "late", "late minutes", "early", "early minutes", "absent", "confirmed missed punches", "absent shifts"])
        var totals = Row(week: zh ? "合計" : "total", employee: "")
        for row in rows {
            table.rows.append([row.week, row.employee, String(row.late), row.lateMinutes.plainText, String(row.early),
                               row.earlyMinutes.plainText, String(row.absent), String(row.excused),
                               row.absentShifts.joined(separator: " ")])
            totals.late += row.late; totals.lateMinutes += row.lateMinutes
            totals.early += row.early; totals.earlyMinutes += row.earlyMinutes
            totals.absent += row.absent; totals.excused += row.excused
        }
        table.rows.append([totals.week, zh ? "\(Set(rows.map(\.employee)).count) 人" : "\(Set(rows.map(\.employee)).count) people",
                           String(totals.late), totals.lateMinutes.plainText, String(totals.early),
                           totals.earlyMinutes.plainText, String(totals.absent), String(totals.excused), ""])
        return table.rendered()
    }
}
