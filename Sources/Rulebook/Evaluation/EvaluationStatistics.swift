/// Counts of what an evaluation read and judged, for its summary.
///
/// ```swift
/// let statistics = try policy.evaluate(logAt: "week.jsonl").statistics
/// print(statistics.events, statistics.duplicateLines, statistics.casesJudged["attendance.absence"] ?? 0)
/// ```
public struct EvaluationStatistics: Sendable, Equatable {
    /// Lines handed to the evaluation, blank ones included.
    public var linesRead = 0
    /// Blank lines, ignored.
    public var blankLines = 0
    /// Lines identical to an earlier line, counted once.
    public var duplicateLines = 0
    /// Lines rejected with an error.
    public var rejectedLines = 0
    /// Lines skipped with a warning (unknown event types).
    public var skippedLines = 0
    /// Events evaluated.
    public var events = 0
    /// Events later than the evaluation's as-of time, not evaluated.
    public var eventsAfterAsOf = 0
    /// Per rule id, the cases it judged.
    public var casesJudged: [String: Int] = [:]
    /// Cases still pending when the evaluation finished as of a time.
    public var pendingCases = 0

    /// Creates empty statistics.
    ///
    /// ```swift
    /// var statistics = EvaluationStatistics()
    /// statistics.linesRead   // 0
    /// ```
    public init() {}
}
