import Rulebook

/// The named parameters of the shift-swap rules, with the handbook's defaults.
///
/// ```swift
/// var swaps = SwapParameters()
/// swaps.swapsPerMonth = 4
/// swaps.minimumRest = .seconds(8 * 3600)
/// ```
public struct SwapParameters: Sendable, Equatable, Hashable {
    /// A person may take part in this many effective swaps a month (default 3).
    public var swapsPerMonth = 3
    /// The least rest between a received shift and another of the party's shifts
    /// (default 1 hour).
    public var minimumRest: Duration = .seconds(3600)

    /// The handbook's defaults.
    ///
    /// ```swift
    /// var swaps = SwapParameters()
    /// swaps.swapsPerMonth = 2
    /// ```
    public init() {}

    /// The parameters by name, as a policy reports them.
    public var named: [Policy.Parameter] {
        [.init("swapsPerMonth", String(swapsPerMonth)), .init("minimumRest", minimumRest.shortText)]
    }
}
