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
    /// Evaluates a whole log file (`-` for standard input).
    ///
    /// The same core as a streaming ``Evaluation``: every line is fed, then the
    /// evaluation finishes, so batch and streaming give the same verdicts. A file read
    /// in time order, give or take a day, is evaluated in one pass that lets go of
    /// cases as they settle, so that memory follows the cases still open; a file with
    /// a line further out of order is read again, keeping everything. The verdicts,
    /// diagnostics and statistics are the same either way.
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
        try evaluate(logAt: path, asOf: asOf, limits: limits, progress: progress, settling: .init(), diagnostics: diagnostics)
    }

    /// Evaluates a whole log file, settling as `settling` says, or keeping
    /// everything when it is `nil`.
    func evaluate(
        logAt path: String, asOf: Instant?, limits: Evaluation.Limits, progress: EvaluationProgress?,
        settling: Evaluation.Settling?, diagnostics: (LogDiagnostic) -> Void
    ) throws -> EvaluationReport {
        var evaluation = try Evaluation(policy: self, asOf: asOf, limits: limits)
        // Standard input cannot be read twice, so it is read keeping everything.
        if path != "-", asOf == nil, let settling {
            evaluation.startSettling(settling)
            try read(path, into: &evaluation, progress: progress, diagnostics: diagnostics)
            guard let brokenAt = evaluation.settlingBrokenAt else { return report(finishing: &evaluation) }
            // The lines before the one out of order were reported; the rest are now.
            evaluation = try Evaluation(policy: self, asOf: asOf, limits: limits)
            try read(path, into: &evaluation, progress: progress) { if $0.line >= brokenAt { diagnostics($0) } }
            return report(finishing: &evaluation)
        }
        try read(path, into: &evaluation, progress: progress, diagnostics: diagnostics)
        return report(finishing: &evaluation)
    }

    /// Feeds every line of the file to `evaluation`; while it is settling, settles
    /// it every so many lines, and stops at the first line that breaks its promise,
    /// without reporting that line.
    private func read(
        _ path: String, into evaluation: inout Evaluation, progress: EvaluationProgress?,
        diagnostics: (LogDiagnostic) -> Void
    ) throws {
        let settling = evaluation.settling != nil
        try EventLogReader(path: path).forEachLine { line in
            if settling, evaluation.settlingBrokenAt != nil { return }
            switch line {
            case .bytes(let bytes, let number):
                let diagnostic = evaluation.feed(line: bytes, number: number)
                if settling {
                    if evaluation.settlingBrokenAt != nil { return }
                    evaluation.settleIfDue(afterLine: number)
                }
                if let diagnostic { diagnostics(diagnostic) }
                if let progress, number % progress.every == 0 { progress.report(number) }
            case .tooLong(let number, let length):
                diagnostics(evaluation.rejectOverlongLine(number: number, length: length))
            }
        }
    }

    private func report(finishing evaluation: inout Evaluation) -> EvaluationReport {
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
        return report(finishing: &evaluation)
    }
}
