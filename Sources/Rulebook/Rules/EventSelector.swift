import Foundation

/// Chooses events by type and by the values of their fields.
///
/// ```swift
/// let executiveHires = EventSelector("employee.hired", where: .equals("role", ["executive"]))
/// ```
public struct EventSelector: Codable, Equatable, Hashable, Sendable {
    /// The event types selected; an event must have one of them.
    public var types: [String]
    /// Conditions on fields; an event must meet all of them.
    public var conditions: [FieldCondition]

    /// Selects events of the given types that meet every condition.
    ///
    /// ```swift
    /// EventSelector("inquiry.received", where: .equals("complexity", ["complex"]))
    /// ```
    public init(_ types: String..., where conditions: FieldCondition...) {
        self.types = types
        self.conditions = conditions
    }

    /// Selects events of the given types that meet every condition.
    ///
    /// ```swift
    /// EventSelector(types: ["clock.in", "clock.out"])
    /// ```
    public init(types: [String], conditions: [FieldCondition] = []) {
        self.types = types
        self.conditions = conditions
    }
}

/// A test of one field of an event.
///
/// ```swift
/// EventSelector("inquiry.received", where: .equals("channel", ["chat"]), .absent("employee"))
/// ```
public enum FieldCondition: Codable, Equatable, Hashable, Sendable {
    /// The field is present and its text is one of `values`.
    case equals(String, [String])
    /// The field is absent, or is not one of `values`.
    case notEquals(String, [String])
    /// The field is present.
    case present(String)
    /// The field is absent.
    case absent(String)
    /// The field is the boolean `true`.
    case isTrue(String)
    /// The field is a number greater than `bound`.
    case greaterThan(String, Decimal)

    /// The field the condition tests.
    public var field: String {
        switch self {
        case .equals(let f, _), .notEquals(let f, _), .present(let f), .absent(let f), .isTrue(let f), .greaterThan(let f, _): f
        }
    }
}

extension EventSelector {
    /// A selector of one type and no conditions is written as the type alone:
    /// `"clock.in"`; otherwise `{"types": [...], "where": [...]}`.
    public init(from decoder: any Decoder) throws {
        if let single = try? decoder.singleValueContainer().decode(String.self) {
            self.init(types: [single])
            decoder.ruleFileContext?.check(type: single, at: decoder.codingPath)
            return
        }
        let container = try decoder.container(keyedBy: RuleFileKey.self)
        container.expectOnly(["types", "where"], decoder)
        self.init(types: try container.decode([String].self, forKey: "types"),
                  conditions: try container.decodeIfPresent([FieldCondition].self, forKey: "where") ?? [])
        guard let context = decoder.ruleFileContext else { return }
        for (index, type) in types.enumerated() {
            context.check(type: type, at: decoder.codingPath + [RuleFileKey("types"), IndexCodingKey(index)])
        }
        for (index, condition) in conditions.enumerated() {
            context.check(field: condition.field, of: self,
                          at: decoder.codingPath + [RuleFileKey("where"), IndexCodingKey(index), RuleFileKey("field")])
        }
    }

    public func encode(to encoder: any Encoder) throws {
        if types.count == 1, conditions.isEmpty, let single = types.first {
            var container = encoder.singleValueContainer()
            try container.encode(single)
            return
        }
        var container = encoder.container(keyedBy: RuleFileKey.self)
        try container.encode(types, forKey: "types")
        try container.encode(conditions, forKey: "where", unless: [])
    }
}

extension FieldCondition {
    private static let operators = ["equals", "notEquals", "present", "absent", "isTrue", "greaterThan"]

    /// `{"field": "role", "equals": ["executive"]}`; `present`, `absent` and `isTrue` take `true`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: RuleFileKey.self)
        container.expectOnly(Set(["field"] + Self.operators), decoder)
        let field = try container.decode(String.self, forKey: "field")
        let test = try container.oneKey(of: Self.operators, what: "a field test")
        func flag() throws {
            guard try container.decode(Bool.self, forKey: RuleFileKey(stringValue: test)) else {
                throw DecodingError.dataCorruptedError(
                    forKey: RuleFileKey(stringValue: test), in: container, debugDescription: "expected true, found false")
            }
        }
        switch test {
        case "equals": self = .equals(field, try container.decode([String].self, forKey: "equals"))
        case "notEquals": self = .notEquals(field, try container.decode([String].self, forKey: "notEquals"))
        case "present": try flag(); self = .present(field)
        case "absent": try flag(); self = .absent(field)
        case "isTrue": try flag(); self = .isTrue(field)
        default: self = .greaterThan(field, try container.decode(Decimal.self, forKey: "greaterThan"))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: RuleFileKey.self)
        try container.encode(field, forKey: "field")
        switch self {
        case .equals(_, let values): try container.encode(values, forKey: "equals")
        case .notEquals(_, let values): try container.encode(values, forKey: "notEquals")
        case .present: try container.encode(true, forKey: "present")
        case .absent: try container.encode(true, forKey: "absent")
        case .isTrue: try container.encode(true, forKey: "isTrue")
        case .greaterThan(_, let bound): try container.encode(bound, forKey: "greaterThan")
        }
    }
}
