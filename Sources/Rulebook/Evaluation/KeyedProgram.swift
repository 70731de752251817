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

    mutating func ingest(_ event: Event)
    /// Judges what is due by `watermark` or changed; returns each changed key's old
    /// and new verdict.
    mutating func judge(upTo watermark: Instant, symbols: SymbolTable) -> [(old: Verdict?, new: Verdict?)]
}

extension TotalProgram: KeyedProgram {
    var currentVerdicts: [Verdict] { Array(verdicts.values) }
    var pendingCount: Int { 0 }
}

extension StepsProgram: KeyedProgram {
    var currentVerdicts: [Verdict] { Array(verdicts.values) }
}
