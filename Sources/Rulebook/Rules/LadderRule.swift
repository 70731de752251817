import Foundation

/// Tiers that a person climbs with each counted verdict of other rules: warning,
/// fine, demerit, dismissal.
///
/// Each counted verdict gives a verdict whose outcome is the tier reached: the
/// number of counted verdicts of that person in the window up to and including it.
/// Past the top tier a person stays on it.
public struct LadderRule: Codable, Equatable, Hashable, Sendable {
    /// A verdict that counts: a rule and, optionally, only some of its outcomes.
    public struct Counted: Codable, Equatable, Hashable, Sendable {
        /// The rule id.
        public var rule: String
        /// The outcomes that count; all when `nil`.
        public var outcomes: [String]?

        /// Creates a counted verdict kind.
        public init(_ rule: String, outcomes: [String]? = nil) {
            self.rule = rule
            self.outcomes = outcomes
        }
    }

    /// One rung.
    public struct Tier: Codable, Equatable, Hashable, Sendable {
        /// The outcome, e.g. `warning`.
        public var outcome: String
        /// Money attached to the tier, if the policy sets any.
        public var amount: Decimal?
        /// The message for this tier.
        public var message: Message

        /// Creates a tier.
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
    public init(counting counted: [Counted], within window: Duration, tiers: [Tier]) {
        self.counted = counted
        self.window = window
        self.tiers = tiers
    }
}
