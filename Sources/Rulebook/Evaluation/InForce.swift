/// The instants a rule version is in force: its ``EffectivePeriod`` resolved in the
/// policy's zone, so that judging compares instants rather than dates.
struct InForce: Sendable, Equatable {
    var from: Instant?
    var until: Instant?

    /// Always in force.
    static let always = InForce(from: nil, until: nil)

    init(from: Instant?, until: Instant?) {
        self.from = from
        self.until = until
    }

    /// The period from local midnight of `from` to local midnight of `until`.
    init(_ period: EffectivePeriod?, calendar: PolicyCalendar) {
        from = period?.from.flatMap { calendar.instant($0, hour: 0, minute: 0) }
        until = period?.until.flatMap { calendar.instant($0, hour: 0, minute: 0) }
    }

    func contains(_ instant: Instant) -> Bool {
        if let from, instant < from { return false }
        if let until, instant >= until { return false }
        return true
    }
}
