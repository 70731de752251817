import Rulebook

/// The named parameters of the response-time rules, with the handbook's defaults.
///
/// ```swift
/// var sla = SLAParameters()
/// sla.firstResponseByChannel = ["phone": .seconds(20), "email": .seconds(24 * 3600)]
/// ```
public struct SLAParameters: Sendable, Equatable, Hashable {
    /// The first response is due within this of the inquiry (default 5 minutes).
    public var firstResponse: Duration = .seconds(5 * 60)
    /// Per-channel limits that replace ``firstResponse`` for their channel (none by default).
    public var firstResponseByChannel: [String: Duration] = [:]
    /// A complex inquiry is answered in full within this (default 30 minutes).
    public var complexAnswer: Duration = .seconds(30 * 60)

    /// The handbook's defaults.
    ///
    /// ```swift
    /// var sla = SLAParameters()
    /// sla.firstResponse = .seconds(3 * 60)
    /// ```
    public init() {}

    /// The parameters by name, as a policy reports them.
    public var named: [Policy.Parameter] {
        [.init("firstResponse", firstResponse.shortText)]
            + firstResponseByChannel.sorted { $0.key < $1.key }.map { .init("firstResponse[\($0.key)]", $0.value.shortText) }
            + [.init("complexAnswer", complexAnswer.shortText)]
    }
}
