/// A rule of a policy: an id, the clause it applies, and what it does.
///
/// Rules are values: they compare, encode and travel across concurrency domains,
/// and rule files decode into the same values Swift code builds.
///
/// In a rule file a rule is an object with its id, title and clause, an optional
/// `effective` period, and one key naming its kind:
///
/// ```json
/// {"id": "attendance.early-limit", "title": "At most 2 early leaves a week",
///  "clause": {"source": "team-rules", "text": "每週早退不得超過兩次"},
///  "count": {"counts": {"verdicts": ["attendance.early"]}, "per": "iso-week", "limit": 2, ...}}
/// ```
public struct Rule: Codable, Equatable, Hashable, Sendable, Identifiable {
    /// The rule's id, e.g. `attendance.absence`; verdicts carry it.
    public var id: String
    /// A short title.
    public var title: String
    /// What the rule means, in a sentence or two a supervisor can check against the
    /// handbook; empty when the title says it all.
    public var description: String
    /// The handbook clause it applies.
    public var clause: Clause
    /// When the rule is in force; `nil` for always. Two versions of one rule id may
    /// coexist when their periods do not overlap.
    public var effective: EffectivePeriod?
    /// What it does.
    public var kind: Kind

    /// The kinds of rule.
    ///
    /// ```swift
    /// let kind: Rule.Kind = .count(CountRule(.verdicts(rules: ["attendance.late"]), per: .calendar(.month), limit: 3,
    ///     trigger: .everyLimitth, outcome: "absent", reason: "three-lates", message: message))
    /// ```
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
    ///
    /// ```swift
    /// Rule(id: "desk.reply", title: "Reply within five minutes", description: "A ticket gets a reply within five minutes.",
    ///      clause: Clause(source: "desk", text: "reply within five minutes"), .schedule(replyRule))
    /// ```
    public init(
        id: String, title: String, description: String = "", clause: Clause, effective: EffectivePeriod? = nil, _ kind: Kind
    ) {
        self.id = id
        self.title = title
        self.description = description
        self.clause = clause
        self.effective = effective
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

extension Rule {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: RuleFileKey.self)
        container.expectOnly(Set(["id", "title", "description", "clause", "effective"] + Kind.names), decoder)
        id = try container.decode(String.self, forKey: "id")
        title = try container.decode(String.self, forKey: "title")
        description = try container.decodeIfPresent(String.self, forKey: "description") ?? ""
        clause = try container.decode(Clause.self, forKey: "clause")
        effective = try container.decodeIfPresent(EffectivePeriod.self, forKey: "effective")
        kind = try Kind(from: decoder)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: RuleFileKey.self)
        try container.encode(id, forKey: "id")
        try container.encode(title, forKey: "title")
        try container.encode(description, forKey: "description", unless: "")
        try container.encode(clause, forKey: "clause")
        try container.encodeIfPresent(effective, forKey: "effective")
        try kind.encode(to: encoder)
    }
}

extension Rule.Kind {
    /// The keys that name a kind in a rule file.
    static let names = ["schedule", "count", "ladder", "total", "steps", "scores", "periodic", "exchange", "union"]

    /// Reads the one key naming the kind from the enclosing object (a rule, or a part of a union).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: RuleFileKey.self)
        let kind = try container.oneKey(of: Self.names, what: "a rule kind")
        switch kind {
        case "schedule": self = .schedule(try container.decode(ScheduleRule.self, forKey: "schedule"))
        case "count": self = .count(try container.decode(CountRule.self, forKey: "count"))
        case "ladder": self = .ladder(try container.decode(LadderRule.self, forKey: "ladder"))
        case "total": self = .total(try container.decode(TotalRule.self, forKey: "total"))
        case "steps": self = .steps(try container.decode(StepsRule.self, forKey: "steps"))
        case "scores": self = .scores(try container.decode(ScoreRule.self, forKey: "scores"))
        case "periodic": self = .periodic(try container.decode(PeriodicRule.self, forKey: "periodic"))
        case "exchange": self = .exchange(try container.decode(ExchangeRule.self, forKey: "exchange"))
        default: self = .union(try container.decode([Rule.Kind].self, forKey: "union"))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: RuleFileKey.self)
        switch self {
        case .schedule(let rule): try container.encode(rule, forKey: "schedule")
        case .count(let rule): try container.encode(rule, forKey: "count")
        case .ladder(let rule): try container.encode(rule, forKey: "ladder")
        case .total(let rule): try container.encode(rule, forKey: "total")
        case .steps(let rule): try container.encode(rule, forKey: "steps")
        case .scores(let rule): try container.encode(rule, forKey: "scores")
        case .periodic(let rule): try container.encode(rule, forKey: "periodic")
        case .exchange(let rule): try container.encode(rule, forKey: "exchange")
        case .union(let parts): try container.encode(parts, forKey: "union")
        }
    }
}
