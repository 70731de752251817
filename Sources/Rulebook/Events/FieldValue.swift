import Foundation

/// The value of one field of an event, after reading and interning.
///
/// Numbers are exact decimals, so that `15.3 + 44.7` is exactly `60`.
///
/// ```swift
/// event[symbols.intern("score")]?.number   // 95
/// ```
public enum FieldValue: Hashable, Sendable {
    /// An id or a short text (interned).
    case symbol(Symbol)
    /// A finite number, exact as written.
    case number(Decimal)
    /// A boolean.
    case boolean(Bool)
    /// A timestamp.
    case instant(Instant)

    /// The symbol, if this is one.
    @inlinable public var symbol: Symbol? { if case .symbol(let s) = self { s } else { nil } }
    /// The number, if this is one.
    @inlinable public var number: Decimal? { if case .number(let n) = self { n } else { nil } }
    /// The boolean, if this is one.
    @inlinable public var boolean: Bool? { if case .boolean(let b) = self { b } else { nil } }
    /// The instant, if this is one.
    @inlinable public var instant: Instant? { if case .instant(let i) = self { i } else { nil } }
}
