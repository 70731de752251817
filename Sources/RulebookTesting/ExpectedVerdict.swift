import Foundation
import Rulebook

/// A verdict a test expects: rule, outcome, employee and subject, and optionally the
/// reason, value and evidence.
///
/// ```swift
/// ExpectedVerdict("attendance.absence", "absent", employee: "E1", subject: "S1",
///                 reason: "late-over-threshold", value: 41, evidence: [1, 2])
/// ```
public struct ExpectedVerdict: Sendable, Equatable, CustomStringConvertible {
    /// The rule id.
    public var rule: String
    /// The outcome.
    public var outcome: String
    /// The person, or `nil` to accept any.
    public var employee: String?
    /// The subject, or `nil` to accept any.
    public var subject: String?
    /// The reason, or `nil` to accept any.
    public var reason: String?
    /// The value, or `nil` to accept any.
    public var value: Decimal?
    /// The evidence lines, or `nil` to accept any.
    public var evidence: [Int]?

    /// Creates an expectation; what is left `nil` is not checked.
    ///
    /// ```swift
    /// ExpectedVerdict("attendance.absence", "absent", employee: "E1", subject: "S1", reason: "late-over-threshold", value: 41)
    /// ```
    public init(
        _ rule: String, _ outcome: String, employee: String? = nil, subject: String? = nil,
        reason: String? = nil, value: Decimal? = nil, evidence: [Int]? = nil
    ) {
        self.rule = rule
        self.outcome = outcome
        self.employee = employee
        self.subject = subject
        self.reason = reason
        self.value = value
        self.evidence = evidence
    }

    /// Whether `verdict` is what this expects.
    ///
    /// ```swift
    /// report.verdicts.filter(ExpectedVerdict("attendance.absence", "absent", employee: "E1").matches)
    /// ```
    public func matches(_ verdict: Verdict) -> Bool {
        verdict.rule == rule && verdict.outcome == outcome
            && (employee == nil || verdict.employee == employee) && (subject == nil || verdict.subject == subject)
            && (reason == nil || verdict.reason == reason) && (value == nil || verdict.value == value)
            && (evidence == nil || verdict.evidence == evidence)
    }

    /// `rule outcome employee subject` and whatever else is checked.
    public var description: String {
        var text = "\(rule) \(outcome) \(employee ?? "*") \(subject ?? "*")"
        if let reason { text += " reason=\(reason)" }
        if let value { text += " value=\(value.plainText)" }
        if let evidence { text += " evidence=\(evidence)" }
        return text
    }
}
