/// Requires of certain people at least one event in every calendar period the log
/// covers fully: a supervisor attends training at least once every half-year.
///
/// A person is concerned when their latest ``qualifying`` event meets its conditions
/// (the latest hiring names them a supervisor), and is employed during the period:
/// their earliest ``employedFrom`` event comes before its end, and they have no
/// ``employedUntil`` event before its start.
public struct PeriodicRule: Codable, Equatable, Hashable, Sendable {
    /// The periods.
    public var per: CalendarUnit
    /// Events whose latest per person must meet the selector's conditions.
    public var qualifying: PersonReference
    /// Events that start employment.
    public var employedFrom: PersonReference
    /// Events that end employment.
    public var employedUntil: PersonReference?
    /// The events each concerned person must have in each period.
    public var required: PersonReference
    /// The verdict's outcome.
    public var outcome: String
    /// The verdict's reason.
    public var reason: String
    /// The message; `{subject}` is the period's label.
    public var message: Message

    /// Creates a periodic rule.
    public init(
        per: CalendarUnit, qualifying: PersonReference, employedFrom: PersonReference, employedUntil: PersonReference?,
        required: PersonReference, outcome: String, reason: String, message: Message
    ) {
        self.per = per
        self.qualifying = qualifying
        self.employedFrom = employedFrom
        self.employedUntil = employedUntil
        self.required = required
        self.outcome = outcome
        self.reason = reason
        self.message = message
    }
}
