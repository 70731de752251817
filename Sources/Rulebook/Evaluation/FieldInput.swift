import Foundation

/// A field value written in Swift, for events built in code rather than read.
///
/// ```swift
/// let fields: [String: FieldInput] = ["employee": "E001", "holiday": true, "totalMinutes": 600]
/// ```
public enum FieldInput: Sendable, Equatable, ExpressibleByStringLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByBooleanLiteral, ExpressibleByFloatLiteral
{
    /// An id or text.
    case text(String)
    /// A number, exact.
    case number(Decimal)
    /// A boolean.
    case boolean(Bool)
    /// A time.
    case time(Instant)

    /// Text: `"E001"`.
    ///
    /// ```swift
    /// evaluation.feed("clock.in", at: instant, ["employee": "E1"])
    /// ```
    public init(stringLiteral value: String) { self = .text(value) }
    /// A whole number: `95`.
    ///
    /// ```swift
    /// evaluation.feed("review.scored", at: instant, ["employee": "E1", "period": "2026-03", "score": 95])
    /// ```
    public init(integerLiteral value: Int) { self = .number(Decimal(value)) }
    /// A flag: `true`.
    ///
    /// ```swift
    /// evaluation.feed("shift.scheduled", at: instant, ["employee": "E1", "shift": "S1", "holiday": true, ...])
    /// ```
    public init(booleanLiteral value: Bool) { self = .boolean(value) }
    /// A float literal is read from its decimal text, so `15.3` is exactly 15.3.
    ///
    /// ```swift
    /// evaluation.feed("review.scored", at: instant, ["employee": "E1", "period": "2026-03", "score": 59.5])
    /// ```
    public init(floatLiteral value: Double) { self = .number(Decimal(string: "\(value)") ?? Decimal(value)) }

    func value(symbols: inout SymbolTable) -> FieldValue {
        switch self {
        case .text(let text): .symbol(symbols.intern(text))
        case .number(let number): .number(number)
        case .boolean(let flag): .boolean(flag)
        case .time(let instant): .instant(instant)
        }
    }
}
