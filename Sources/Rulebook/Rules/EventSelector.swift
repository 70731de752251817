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
    public init(_ types: String..., where conditions: FieldCondition...) {
        self.types = types
        self.conditions = conditions
    }

    /// Selects events of the given types that meet every condition.
    public init(types: [String], conditions: [FieldCondition] = []) {
        self.types = types
        self.conditions = conditions
    }
}

/// A test of one field of an event.
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
