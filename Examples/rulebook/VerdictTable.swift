import Foundation
import Rulebook

/// The verdicts as a table a supervisor reads at a glance: grouped by employee, in
/// time order within each, with a count after each person. Outcomes that cost a
/// person (absence, breaches, penalties) are red, lesser ones yellow, awards green,
/// when the output is a terminal and `NO_COLOR` is not set.
struct VerdictTable {
    var verdicts: [Verdict]
    var calendar: PolicyCalendar
    var language: Language
    var colours: Bool

    /// Whether standard output is a terminal that may be coloured.
    static var coloursWanted: Bool {
        isatty(STDOUT_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
    }

    func lines() -> [String] {
        let zh = language == .zh
        var table = TextTable()
        table.rows.append(zh ? ["員工", "時間", "規則", "結果", "對象", "數值", "金額", "說明"]
                             : ["employee", "time", "rule", "outcome", "subject", "value", "amount", "message"])
        var colourOfRow: [Int: String] = [:]
        let byPerson = Dictionary(grouping: verdicts) { $0.employee ?? "" }
        for person in byPerson.keys.sorted() {
            let own = byPerson[person] ?? []
            for v in own {
                colourOfRow[table.rows.count] = Self.colour(of: v.outcome)
                table.rows.append([person.isEmpty ? "-" : person, calendar.format(v.time), v.rule, v.outcome, v.subject,
                                   v.value?.plainText ?? "", v.amount?.plainText ?? "", v.message(in: language)])
            }
            table.rows.append(["", "", zh ? "小計 \(own.count) 項" : own.count == 1 ? "1 verdict" : "\(own.count) verdicts", "", "", "", "", ""])
        }
        return table.rendered().enumerated().map { index, line in
            guard colours, let colour = colourOfRow[index] else { return line }
            return colour + line + "\u{1B}[0m"
        }
    }

    private static func colour(of outcome: String) -> String? {
        switch outcome {
        case "absent", "breached", "not-attended", "overdue", "owed", "exceeded", "violation", "not-effective",
             "no-improvement", "fine", "demerit", "dismissal": "\u{1B}[31m"
        case "late", "early-leave", "interview", "warning": "\u{1B}[33m"
        case "awarded", "excused": "\u{1B}[32m"
        default: nil
        }
    }
}
