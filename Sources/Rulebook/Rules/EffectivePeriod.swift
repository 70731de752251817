/// The local dates a version of a rule is in force, in the policy's time zone: from
/// the start of `from` up to the start of `until`, so one version's `until` is the
/// next version's `from`.
///
/// A rule that judges cases (a shift, a ticket) applies to the cases that start in
/// its period; a rule that counts applies to the items counted in it; any other rule
/// to the verdicts that become certain in it.
///
/// ```json
/// "effective": {"from": "2026-03-16"}
/// ```
public struct EffectivePeriod: Codable, Equatable, Hashable, Sendable {
    /// The first day in force; `nil` for no start.
    public var from: LocalDate?
    /// The first day no longer in force; `nil` for no end.
    public var until: LocalDate?

    /// Creates a period.
    ///
    /// ```swift
    /// Rule(id: "attendance.absence", title: "Absent", clause: clause,
    ///      effective: EffectivePeriod(from: LocalDate(year: 2026, month: 3, day: 16)), kind)
    /// ```
    public init(from: LocalDate? = nil, until: LocalDate? = nil) {
        self.from = from
        self.until = until
    }

    /// Whether two periods share a day.
    ///
    /// ```swift
    /// let march = EffectivePeriod(until: LocalDate(year: 2026, month: 3, day: 16))
    /// march.overlaps(EffectivePeriod(from: LocalDate(year: 2026, month: 3, day: 16)))   // false
    /// ```
    public func overlaps(_ other: EffectivePeriod) -> Bool {
        let starts = [from, other.from].compactMap { $0 }.max()
        let ends = [until, other.until].compactMap { $0 }.min()
        guard let starts, let ends else { return true }
        return starts < ends
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: RuleFileKey.self)
        container.expectOnly(["from", "until"], decoder)
        from = try container.decodeIfPresent(LocalDate.self, forKey: "from")
        until = try container.decodeIfPresent(LocalDate.self, forKey: "until")
        if let from, let until, !(from < until) {
            throw DecodingError.dataCorruptedError(
                forKey: "until", in: container, debugDescription: "expected 'until' after 'from' (\(from)), found \(until)")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: RuleFileKey.self)
        try container.encodeIfPresent(from, forKey: "from")
        try container.encodeIfPresent(until, forKey: "until")
    }
}
