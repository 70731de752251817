/// A rule of a policy: an id, the clause it applies, and what it does.
///
/// Rules are values: they compare, encode and travel across concurrency domains,
/// and rule files decode into the same values Swift code builds.
public struct Rule: Codable, Equatable, Hashable, Sendable, Identifiable {
    /// The rule's id, e.g. `attendance.absence`; verdicts carry it.
    public var id: String
    /// A short title.
    public var title: String
    /// The handbook clause it applies.
    public var clause: Clause
    /// What it does.
    public var kind: Kind

    /// The kinds of rule.
    public indirect enum Kind: Codable, Equatable, Hashable, Sendable {
        /// Judges each case of a schedule.
        case schedule(ScheduleRule)
        /// Counts events or verdicts per person and window.
        case count(CountRule)
        /// Climbs a ladder of tiers with other rules' verdicts.
        case ladder(LadderRule)
        /// Adds up a quantity per person and subject against a bound.
        case total(TotalRule)
        /// Correlates the steps of one case.
        case steps(StepsRule)
        /// Judges monthly scores: awards for the best, escalation for low ones.
        case scores(ScoreRule)
        /// Requires an event of certain people in every covered period.
        case periodic(PeriodicRule)
        /// Judges each exchange of a schedule's cases and each party.
        case exchange(ExchangeRule)
        /// The verdicts of all the parts under one rule id: one schedule per channel,
        /// each with its own deadline. Parts read events (schedule, total, steps).
        case union([Kind])
    }

    /// Creates a rule.
    public init(id: String, title: String, clause: Clause, _ kind: Kind) {
        self.id = id
        self.title = title
        self.clause = clause
        self.kind = kind
    }

    /// The ids of the rules whose verdicts this rule reads.
    public var inputRules: [String] {
        switch kind {
        case .schedule, .total, .steps, .scores, .periodic, .exchange, .union: []
        case .count(let count):
            if case .verdicts(let rules, _) = count.input { rules } else { [] }
        case .ladder(let ladder): ladder.counted.map(\.rule)
        }
    }
}
