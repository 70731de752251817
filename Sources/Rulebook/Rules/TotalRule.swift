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
    public enum Quantity: Codable, Equatable, Hashable, Sendable {
        /// A numeric field.
        case field(String)
        /// One numeric field minus another.
        case difference(String, String)
        /// One per event.
        case one
    }

    /// How the total is compared with the bound.
    public enum Comparison: String, Codable, Sendable {
        /// Total ≥ bound ("reaching").
        case atLeast = "at-least"
        /// Total > bound ("more than").
        case above
    }

    /// What the total is compared with.
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
public struct ReferencedValue: Codable, Equatable, Hashable, Sendable {
    /// The events that give it.
    public var events: EventSelector
    /// Their field naming the key (matched with the subject).
    public var key: String
    /// Their numeric field holding the value.
    public var value: String

    /// Creates a referenced value.
    public init(_ events: EventSelector, key: String, value: String) {
        self.events = events
        self.key = key
        self.value = value
    }
}
