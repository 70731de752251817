import Foundation
import Rulebook

/// The named parameters of the review rules, with the handbook's defaults.
///
/// ```swift
/// var reviews = ReviewParameters()
/// reviews.passMark = 65
/// reviews.monthlyAwardAmount = 500
/// ```
public struct ReviewParameters: Sendable, Equatable, Hashable {
    /// The best score (or mean) must be at least this for an award (default 90).
    public var awardThreshold: Decimal = 90
    /// A score below this fails a review (default 60).
    public var passMark: Decimal = 60
    /// The monthly award's bonus; the handbook leaves it blank, so none by default.
    public var monthlyAwardAmount: Decimal?
    /// The quarterly award's bonus; none by default.
    public var quarterlyAwardAmount: Decimal?
    /// The annual award's bonus; none by default.
    public var annualAwardAmount: Decimal?

    /// The handbook's defaults.
    ///
    /// ```swift
    /// var reviews = ReviewParameters()
    /// reviews.passMark = 65
    /// ```
    public init() {}

    /// The parameters by name, as a policy reports them.
    public var named: [Policy.Parameter] {
        [.init("awardThreshold", awardThreshold.plainText), .init("passMark", passMark.plainText)]
            + [("monthlyAwardAmount", monthlyAwardAmount), ("quarterlyAwardAmount", quarterlyAwardAmount),
               ("annualAwardAmount", annualAwardAmount)].compactMap { name, amount in amount.map { .init(name, $0.plainText) } }
    }
}
