import Rulebook

/// How actual verdicts compare with expected ones: which expectations found no
/// verdict, and which verdicts nobody expected.
///
/// Its description is what a failing test prints: the missing and the unexpected
/// side by side, each verdict with its message, not a dump of structs.
///
/// ```swift
/// let comparison = VerdictComparison(actual: report.verdicts, expected: [ExpectedVerdict("attendance.absence", "absent")])
/// if !comparison.matches { print(comparison) }
/// ```
public struct VerdictComparison: Sendable, CustomStringConvertible {
    /// Expectations no verdict met.
    public var missing: [ExpectedVerdict]
    /// Verdicts no expectation accounted for.
    public var unexpected: [Verdict]

    /// Compares `actual` with `expected`; each verdict meets at most one expectation.
    ///
    /// ```swift
    /// let comparison = VerdictComparison(actual: report.verdicts, expected: expected)
    /// print(comparison)   // missing and unexpected, side by side
    /// ```
    public init(actual: [Verdict], expected: [ExpectedVerdict]) {
        var remaining = actual
        var missing: [ExpectedVerdict] = []
        for expectation in expected {
            if let index = remaining.firstIndex(where: expectation.matches) {
                remaining.remove(at: index)
            } else {
                missing.append(expectation)
            }
        }
        self.missing = missing
        unexpected = remaining
    }

    /// Whether the verdicts are exactly those expected.
    public var matches: Bool { missing.isEmpty && unexpected.isEmpty }

    public var description: String {
        guard !matches else { return "the verdicts are as expected" }
        let left = ["expected, not found:"] + (missing.isEmpty ? ["  (none)"] : missing.map { "  " + $0.description })
        let right = ["found, not expected:"] + (unexpected.isEmpty ? ["  (none)"] : unexpected.flatMap(Self.lines(of:)))
        let width = left.map(\.count).max() ?? 0
        var rows: [String] = ["verdicts differ"]
        for index in 0..<max(left.count, right.count) {
            let l = index < left.count ? left[index] : ""
            let r = index < right.count ? right[index] : ""
            rows.append(l + String(repeating: " ", count: width - l.count) + "  |  " + r)
        }
        return rows.joined(separator: "\n")
    }

    private static func lines(of verdict: Verdict) -> [String] {
        var head = "  \(verdict.rule) \(verdict.outcome) \(verdict.employee ?? "-") \(verdict.subject) reason=\(verdict.reason)"
        if let value = verdict.value { head += " value=\(value.plainText)" }
        head += " evidence=\(verdict.evidence)"
        return [head, "    \"" + verdict.message() + "\""]
    }
}
