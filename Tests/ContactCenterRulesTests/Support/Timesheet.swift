import ContactCenterRules
import Foundation
import Rulebook

/// Writes event-log lines the way a timesheet reads: days and times in the policy's
/// zone (+08:00), shifts by id.
struct Timesheet {
    private(set) var lines: [String] = []

    /// `2026-03-02T09:41:00+08:00` from `("2026-03-02", "09:41")`; seconds may be given.
    static func time(_ day: String, _ clock: String) -> String {
        day + "T" + (clock.count == 5 ? clock + ":00" : clock) + "+08:00"
    }

    mutating func add(_ fields: [String: Any]) {
        var members = ["\"time\":\"\(fields["time"] as? String ?? "")\"", "\"type\":\"\(fields["type"] as? String ?? "")\""]
        for (key, value) in fields.sorted(by: { $0.key < $1.key }) where key != "time" && key != "type" {
            switch value {
            case let flag as Bool: members.append("\"\(key)\":\(flag)")
            case let number as Int: members.append("\"\(key)\":\(number)")
            default: members.append("\"\(key)\":\"\(value)\"")
            }
        }
        lines.append("{" + members.joined(separator: ",") + "}")
    }

    /// A 09:00-18:00 shift (or other hours) on `day`, published the week before.
    mutating func shift(_ id: String, _ employee: String, _ day: String, _ start: String = "09:00", _ end: String = "18:00",
                        endDay: String? = nil) {
        add(["time": "2026-02-20T10:00:00+08:00", "type": "shift.scheduled", "employee": employee, "shift": id,
             "start": Self.time(day, start), "end": Self.time(endDay ?? day, end)])
    }

    mutating func clockIn(_ employee: String, _ day: String, _ clock: String) {
        add(["time": Self.time(day, clock), "type": "clock.in", "employee": employee])
    }

    mutating func clockOut(_ employee: String, _ day: String, _ clock: String) {
        add(["time": Self.time(day, clock), "type": "clock.out", "employee": employee])
    }

    /// A normal day: in at 08:55, out at 18:05.
    mutating func worked(_ id: String, _ employee: String, _ day: String) {
        shift(id, employee, day)
        clockIn(employee, day, "08:55")
        clockOut(employee, day, "18:05")
    }

    mutating func approval(_ type: String, _ employee: String, shift: String, on day: String, _ clock: String = "12:00") {
        add(["time": Self.time(day, clock), "type": type, "employee": employee, "shift": shift, "by": "M01"])
    }

    /// The verdicts of the standard attendance rules on these lines.
    func verdicts(_ parameters: AttendanceParameters = .init()) throws -> [Verdict] {
        try StandardPolicy.make(attendance: parameters).evaluate(lines: lines).verdicts
    }
}

/// A verdict reduced to what a supervisor checks: rule, outcome, employee, subject, reason.
struct Finding: Equatable, CustomStringConvertible {
    var rule: String
    var outcome: String
    var employee: String?
    var subject: String
    var reason: String

    init(_ rule: String, _ outcome: String, _ employee: String?, _ subject: String, _ reason: String) {
        self.rule = rule
        self.outcome = outcome
        self.employee = employee
        self.subject = subject
        self.reason = reason
    }

    init(_ verdict: Verdict) {
        self.init(verdict.rule, verdict.outcome, verdict.employee, verdict.subject, verdict.reason)
    }

    var description: String { "\(rule) \(outcome) \(employee ?? "-") \(subject) \(reason)" }
}

extension Array where Element == Verdict {
    var findings: [Finding] { map(Finding.init) }
}

/// The package's root folder, found from this file's path.
let packageRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
