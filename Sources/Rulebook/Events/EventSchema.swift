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
    ///
    /// ```swift
    /// let schema = EventSchema([EventType("clock.in", required: [.init("employee", .id)])])
    /// ```
    public init(_ types: [EventType]) {
        self.types = Dictionary(types.map { ($0.name, $0) }, uniquingKeysWith: { _, last in last })
    }

    /// Adds or replaces a type.
    ///
    /// ```swift
    /// var schema = ContactCenterEvents.schema
    /// schema.add(EventType("break.started", required: [.init("employee", .id)]))
    /// ```
    public mutating func add(_ type: EventType) { types[type.name] = type }
}

/// One event type and its fields.
///
/// ```swift
/// EventType("inquiry.received", required: [.init("ticket", .id)],
///           optional: [.init("channel", .text(oneOf: ["phone", "email", "chat"]))])
/// ```
public struct EventType: Sendable, Equatable {
    /// The type's name as it appears in `type`, e.g. `shift.scheduled`.
    public var name: String
    /// Fields every event of this type must carry.
    public var required: [FieldSpec]
    /// Fields it may carry; when present they must be of their kind.
    public var optional: [FieldSpec]

    /// Creates an event type.
    ///
    /// ```swift
    /// EventType("review.scored", required: [.init("employee", .id), .init("score", .number(minimum: 0, maximum: 100))])
    /// ```
    public init(_ name: String, required: [FieldSpec], optional: [FieldSpec] = []) {
        self.name = name
        self.required = required
        self.optional = optional
    }
}

/// A field of an event type and the kind of value it holds.
///
/// ```swift
/// FieldSpec("score", .number(minimum: 0, maximum: 100))
/// ```
public struct FieldSpec: Sendable, Equatable {
    /// The field's name.
    public var name: String
    /// What its value must be.
    public var kind: FieldKind

    /// Creates a field specification.
    ///
    /// ```swift
    /// FieldSpec("channel", .text(oneOf: ["phone", "email", "chat"]))
    /// ```
    public init(_ name: String, _ kind: FieldKind) {
        self.name = name
        self.kind = kind
    }
}

/// The kinds of value a field can hold, and how the reader checks them.
///
/// ```swift
/// FieldKind.number(minimum: 0).expectation   // "a number of at least 0"
/// ```
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

extension EventSchema: Codable {
    /// An object from type name to its fields, in name order:
    /// `{"clock.in": {"required": {"employee": "id"}}}`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: RuleFileKey.self)
        var types: [EventType] = []
        for key in container.allKeys {
            let fields = try container.nestedContainer(keyedBy: RuleFileKey.self, forKey: key)
            fields.expectOnly(["required", "optional"], decoder)
            func specs(_ list: RuleFileKey) throws -> [FieldSpec] {
                guard fields.contains(list) else { return [] }
                let specs = try fields.nestedContainer(keyedBy: RuleFileKey.self, forKey: list)
                return try specs.allKeys.map { FieldSpec($0.stringValue, try specs.decode(FieldKind.self, forKey: $0)) }
            }
            types.append(EventType(key.stringValue, required: try specs("required"), optional: try specs("optional")))
        }
        self.init(types)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: RuleFileKey.self)
        for type in types.values.sorted(by: { $0.name < $1.name }) {
            var fields = container.nestedContainer(keyedBy: RuleFileKey.self, forKey: RuleFileKey(stringValue: type.name))
            for (list, specs) in [("required", type.required), ("optional", type.optional)] where !specs.isEmpty {
                var nested = fields.nestedContainer(keyedBy: RuleFileKey.self, forKey: RuleFileKey(stringValue: list))
                for spec in specs { try nested.encode(spec.kind, forKey: RuleFileKey(stringValue: spec.name)) }
            }
        }
    }
}

extension FieldKind: Codable {
    /// `"id"`, `"text"`, `{"oneOf": [...]}`, `"number"`, `{"minimum": 0, "maximum": 100}`,
    /// `"boolean"`, `"time"` or `"month"`.
    public init(from decoder: any Decoder) throws {
        if let word = try? decoder.singleValueContainer().decode(String.self) {
            switch word {
            case "id": self = .id
            case "text": self = .text()
            case "number": self = .number()
            case "boolean": self = .boolean
            case "time": self = .time
            case "month": self = .month
            default:
                throw DecodingError.dataCorrupted(.init(
                    codingPath: decoder.codingPath,
                    debugDescription: "expected a field kind ('id', 'text', 'number', 'boolean', 'time', 'month', "
                        + "{\"oneOf\": [...]} or {\"minimum\": ..., \"maximum\": ...}), found the string \(JSONString.quoted(word))"))
            }
            return
        }
        let container = try decoder.container(keyedBy: RuleFileKey.self)
        if container.contains("oneOf") {
            container.expectOnly(["oneOf"], decoder)
            self = .text(oneOf: try container.decode([String].self, forKey: "oneOf"))
        } else {
            container.expectOnly(["minimum", "maximum"], decoder)
            self = .number(minimum: try container.decodeIfPresent(Decimal.self, forKey: "minimum"),
                           maximum: try container.decodeIfPresent(Decimal.self, forKey: "maximum"))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        switch self {
        case .text(let values?):
            var container = encoder.container(keyedBy: RuleFileKey.self)
            try container.encode(values, forKey: "oneOf")
        case .number(let minimum, let maximum) where minimum != nil || maximum != nil:
            var container = encoder.container(keyedBy: RuleFileKey.self)
            try container.encodeIfPresent(minimum, forKey: "minimum")
            try container.encodeIfPresent(maximum, forKey: "maximum")
        default:
            var container = encoder.singleValueContainer()
            let word = switch self {
            case .id: "id"
            case .text: "text"
            case .number: "number"
            case .boolean: "boolean"
            case .time: "time"
            case .month: "month"
            }
            try container.encode(word)
        }
    }
}
