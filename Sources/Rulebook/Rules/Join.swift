/// A link from an event to the latest event of another kind that it names: a
/// training session names its course, whose latest `course.scheduled` says its kind.
///
/// A join *holds* when that latest event meets the selector's conditions.
///
/// ```swift
/// // Only sessions of onboarding courses.
/// Join(field: "course", EventSelector("course.scheduled", where: .equals("kind", ["onboarding"])), key: "course")
/// ```
public struct Join: Codable, Equatable, Hashable, Sendable {
    /// The field of the joining event that names the other.
    public var field: String
    /// The named events; the latest per key must meet their conditions.
    public var events: EventSelector
    /// Their field holding the key.
    public var key: String

    /// Creates a join.
    ///
    /// ```swift
    /// Join(field: "course", EventSelector("course.scheduled"), key: "course")
    /// ```
    public init(field: String, _ events: EventSelector, key: String) {
        self.field = field
        self.events = events
        self.key = key
    }
}

/// Money a verdict carries, read from the event a case's join names.
///
/// ```swift
/// ScheduleOutcome("owed", reason: "left-within-term", when: .found("leaving"), at: .event("leaving"),
///                 message: message, amount: Amount(field: "cost"))
/// ```
public struct Amount: Codable, Equatable, Hashable, Sendable {
    /// The numeric field of the joined event, e.g. `cost`.
    public var field: String
    /// When set, the amount is scaled by the share of the case's window (from its
    /// start to its close) that remained when this expectation's event happened.
    public var proratedBy: String?

    /// Creates an amount.
    ///
    /// ```swift
    /// Amount(field: "cost", proratedBy: "leaving")
    /// ```
    public init(field: String, proratedBy: String? = nil) {
        self.field = field
        self.proratedBy = proratedBy
    }
}

extension Join {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: RuleFileKey.self)
        container.expectOnly(["field", "events", "key"], decoder)
        field = try container.decode(String.self, forKey: "field")
        events = try container.decode(EventSelector.self, forKey: "events")
        key = try container.field("key", of: events, decoder)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: RuleFileKey.self)
        try container.encode(field, forKey: "field")
        try container.encode(events, forKey: "events")
        try container.encode(key, forKey: "key")
    }
}

extension Amount {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: RuleFileKey.self)
        container.expectOnly(["field", "proratedBy"], decoder)
        field = try container.decode(String.self, forKey: "field")
        proratedBy = try container.decodeIfPresent(String.self, forKey: "proratedBy")
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: RuleFileKey.self)
        try container.encode(field, forKey: "field")
        try container.encodeIfPresent(proratedBy, forKey: "proratedBy")
    }
}
