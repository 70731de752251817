import Rulebook
import Testing
import XCTest

/// Expects exactly these verdicts (in any order); on failure, records one issue
/// that shows the missing and unexpected verdicts side by side.
///
/// ```swift
/// expectVerdicts(report.verdicts, [
///     ExpectedVerdict("attendance.absence", "absent", employee: "E1", subject: "S1"),
/// ])
/// ```
public func expectVerdicts(
    _ actual: [Verdict], _ expected: [ExpectedVerdict], sourceLocation: SourceLocation = #_sourceLocation
) {
    let comparison = VerdictComparison(actual: actual, expected: expected)
    if !comparison.matches { Issue.record(Comment(rawValue: comparison.description), sourceLocation: sourceLocation) }
}

/// Expects that no verdict matches `unwanted`.
///
/// ```swift
/// expectNoVerdict(report.verdicts, ExpectedVerdict("attendance.absence", "absent", employee: "E1"))
/// ```
public func expectNoVerdict(
    _ actual: [Verdict], _ unwanted: ExpectedVerdict, sourceLocation: SourceLocation = #_sourceLocation
) {
    let found = actual.filter(unwanted.matches)
    guard !found.isEmpty else { return }
    let comparison = VerdictComparison(actual: found, expected: [])
    Issue.record(Comment(rawValue: "expected no verdict like \(unwanted)\n" + comparison.description),
                 sourceLocation: sourceLocation)
}

/// XCTest's form of ``expectVerdicts(_:_:sourceLocation:)``.
///
/// ```swift
/// XCTAssertVerdicts(report.verdicts, [ExpectedVerdict("attendance.late", "late", employee: "E1", value: 10)])
/// ```
public func XCTAssertVerdicts(
    _ actual: [Verdict], _ expected: [ExpectedVerdict], file: StaticString = #filePath, line: UInt = #line
) {
    let comparison = VerdictComparison(actual: actual, expected: expected)
    if !comparison.matches { XCTFail(comparison.description, file: file, line: line) }
}
