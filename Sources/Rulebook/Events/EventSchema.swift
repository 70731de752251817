import Foundation

/// The event types a policy understands, with the fields each requires or allows.
///
/// The reader checks every line against the schema: a missing required field or a
/// field of the wrong kind makes the line an error naming that field.
///
/// ```swift
/// let schema = EventSchema([
///     EventType("clock.in", required: [.init("employee", .id)]),
/// ])
/// ```
public struct EventSchema: Sendable, Equatable {
    /// The types, by name.
    public private(set) var types: [String: EventType]

    /// Creates a schema from its types.
    public init(_ types: [EventType]) {
        self.types = Dictionary(types.map { ($0.name, $0) }, uniquingKeysWith: { _, last in last })
    }

    /// Adds or replaces a type.
    public mutating func add(_ type: EventType) { types[type.name] = type }
}

/// One event type and its fields.
public struct EventType: Sendable, Equatable {
    /// The type's name as it appears in `type`, e.g. `shift.scheduled`.
    public var name: String
    /// Fields every event of this type must carry.
    public var required: [FieldSpec]
    /// Fields it may carry; when present they must be of their kind.
    public var optional: [FieldSpec]

    /// Creates an event type.
    public init(_ name: String, required: [FieldSpec], optional: [FieldSpec] = []) {
        self.name = name
        self.required = required
        self.optional = optional
    }
}

/// A field of an event type and the kind of value it holds.
public struct FieldSpec: Sendable, Equatable {
    /// The field's name.
    public var name: String
    /// What its value must be.
    public var kind: FieldKind

    /// Creates a field specification.
    public init(_ name: String, _ kind: FieldKind) {
        self.name = name
        self.kind = kind
    }
}

/// The kinds of value a field can hold, and how the reader checks them.
public enum FieldKind: Sendable, Equatable {
    /// An id: a JSON string, or a JSON integer read as its decimal string.
    case id
    /// A JSON string, optionally one of a fixed set of values.
    case text(oneOf: [String]? = nil)
    /// A finite JSON number, optionally within bounds (inclusive).
    case number(minimum: Decimal? = nil, maximum: Decimal? = nil)
    /// A JSON boolean.
    case boolean
    /// An RFC 3339 timestamp with an offset.
    case time
    /// A calendar month written `YYYY-MM`.
    case month

    /// A phrase for error messages: what a value of this kind looks like.
    public var expectation: String {
        switch self {
        case .id: "an id (a string or an integer)"
        case .text(let values?): "one of " + values.map { "'\($0)'" }.joined(separator: ", ")
        case .text: "a string"
        case .number(let minimum?, let maximum?): "a number from \(minimum) to \(maximum)"
        case .number(let minimum?, nil): "a number of at least \(minimum)"
        case .number(nil, let maximum?): "a number of at most \(maximum)"
        case .number: "a number"
        case .boolean: "true or false"
        case .time: "a time like 2026-03-02T09:31:00+08:00"
        case .month: "a month like 2026-03"
        }
    }
}
