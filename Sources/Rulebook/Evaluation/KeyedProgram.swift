/// The running state of a rule that keeps at most one verdict per key (a group or
/// a case) and judges keys as time advances: totals and step correlations.
protocol KeyedProgram: Sendable {
    /// The rule it evaluates.
    var rule: Rule { get }
    /// The event types it reads.
    var eventTypes: Set<Symbol> { get }
    /// The verdicts in force.
    var currentVerdicts: [Verdict] { get }
    /// Keys not judged yet.
    var pendingCount: Int { get }

    /// Reads an event; a new key (a group, a case) takes one from `budget` or is refused.
    mutating func ingest(_ event: Event, budget: inout CaseBudget)
    /// Judges what is due by `watermark` or changed; returns each changed key's old
    /// and new verdict.
    mutating func judge(upTo watermark: Instant, context: JudgingContext) -> [(old: Verdict?, new: Verdict?)]
}

/// What judging may look at beyond a program's own state.
struct JudgingContext {
    /// The evaluation's strings.
    var symbols: SymbolTable
    /// The times of the earliest and latest events evaluated: the span of time the
    /// log covers, for rules over fully covered periods.
    var coverage: ClosedRange<Instant>?
}

extension TotalProgram: KeyedProgram {
    var currentVerdicts: [Verdict] { Array(verdicts.values) }
    var pendingCount: Int { 0 }
}

extension StepsProgram: KeyedProgram {
    var currentVerdicts: [Verdict] { Array(verdicts.values) }
}

extension Dictionary where Value == Verdict {
    /// The keys whose verdict differs between `self` (before) and `new` (after), in
    /// key order, with the old and new verdict of each.
    func changes(to new: [Key: Verdict]) -> [(old: Verdict?, new: Verdict?)] where Key: Comparable {
        Set(keys).union(new.keys).sorted().compactMap { key in
            self[key] == new[key] ? nil : (self[key], new[key])
        }
    }
}
