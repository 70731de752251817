import ContactCenterRules
import Foundation
import Rulebook
import RulebookTesting

extension TestLog {
    /// The verdicts of the standard pack, with the given attendance parameters, less
    /// the escalations that discipline's own tests look at.
    func verdicts(_ attendance: AttendanceParameters = .init()) throws -> [Verdict] {
        try evaluate(StandardPolicy.make(attendance: attendance)).verdicts.filter { $0.rule != DisciplineRules.ID.escalation }
    }

    /// Only the `attendance.*` verdicts.
    func attendanceVerdicts(_ attendance: AttendanceParameters = .init()) throws -> [Verdict] {
        try verdicts(attendance).filter { $0.rule.hasPrefix("attendance.") }
    }
}

/// The package's root folder, found from this file's path.
let packageRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
