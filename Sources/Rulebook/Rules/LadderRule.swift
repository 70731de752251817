import Foundation

/// Tiers that a person climbs with each counted verdict of other rules: warning,
/// fine, demerit, dismissal.
///
/// Each counted verdict gives a verdict whose outcome is the tier reached: the
/// number of counted verdicts of that person in the window up to and including it.
/// Past the top tier a person stays on it.
///
/// ```swift
/// LadderRule(counting: [.init("attendance.absence")], within: .seconds(365 * 86_400), tiers: [
///     .init("warning", message: warning), .init("fine", amount: 200, message: fine), .init("dismissal", message: dismissal),
/// ])
/// ```
public struct LadderRule: Codable, Equatable, Hashable, Sendable {
    /// A verdict that counts: a rule and, optionally, only some of its outcomes.
    ///
    /// ```swift
    /// LadderRule.Counted("review.underperformance", outcomes: ["no-improvement"])
    /// ```
    public struct Counted: Codable, Equatable, Hashable, Sendable {
        /// The rule id.
        public var rule: String
        /// The outcomes that count; all when `nil`.
        public var outcomes: [String]?

        /// Creates a counted verdict kind.
        ///
        /// ```swift
        /// LadderRule.Counted("attendance.absence")
        /// ```
        public init(_ rule: String, outcomes: [String]? = nil) {
            self.rule = rule
            self.outcomes = outcomes
        }
    }

    /// One rung.
    ///
    /// ```swift
    /// LadderRule.Tier("fine", amount: 200, message: Message(en: "{employee} is fined.", zh: "{employee} 罰款。"))
    /// ```
    public struct Tier: Codable, Equatable, Hashable, Sendable {
        /// The outcome, e.g. `warning`.
        public var outcome: String
        /// Money attached to the tier, if the policy sets any.
        public var amount: Decimal?
        /// The message for this tier.
        public var message: Message

        /// Creates a tier.
        ///
        /// ```swift
        /// LadderRule.Tier("warning", message: Message(en: "{employee} is warned.", zh: "{employee} 受警告。"))
        /// ```
        public init(_ outcome: String, amount: Decimal? = nil, message: Message) {
            self.outcome = outcome
            self.amount = amount
            self.message = message
        }
    }

    /// The verdicts that count.
    public var counted: [Counted]
    /// The rolling window, up to and including each counted verdict.
    public var window: Duration
    /// The rungs, lowest first.
    public var tiers: [Tier]

    /// Creates a ladder.
    ///
    /// ```swift
    /// LadderRule(counting: [.init("attendance.absence")], within: .seconds(365 * 86_400), tiers: tiers)
    /// ```
    public init(counting counted: [Counted], within window: Duration, tiers: [Tier]) {
        self.counted = counted
        self.window = window
        self.tiers = tiers
    }
}

extension LadderRule {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: RuleFileKey.self)
        container.expectOnly(["counts", "within", "tiers"], decoder)
        counted = try container.decode([Counted].self, forKey: "counts")
        window = try container.duration("within")
        tiers = try container.decode([Tier].self, forKey: "tiers")
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: RuleFileKey.self)
        try container.encode(counted, forKey: "counts")
        try container.encode(duration: window, forKey: "within")
        try container.encode(tiers, forKey: "tiers")
    }
}

extension LadderRule.Counted {
    /// A rule id alone, or `{"rule": "attendance.absence", "outcomes": ["absent"]}`.
    public init(from decoder: any Decoder) throws {
        if let rule = try? decoder.singleValueContainer().decode(String.self) {
            self.init(rule)
            return
        }
        let container = try decoder.container(keyedBy: RuleFileKey.self)
        container.expectOnly(["rule", "outcomes"], decoder)
        self.init(try container.decode(String.self, forKey: "rule"),
                  outcomes: try container.decodeIfPresent([String].self, forKey: "outcomes"))
    }

    public func encode(to encoder: any Encoder) throws {
        guard let outcomes else {
            var container = encoder.singleValueContainer()
            try container.encode(rule)
            return
        }
        var container = encoder.container(keyedBy: RuleFileKey.self)
        try container.encode(rule, forKey: "rule")
        try container.encode(outcomes, forKey: "outcomes")
    }
}

extension LadderRule.Tier {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: RuleFileKey.self)
        container.expectOnly(["outcome", "amount", "message"], decoder)
        self.init(try container.decode(String.self, forKey: "outcome"),
                  amount: try container.decodeIfPresent(Decimal.self, forKey: "amount"),
                  message: try container.decode(Message.self, forKey: "message"))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: RuleFileKey.self)
        try container.encode(outcome, forKey: "outcome")
        try container.encodeIfPresent(amount, forKey: "amount")
        try container.encode(message, forKey: "message")
    }
}
