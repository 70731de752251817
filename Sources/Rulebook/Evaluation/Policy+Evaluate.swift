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
        try finishedEvaluation(logAt: path, asOf: asOf, limits: limits, progress: progress, settling: settling,
                               diagnostics: diagnostics).report()
    }

    /// Evaluates a whole log file as ``evaluate(logAt:asOf:limits:progress:diagnostics:)``
    /// does, with `jobs` threads as ``evaluate(logAt:jobs:asOf:limits:diagnostics:)``
    /// does, and hands the verdicts to `verdictBlocks` in output order, a block at a
    /// time, rather than returning them: the report returned has every figure but no
    /// verdicts.
    ///
    /// The verdicts of the cases that settle while the log is read are held compactly
    /// until they are handed over, and only one block at a time is made of values: on a
    /// long log this holds a fraction of the memory a report of every verdict takes.
    /// The blocks are those the report's ``EvaluationReport/verdicts`` would hold, one
    /// after another.
    ///
    /// - Parameters:
    ///   - path: the JSON Lines log, `-` for standard input.
    ///   - jobs: how many threads evaluate; 1 for one.
    ///   - asOf: evaluate as known at this time; `nil` for a complete log.
    ///   - limits: bounds on what the evaluation holds.
    ///   - progress: what to tell, as lines are read, of a long log (with one job).
    ///   - diagnostics: called with each rejected or skipped line, in order.
    ///   - blockSize: at most how many verdicts a block holds.
    ///   - verdictBlocks: called with each block of verdicts, in order, once the log
    ///     is read.
    /// - Throws: ``PolicyError`` if the policy is invalid, ``EventLogReader/Failure``
    ///   if the file cannot be read, and what `verdictBlocks` throws.
    ///
    /// ```swift
    /// let encoder = VerdictEncoder(calendar: try PolicyCalendar(timeZone: policy.timeZone))
    /// let report = try policy.evaluate(logAt: "year.jsonl", jobs: 2, diagnostics: { _ in }) { block in
    ///     encoder.write(block, bytesTo: { FileHandle.standardOutput.write(Data($0)) })
    /// }
    /// print(report.statistics.events)
    /// ```
    public func evaluate(
        logAt path: String, jobs: Int, asOf: Instant? = nil, limits: Evaluation.Limits = .init(),
        progress: EvaluationProgress? = nil, diagnostics: (LogDiagnostic) -> Void, blockSize: Int = 16_384,
        verdictBlocks: ([Verdict]) throws -> Void
    ) throws -> EvaluationReport {
        var finished = jobs > 1
            ? try finishedEvaluation(logAt: path, jobs: jobs, asOf: asOf, limits: limits, settling: .init(),
                                     diagnostics: diagnostics)
            : try finishedEvaluation(logAt: path, asOf: asOf, limits: limits, progress: progress, settling: .init(),
                                     diagnostics: diagnostics)
        try finished.verdicts.forEachBlock(of: max(1, blockSize), verdictBlocks)
        return finished.report()
    }

    /// Evaluates a whole log file to its verdicts, still to be read, settling as
    /// `settling` says, or keeping everything when it is `nil`.
    func finishedEvaluation(
        logAt path: String, asOf: Instant?, limits: Evaluation.Limits, progress: EvaluationProgress?,
        settling: Evaluation.Settling?, diagnostics: (LogDiagnostic) -> Void
    ) throws -> FinishedEvaluation {
        var evaluation = try Evaluation(policy: self, asOf: asOf, limits: limits)
        // Standard input cannot be read twice, so it is read keeping everything.
        if path != "-", asOf == nil, let settling {
            evaluation.startSettling(settling)
            try read(path, into: &evaluation, progress: progress, diagnostics: diagnostics)
            guard let brokenAt = evaluation.settlingBrokenAt else { return finish(&evaluation) }
            // The lines before the one out of order were reported; the rest are now.
            evaluation = try Evaluation(policy: self, asOf: asOf, limits: limits)
            try read(path, into: &evaluation, progress: progress) { if $0.line >= brokenAt { diagnostics($0) } }
            return finish(&evaluation)
        }
        try read(path, into: &evaluation, progress: progress, diagnostics: diagnostics)
        return finish(&evaluation)
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

    private func finish(_ evaluation: inout Evaluation) -> FinishedEvaluation {
        evaluation.complete()
        return FinishedEvaluation(verdicts: evaluation.takeVerdictsInOrder(), statistics: evaluation.statistics,
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
        return finish(&evaluation).report()
    }
}

/// A finished evaluation of a whole log, its verdicts still to be read in output order.
struct FinishedEvaluation {
    var verdicts: VerdictMerge
    var statistics: EvaluationStatistics
    var calendar: PolicyCalendar
    var parameters: [Policy.Parameter]

    /// The report of every verdict left to read.
    func report() -> EvaluationReport {
        var verdicts = verdicts
        return EvaluationReport(verdicts: verdicts.collect(), statistics: statistics, calendar: calendar,
                                parameters: parameters)
    }
}
