import Foundation

/// Adds up a quantity of events per person and subject, and gives one verdict the
/// moment the running total reaches a bound: a constant, or a fraction of a value
/// another event gives (missed minutes reaching a third of a course's length).
///
/// ```swift
/// // Missed minutes (scheduled - attended), one record per session, the latest
/// // winning, reaching a third of the course's totalMinutes.
/// TotalRule(EventSelector("training.attended"), person: "employee", subject: "course",
///           distinctBy: "session", quantity: .difference("scheduledMinutes", "attendedMinutes"),
///           reaches: .atLeast, bound: .fraction(1, 3, of: ReferencedValue(
///               EventSelector("course.scheduled"), key: "course", value: "totalMinutes")), ...)
/// ```
public struct TotalRule: Codable, Equatable, Hashable, Sendable {
    /// The number an event contributes.
    ///
    /// ```swift
    /// TotalRule.Quantity.difference("scheduledMinutes", "attendedMinutes")   // missed minutes
    /// ```
    public enum Quantity: Codable, Equatable, Hashable, Sendable {
        /// A numeric field.
        case field(String)
        /// One numeric field minus another.
        case difference(String, String)
        /// One per event.
        case one
    }

    /// How the total is compared with the bound.
    ///
    /// ```swift
    /// TotalRule.Comparison.atLeast   // "reaching a third": total ≥ bound
    /// ```
    public enum Comparison: String, Codable, Sendable, CaseIterable {
        /// Total ≥ bound ("reaching").
        case atLeast = "at-least"
        /// Total > bound ("more than").
        case above
    }

    /// What the total is compared with.
    ///
    /// ```swift
    /// TotalRule.Bound.fraction(1, 3, of: ReferencedValue(EventSelector("course.scheduled"), key: "course", value: "totalMinutes"))
    /// ```
    public enum Bound: Codable, Equatable, Hashable, Sendable {
        /// A fixed number.
        case constant(Decimal)
        /// `numerator / denominator` of a value looked up for the subject; a subject
        /// with no such value is not judged.
        case fraction(Decimal, Decimal, of: ReferencedValue)
    }

    /// The events added up.
    public var events: EventSelector
    /// The field naming the person.
    public var person: String
    /// The field naming the subject (the verdict's subject).
    public var subject: String
    /// A field that identifies a record: of several with the same value, the latest
    /// (by time, then line) counts.
    public var distinctBy: String?
    /// What each event contributes.
    public var quantity: Quantity
    /// How the total must compare with the bound.
    public var comparison: Comparison
    /// The bound.
    public var bound: Bound
    /// The verdict's outcome.
    public var outcome: String
    /// The verdict's reason.
    public var reason: String
    /// The message; `{value}` is the total, `{limit}` the bound.
    public var message: Message

    /// Creates a total rule.
    ///
    /// ```swift
    /// TotalRule(EventSelector("training.attended"), person: "employee", subject: "course", distinctBy: "session",
    ///           quantity: .difference("scheduledMinutes", "attendedMinutes"), reaches: .atLeast, bound: .constant(120),
    ///           outcome: "not-attended", reason: "missed-two-hours", message: message)
    /// ```
    public init(
        _ events: EventSelector, person: String, subject: String, distinctBy: String? = nil,
        quantity: Quantity, reaches comparison: Comparison, bound: Bound,
        outcome: String, reason: String, message: Message
    ) {
        self.events = events
        self.person = person
        self.subject = subject
        self.distinctBy = distinctBy
        self.quantity = quantity
        self.comparison = comparison
        self.bound = bound
        self.outcome = outcome
        self.reason = reason
        self.message = message
    }
}

/// A value that events give for a key: the latest (by time, then line) counts.
///
/// ```swift
/// ReferencedValue(EventSelector("course.scheduled"), key: "course", value: "totalMinutes")
/// ```
public struct ReferencedValue: Codable, Equatable, Hashable, Sendable {
    /// The events that give it.
    public var events: EventSelector
    /// Their field naming the key (matched with the subject).
    public var key: String
    /// Their numeric field holding the value.
    public var value: String

    /// Creates a referenced value.
    ///
    /// ```swift
    /// ReferencedValue(EventSelector("course.scheduled"), key: "course", value: "totalMinutes")
    /// ```
    public init(_ events: EventSelector, key: String, value: String) {
        self.events = events
        self.key = key
        self.value = value
    }
}

extension TotalRule {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: RuleFileKey.self)
        container.expectOnly(["events", "person", "subject", "distinctBy", "quantity", "reaches", "bound",
                              "outcome", "reason", "message"], decoder)
        events = try container.decode(EventSelector.self, forKey: "events")
        person = try container.field("person", of: events, decoder)
        subject = try container.field("subject", of: events, decoder)
        distinctBy = try container.fieldIfPresent("distinctBy", of: events, decoder)
        quantity = try container.decode(Quantity.self, forKey: "quantity")
        comparison = try container.choice(Comparison.self, "reaches")
        bound = try container.decode(Bound.self, forKey: "bound")
        (outcome, reason, message) = try container.verdictWording()
        let fields: [(String, [any CodingKey])] = switch quantity {
        case .one: []
        case .field(let name): [(name, [RuleFileKey("field")])]
        case .difference(let first, let second): [(first, [RuleFileKey("difference"), IndexCodingKey(0)]),
                                                  (second, [RuleFileKey("difference"), IndexCodingKey(1)])]
        }
        for (name, path) in fields {
            decoder.ruleFileContext?.check(field: name, of: events, at: decoder.codingPath + [RuleFileKey("quantity")] + path)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: RuleFileKey.self)
        try container.encode(events, forKey: "events")
        try container.encode(person, forKey: "person")
        try container.encode(subject, forKey: "subject")
        try container.encodeIfPresent(distinctBy, forKey: "distinctBy")
        try container.encode(quantity, forKey: "quantity")
        try container.encode(comparison, forKey: "reaches")
        try container.encode(bound, forKey: "bound")
        try container.encode(outcome: outcome, reason: reason, message: message)
    }
}

extension TotalRule.Quantity {
    /// `"one"`, `{"field": "minutes"}` or `{"difference": ["scheduledMinutes", "attendedMinutes"]}`.
    public init(from decoder: any Decoder) throws {
        if let word = try? decoder.singleValueContainer().decode(String.self) {
            guard word == "one" else {
                throw DecodingError.dataCorrupted(.init(
                    codingPath: decoder.codingPath,
                    debugDescription: "expected 'one', {\"field\": ...} or {\"difference\": [..., ...]}, found the string \(JSONString.quoted(word))"))
            }
            self = .one
            return
        }
        let container = try decoder.container(keyedBy: RuleFileKey.self)
        container.expectOnly(["field", "difference"], decoder)
        switch try container.oneKey(of: ["field", "difference"], what: "a quantity") {
        case "field": self = .field(try container.decode(String.self, forKey: "field"))
        default:
            let pair = try container.decode([String].self, forKey: "difference")
            guard pair.count == 2 else {
                throw DecodingError.dataCorruptedError(
                    forKey: "difference", in: container, debugDescription: "expected two field names, found \(pair.count)")
            }
            self = .difference(pair[0], pair[1])
        }
    }

    public func encode(to encoder: any Encoder) throws {
        switch self {
        case .one:
            var container = encoder.singleValueContainer()
            try container.encode("one")
        case .field(let name):
            var container = encoder.container(keyedBy: RuleFileKey.self)
            try container.encode(name, forKey: "field")
        case .difference(let first, let second):
            var container = encoder.container(keyedBy: RuleFileKey.self)
            try container.encode([first, second], forKey: "difference")
        }
    }
}

extension TotalRule.Bound {
    /// A number, or `{"fraction": [1, 3], "of": {"events": ..., "key": ..., "value": ...}}`.
    public init(from decoder: any Decoder) throws {
        if let number = try? decoder.singleValueContainer().decode(Decimal.self) {
            self = .constant(number)
            return
        }
        let container = try decoder.container(keyedBy: RuleFileKey.self)
        container.expectOnly(["fraction", "of"], decoder)
        let fraction = try container.decode([Decimal].self, forKey: "fraction")
        guard fraction.count == 2, let denominator = fraction.last, denominator > 0 else {
            throw DecodingError.dataCorruptedError(
                forKey: "fraction", in: container, debugDescription: "expected [numerator, denominator] with a positive denominator")
        }
        self = .fraction(fraction[0], denominator, of: try container.decode(ReferencedValue.self, forKey: "of"))
    }

    public func encode(to encoder: any Encoder) throws {
        switch self {
        case .constant(let number):
            var container = encoder.singleValueContainer()
            try container.encode(number)
        case .fraction(let numerator, let denominator, let value):
            var container = encoder.container(keyedBy: RuleFileKey.self)
            try container.encode([numerator, denominator], forKey: "fraction")
            try container.encode(value, forKey: "of")
        }
    }
}

extension ReferencedValue {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: RuleFileKey.self)
        container.expectOnly(["events", "key", "value"], decoder)
        events = try container.decode(EventSelector.self, forKey: "events")
        key = try container.field("key", of: events, decoder)
        value = try container.field("value", of: events, decoder)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: RuleFileKey.self)
        try container.encode(events, forKey: "events")
        try container.encode(key, forKey: "key")
        try container.encode(value, forKey: "value")
    }
}
