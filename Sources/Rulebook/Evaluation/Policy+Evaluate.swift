/// The outcome of evaluating a whole log.
///
/// ```swift
/// let report = try policy.evaluate(logAt: "week.jsonl")
/// print(report.verdicts.count, report.statistics.rejectedLines)
/// ```
public struct EvaluationReport: Sendable {
    /// Every verdict, in output order.
    public var verdicts: [Verdict]
    /// What was read and judged.
    public var statistics: EvaluationStatistics
    /// The calendar verdict times are written in.
    public var calendar: PolicyCalendar
    /// The policy's named parameters in force.
    public var parameters: [Policy.Parameter]
}

/// How a long evaluation tells of its progress: every so many lines, with the
/// number of lines read.
///
/// ```swift
/// let progress = EvaluationProgress(every: 100_000) { lines in print("\(lines) lines read") }
/// let report = try policy.evaluate(logAt: "month.jsonl", progress: progress)
/// ```
public struct EvaluationProgress {
    /// How many lines between reports.
    public var every: Int
    /// Called with the number of lines read.
    public var report: (_ linesRead: Int) -> Void

    /// Reports every `every` lines (at least one).
    ///
    /// ```swift
    /// EvaluationProgress(every: 1_000_000) { lines in print("\(lines) lines") }
    /// ```
    public init(every: Int = 65_536, _ report: @escaping (_ linesRead: Int) -> Void) {
        self.every = max(1, every)
        self.report = report
    }
}

extension Policy {
    /// Evaluates a whole log file (`-` for standard input) in one pass.
    ///
    /// The same core as a streaming ``Evaluation``: every line is fed, then the
    /// evaluation finishes, so batch and streaming give the same verdicts.
    ///
    /// - Parameters:
    ///   - path: the JSON Lines log, `-` for standard input.
    ///   - asOf: evaluate as known at this time (later events are ignored and later
    ///     deadlines stay pending); `nil` for a complete log.
    ///   - limits: bounds on what the evaluation holds.
    ///   - progress: what to tell, as lines are read, of a long log.
    ///   - diagnostics: called with each rejected or skipped line, in order.
    /// - Throws: ``PolicyError`` if the policy is invalid, ``EventLogReader/Failure``
    ///   if the file cannot be read.
    ///
    /// ```swift
    /// let report = try policy.evaluate(logAt: "march.jsonl") { print($0.rendered(file: "march.jsonl")) }
    /// ```
    public func evaluate(
        logAt path: String, asOf: Instant? = nil, limits: Evaluation.Limits = .init(),
        progress: EvaluationProgress? = nil, diagnostics: (LogDiagnostic) -> Void = { _ in }
    ) throws -> EvaluationReport {
        var evaluation = try Evaluation(policy: self, asOf: asOf, limits: limits)
        try EventLogReader(path: path).forEachLine { line in
            switch line {
            case .bytes(let bytes, let number):
                if let diagnostic = evaluation.feed(line: bytes, number: number) { diagnostics(diagnostic) }
                if let progress, number % progress.every == 0 { progress.report(number) }
            case .tooLong(let number, let length):
                diagnostics(evaluation.rejectOverlongLine(number: number, length: length))
            }
        }
        evaluation.complete()
        return EvaluationReport(verdicts: evaluation.takeVerdicts(), statistics: evaluation.statistics,
                                calendar: evaluation.calendar, parameters: parameters)
    }

    /// Evaluates the lines of a log held in memory; line numbers start at 1.
    ///
    /// ```swift
    /// let report = try policy.evaluate(lines: [
    ///     #"{"time":"2026-03-02T09:41:00+08:00","type":"clock.in","employee":"E1"}"#,
    /// ])
    /// ```
    public func evaluate(
        lines: some Sequence<String>, asOf: Instant? = nil, limits: Evaluation.Limits = .init(),
        diagnostics: (LogDiagnostic) -> Void = { _ in }
    ) throws(PolicyError) -> EvaluationReport {
        var evaluation = try Evaluation(policy: self, asOf: asOf, limits: limits)
        for (index, line) in lines.enumerated() {
            if let diagnostic = evaluation.feed(line: line, number: index + 1) { diagnostics(diagnostic) }
        }
        evaluation.complete()
        return EvaluationReport(verdicts: evaluation.takeVerdicts(), statistics: evaluation.statistics,
                                calendar: evaluation.calendar, parameters: parameters)
    }
}
