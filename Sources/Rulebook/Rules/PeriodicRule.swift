/// Requires of certain people at least one event in every calendar period the log
/// covers fully: a supervisor attends training at least once every half-year.
///
/// A person is concerned when their latest ``qualifying`` event meets its conditions
/// (the latest hiring names them a supervisor), and is employed during the period:
/// their earliest ``employedFrom`` event comes before its end, and they have no
/// ``employedUntil`` event before its start.
///
/// ```swift
/// PeriodicRule(per: .halfYear,
///              qualifying: PersonReference(EventSelector("employee.hired", where: .equals("role", ["supervisor"])), field: "employee"),
///              employedFrom: PersonReference(EventSelector("employee.hired"), field: "employee"),
///              employedUntil: PersonReference(EventSelector("employee.left"), field: "employee"),
///              required: PersonReference(EventSelector("training.attended"), field: "employee"),
///              outcome: "overdue", reason: "no-training-in-half-year", message: message)
/// ```
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
    ///
    /// ```swift
    /// PeriodicRule(per: .halfYear, qualifying: supervisors, employedFrom: hired, employedUntil: left,
    ///              required: attended, outcome: "overdue", reason: "no-training-in-half-year", message: message)
    /// ```
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

extension PeriodicRule {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: RuleFileKey.self)
        container.expectOnly(["per", "qualifying", "employedFrom", "employedUntil", "required", "outcome", "reason", "message"], decoder)
        per = try container.choice(CalendarUnit.self, "per")
        qualifying = try container.decode(PersonReference.self, forKey: "qualifying")
        employedFrom = try container.decode(PersonReference.self, forKey: "employedFrom")
        employedUntil = try container.decodeIfPresent(PersonReference.self, forKey: "employedUntil")
        required = try container.decode(PersonReference.self, forKey: "required")
        (outcome, reason, message) = try container.verdictWording()
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: RuleFileKey.self)
        try container.encode(per, forKey: "per")
        try container.encode(qualifying, forKey: "qualifying")
        try container.encode(employedFrom, forKey: "employedFrom")
        try container.encodeIfPresent(employedUntil, forKey: "employedUntil")
        try container.encode(required, forKey: "required")
        try container.encode(outcome: outcome, reason: reason, message: message)
    }
}
