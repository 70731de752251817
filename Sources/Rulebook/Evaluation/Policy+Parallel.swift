import Dispatch
import Foundation

extension Policy {
    /// The policy split into at most `count` policies whose rules share nothing: no
    /// rule reads the verdicts of a rule in another part, and rules over one schedule
    /// stay together. Each part evaluates alone to exactly the verdicts its rules
    /// give in the whole policy.
    ///
    /// The largest group of connected rules (in the standard pack: attendance, swaps
    /// and the discipline ladder over them) is one part; the other groups are dealt
    /// to the remaining parts in turn.
    ///
    /// ```swift
    /// StandardPolicy.make().independentParts(2).map { $0.rules.count }   // [13, 8]
    /// ```
    public func independentParts(_ count: Int) -> [Policy] {
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
        let ordered = groups.values.sorted { ($0.count, -($0.first ?? 0)) > ($1.count, -($1.first ?? 0)) }
        let parts = max(1, min(count, ordered.count))
        var buckets = Array(repeating: [Int](), count: parts)
        for (position, group) in ordered.enumerated() {
            let bucket = position == 0 ? 0 : (parts == 1 ? 0 : 1 + (position - 1) % (parts - 1))
            buckets[bucket].append(contentsOf: group)
        }
        return buckets.map { indices in
            Policy(name: name, schema: schema, rules: indices.sorted().map { rules[$0] }, timeZone: timeZone,
                   parameters: parameters)
        }
    }

    /// Evaluates a whole log file with `jobs` threads, each reading the log and
    /// evaluating one of ``independentParts(_:)``; the verdicts are exactly those of
    /// ``evaluate(logAt:asOf:limits:progress:diagnostics:)``, in the same order.
    ///
    /// Diagnostics are reported once the log is read, in line order. Each part may
    /// hold `limits.maximumOpenCases` cases of its own.
    ///
    /// ```swift
    /// let report = try policy.evaluate(logAt: "month.jsonl", jobs: 2)
    /// ```
    public func evaluate(
        logAt path: String, jobs: Int, asOf: Instant? = nil, limits: Evaluation.Limits = .init(),
        diagnostics: (LogDiagnostic) -> Void = { _ in }
    ) throws -> EvaluationReport {
        let parts = independentParts(jobs)
        guard parts.count > 1, path != "-" else {
            return try evaluate(logAt: path, asOf: asOf, limits: limits, diagnostics: diagnostics)
        }
        let results = ParallelResults(count: parts.count)
        DispatchQueue.concurrentPerform(iterations: parts.count) { index in
            var found: [LogDiagnostic] = []
            let result = Result { try parts[index].evaluate(logAt: path, asOf: asOf, limits: limits) { found.append($0) } }
            results.set(index, result.map { ($0, found) })
        }
        var reports: [(report: EvaluationReport, diagnostics: [LogDiagnostic])] = []
        for result in results.all { reports.append(try result.get()) }
        // Every part reads every line, so the first part's diagnostics are the log's;
        // another part adds only what is its own (a case over its limit).
        var seen = Set(reports[0].diagnostics)
        var all = reports[0].diagnostics
        for part in reports.dropFirst() { for diagnostic in part.diagnostics where seen.insert(diagnostic).inserted { all.append(diagnostic) } }
        for diagnostic in all.sorted(by: { $0.line < $1.line }) { diagnostics(diagnostic) }
        var statistics = reports[0].report.statistics
        for part in reports.dropFirst() {
            statistics.casesJudged.merge(part.report.statistics.casesJudged) { first, _ in first }
            statistics.pendingCases += part.report.statistics.pendingCases
        }
        return EvaluationReport(verdicts: reports.flatMap(\.report.verdicts).inOutputOrder(), statistics: statistics,
                                calendar: reports[0].report.calendar, parameters: parameters)
    }
}

/// One slot per part, written by the part's thread.
private final class ParallelResults: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [Result<(EvaluationReport, [LogDiagnostic]), any Error>?]

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ result: Result<(EvaluationReport, [LogDiagnostic]), any Error>) {
        lock.lock()
        defer { lock.unlock() }
        slots[index] = result
    }

    var all: [Result<(EvaluationReport, [LogDiagnostic]), any Error>] {
        lock.lock()
        defer { lock.unlock() }
        return slots.compactMap { $0 }
    }
}
