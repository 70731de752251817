import Rulebook

/// The named parameters of the training rules, with the handbook's defaults.
///
/// ```swift
/// var training = TrainingParameters()
/// training.repaymentYears = 3
/// let policy = StandardPolicy.make(training: training)
/// ```
public struct TrainingParameters: Sendable, Equatable, Hashable {
    /// New staff attend an onboarding session within this many calendar days of
    /// hiring (default 7, inclusive, to the instant).
    public var onboardingDays = 7
    /// Leaving within this many calendar years of finishing qualification or
    /// promotion training means repaying its cost (default 4, inclusive).
    public var repaymentYears = 4
    /// Cap the repayment at the share of the years not yet served (PRC Labor Contract
    /// Law art. 22) instead of the full cost. Off by default.
    public var statutoryRepayment = false

    /// The handbook's defaults.
    ///
    /// ```swift
    /// var training = TrainingParameters()
    /// training.statutoryRepayment = true
    /// ```
    public init() {}

    /// The parameters by name, as a policy reports them.
    public var named: [Policy.Parameter] {
        [.init("onboardingDays", String(onboardingDays)), .init("repaymentYears", String(repaymentYears)),
         .init("statutoryRepayment", String(statutoryRepayment))]
    }
}
