import Dispatch
import Foundation

extension Policy {
    /// The policy split into at most `count` policies whose rules share nothing: no
    /// rule reads the verdicts of a rule in another part, and rules over one schedule
    /// stay together. Each part evaluates alone to exactly the verdicts its rules
    /// give in the whole policy.
    ///
    /// The groups of connected rules (in the standard pack, the largest is attendance,
    /// swaps and the discipline ladder over them) are dealt to the parts in turn,
    /// largest first.
    ///
    /// ```swift
    /// StandardPolicy.make().independentParts(2).map { $0.rules.count }   // [17, 4]
    /// ```
    public func independentParts(_ count: Int) -> [Policy] {
        let ordered = ruleGroups()
        let parts = max(1, min(count, ordered.count))
        var buckets = Array(repeating: [Int](), count: parts)
        for (position, group) in ordered.enumerated() {
            let bucket = position % parts
            buckets[bucket].append(contentsOf: group)
        }
        return buckets.map { indices in
            Policy(name: name, schema: schema, rules: indices.sorted().map { rules[$0] }, timeZone: timeZone,
                   parameters: parameters)
        }
    }

    /// The groups of connected rules (one id, one schedule, or one reading another's
    /// verdicts), as indices into ``rules``, largest first.
    func ruleGroups() -> [[Int]] {
        var parent = Array(rules.indices)
        func root(_ index: Int) -> Int {
            var index = index
            while parent[index] != index {
                parent[index] = parent[parent[index]]
                index = parent[index]
            }
            return index
        }
        func join(_ a: Int, _ b: Int) { parent[root(a)] = root(b) }
        var firstByID: [String: Int] = [:]
        var firstBySchedule: [Schedule: Int] = [:]
        for (index, rule) in rules.enumerated() {
            if let other = firstByID[rule.id] { join(index, other) } else { firstByID[rule.id] = index }
            for schedule in rule.kind.schedules {
                if let other = firstBySchedule[schedule] { join(index, other) } else { firstBySchedule[schedule] = index }
            }
        }
        for (index, rule) in rules.enumerated() {
            for input in rule.inputRules { if let other = firstByID[input] { join(index, other) } }
        }
        var groups: [Int: [Int]] = [:]
        for index in rules.indices { groups[root(index), default: []].append(index) }
        return groups.values.sorted { ($0.count, -($0.first ?? 0)) > ($1.count, -($1.first ?? 0)) }
    }

    /// Evaluates a whole log file with `jobs` threads, each evaluating one of
    /// ``independentParts(_:)`` and decoding only the lines of the event types its
    /// rules read; the verdicts, diagnostics and statistics are exactly those of
    /// ``evaluate(logAt:asOf:limits:progress:diagnostics:)``, in the same order.
    ///
    /// Schedules whose cases stand alone, each judged from its own events (a ticket
    /// and its responses), are evaluated by every thread, each judging the cases whose
    /// ids fall in its share, and reading only their lines where a line's case can be
    /// found without decoding it.
    ///
    /// Diagnostics are reported once the log is read, in line order. Each part may
    /// hold `limits.maximumOpenCases` cases of its own. Standard input, and a log that is
    /// not a regular file (a pipe), is read by one thread.
    ///
    /// ```swift
    /// let report = try policy.evaluate(logAt: "month.jsonl", jobs: 2)
    /// ```
    public func evaluate(
        logAt path: String, jobs: Int, asOf: Instant? = nil, limits: Evaluation.Limits = .init(),
        diagnostics: (LogDiagnostic) -> Void = { _ in }
    ) throws -> EvaluationReport {
        try evaluate(logAt: path, jobs: jobs, asOf: asOf, limits: limits, settling: .init(), diagnostics: diagnostics)
    }

    /// Evaluates a whole log file with `jobs` threads, each part settling as
    /// `settling` says; if a line breaks a part's promise, the file is read again by
    /// parts that keep everything. Diagnostics are only reported once the reading
    /// stands, so none is reported twice.
    func evaluate(
        logAt path: String, jobs: Int, asOf: Instant?, limits: Evaluation.Limits, settling: Evaluation.Settling?,
        diagnostics: (LogDiagnostic) -> Void
    ) throws -> EvaluationReport {
        try finishedEvaluation(logAt: path, jobs: jobs, asOf: asOf, limits: limits, settling: settling,
                               diagnostics: diagnostics).report()
    }

    /// Evaluates a whole log file with `jobs` threads to its verdicts, still to be read.
    func finishedEvaluation(
        logAt path: String, jobs: Int, asOf: Instant?, limits: Evaluation.Limits, settling: Evaluation.Settling?,
        diagnostics: (LogDiagnostic) -> Void
    ) throws -> FinishedEvaluation {
        var parts = parallelParts(jobs)
        // Each part reads the file from its start: a pipe or standard input would hand
        // each a different piece of the log.
        guard parts.count > 1, Self.isRegularFile(path) else {
            return try finishedEvaluation(logAt: path, asOf: asOf, limits: limits, progress: nil, settling: settling,
                                          diagnostics: diagnostics)
        }
        var evaluations = try parts.map { try Evaluation(policy: $0.policy, asOf: asOf, limits: limits) }
        if let keys = parts.first?.shard?.keys {
            let weights = ShardBalance(sampling: path).weights(readers: evaluations.map(\.readersByType), shared: Set(keys.keys))
            for (index, shard) in CaseShard.shares(weights, keys: keys).enumerated() { parts[index].shard = shard }
        }
        for index in evaluations.indices {
            if let shard = parts[index].shard { evaluations[index].dealCases(shard) }
            if asOf == nil, let settling { evaluations[index].startSettling(settling) }
        }
        let shares = zip(LineShare.shares(evaluations.map(\.typesRead)), parts).map { share, part in
            var share = share
            share.shard = part.shard
            return share
        }
        let slots = PartSlots(evaluations)

        // Reading: each part decodes its share of the lines.
        DispatchQueue.concurrentPerform(iterations: parts.count) { index in
            guard var evaluation = slots.take(index) else { return }
            // Read out of the array once: per line, the copy was a tenth of the reading.
            let share = shares[index]
            var found: [LogDiagnostic] = []
            do {
                try EventLogReader(path: path).forEachLine { line in
                    switch line {
                    case .bytes(let bytes, let number):
                        guard evaluation.settlingBrokenAt == nil else { return }
                        if let diagnostic = evaluation.feed(line: bytes, number: number, share: share) {
                            found.append(diagnostic)
                        }
                        evaluation.settleIfDue(afterLine: number)
                    case .tooLong(let number, let length):
                        if index == 0 { found.append(evaluation.rejectOverlongLine(number: number, length: length)) }
                    }
                }
            } catch {
                slots.fail(index, error)
            }
            if evaluation.settlingBrokenAt == nil { evaluation.judgeSchedulesAhead() }
            slots.put(index, evaluation, diagnostics: found)
        }
        if let failure = slots.failure { throw failure }
        if slots.evaluations.contains(where: { $0.settlingBrokenAt != nil }) {
            return try finishedEvaluation(logAt: path, jobs: jobs, asOf: asOf, limits: limits, settling: nil,
                                          diagnostics: diagnostics)
        }

        // Judging: every part with the span of time of all the events.
        let span = slots.coverage
        DispatchQueue.concurrentPerform(iterations: parts.count) { index in
            guard var evaluation = slots.take(index) else { return }
            evaluation.widenCoverage(to: span)
            evaluation.complete()
            let verdicts = evaluation.takeVerdictsInOrder()
            slots.put(index, evaluation, verdicts: verdicts)
        }

        for diagnostic in slots.diagnostics.sorted(by: { $0.line < $1.line }) { diagnostics(diagnostic) }
        let finished = slots.evaluations
        guard var statistics = finished.first?.statistics, let calendar = finished.first?.calendar else {
            return try finishedEvaluation(logAt: path, asOf: asOf, limits: limits, progress: nil, settling: settling,
                                          diagnostics: diagnostics)
        }
        for part in finished.dropFirst() {
            statistics.addLineCounts(of: part.statistics)
            // The rules over shared cases judge some cases in every part.
            statistics.casesJudged.merge(part.statistics.casesJudged, uniquingKeysWith: +)
            statistics.pendingCases += part.statistics.pendingCases
        }
        return FinishedEvaluation(verdicts: VerdictMerge(slots.takeVerdicts()), statistics: statistics,
                                  calendar: calendar, parameters: parameters)
    }
}

extension Policy {
    /// Whether `path` names a regular file (following links), which several threads
    /// can each read whole.
    static func isRegularFile(_ path: String) -> Bool {
        guard path != "-" else { return false }
        var info = stat()
        return stat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFREG
    }
}

/// The parts' evaluations and what they found, each taken out and put back by one
/// thread at a time.
private final class PartSlots: @unchecked Sendable {
    private let lock = NSLock()
    private var parts: [Evaluation?]
    private var found: [[LogDiagnostic]]
    private var judged: [VerdictMerge]
    private var failures: [(any Error)?]

    init(_ evaluations: [Evaluation]) {
        parts = evaluations
        found = Array(repeating: [], count: evaluations.count)
        judged = Array(repeating: VerdictMerge(), count: evaluations.count)
        failures = Array(repeating: nil, count: evaluations.count)
    }

    private func locked<T>(_ body: () -> T) -> T {
        lock.lock()
        defer { lock.unlock() }
        return body()
    }

    func take(_ index: Int) -> Evaluation? { locked { defer { parts[index] = nil }; return parts[index] } }

    func put(_ index: Int, _ evaluation: Evaluation, diagnostics: [LogDiagnostic]? = nil, verdicts: VerdictMerge? = nil) {
        locked {
            parts[index] = evaluation
            if let diagnostics { found[index] = diagnostics }
            if let verdicts { judged[index] = verdicts }
        }
    }

    func fail(_ index: Int, _ error: any Error) { locked { failures[index] = error } }

    var failure: (any Error)? { locked { failures.lazy.compactMap { $0 }.first } }
    var evaluations: [Evaluation] { locked { parts.compactMap { $0 } } }
    var diagnostics: [LogDiagnostic] { locked { found.flatMap { $0 } } }

    /// Every part's verdicts, in the order of the parts, taken out of the parts.
    func takeVerdicts() -> [VerdictMerge] {
        locked {
            defer { judged = [] }
            return judged
        }
    }

    /// The span of time of the events every part read.
    var coverage: ClosedRange<Instant>? {
        locked {
            parts.compactMap { $0?.coverage }.reduce(nil) { (span: ClosedRange<Instant>?, next) in
                span.map { min($0.lowerBound, next.lowerBound)...max($0.upperBound, next.upperBound) } ?? next
            }
        }
    }
}
