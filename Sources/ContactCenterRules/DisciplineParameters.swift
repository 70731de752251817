import Foundation
import Rulebook

/// The named parameters of the discipline ladder.
///
/// ```swift
/// var discipline = DisciplineParameters()
/// discipline.window = .seconds(180 * 86_400)   // half a year instead of 365 days
/// let policy = StandardPolicy.make(discipline: discipline)
/// ```
public struct DisciplineParameters: Sendable, Equatable, Hashable {
    /// One rung of the ladder.
    ///
    /// ```swift
    /// DisciplineParameters.Tier("fine", amount: 200)
    /// ```
    public struct Tier: Sendable, Equatable, Hashable {
        /// The outcome, e.g. `fine`.
        public var outcome: String
        /// Money attached to it; none by default.
        public var amount: Decimal?

        /// Creates a tier.
        ///
        /// ```swift
        /// DisciplineParameters.Tier("fine", amount: 200)
        /// ```
        public init(_ outcome: String, amount: Decimal? = nil) {
            self.outcome = outcome
            self.amount = amount
        }
    }

    /// The rungs, lowest first (default: warning, fine, demerit, dismissal; no amounts).
    public var tiers: [Tier] = [Tier("warning"), Tier("fine"), Tier("demerit"), Tier("dismissal")]
    /// The verdicts that count: rule ids with, optionally, only some outcomes. Rules
    /// the policy does not have are left out.
    public var counted: [LadderRule.Counted] = [
        .init("attendance.absence"), .init("swap.consecutive"), .init("swap.back-to-back"), .init("swap.holiday"),
        .init("training.attendance"), .init("review.underperformance", outcomes: ["no-improvement"]),
    ]
    /// The rolling window, up to and including each violation (default 365 days).
    public var window: Duration = .seconds(365 * 86_400)

    /// The handbook's defaults.
    ///
    /// ```swift
    /// var discipline = DisciplineParameters()
    /// discipline.tiers = [.init("warning"), .init("dismissal")]
    /// ```
    public init() {}

    /// The parameters by name, as a policy reports them.
    public var named: [Policy.Parameter] {
        [
            .init("disciplineTiers", tiers.map { $0.outcome + ($0.amount.map { "(\($0.plainText))" } ?? "") }.joined(separator: ">")),
            .init("disciplineWindow", window.shortText),
        ]
    }
}
