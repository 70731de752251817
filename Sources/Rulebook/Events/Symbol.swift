/// An interned string: event types, field names and ids compare as integers.
///
/// Symbols are only meaningful together with the ``SymbolTable`` that issued them.
///
/// ```swift
/// var symbols = SymbolTable()
/// let employee = symbols.intern("employee")
/// symbols[employee]   // "employee"
/// ```
public struct Symbol: Hashable, Comparable, Sendable {
    /// The symbol's index in its table.
    public let rawValue: UInt32

    @inlinable
    /// The symbol with this number in its table.
    ///
    /// ```swift
    /// symbols[Symbol(rawValue: 0)]   // the first string interned
    /// ```
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    @inlinable
    public static func < (lhs: Symbol, rhs: Symbol) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// Interns strings once at the edge, so that evaluation compares integers.
///
/// ```swift
/// var table = SymbolTable()
/// let a = table.intern("clock.in")
/// table.intern("clock.in") == a   // true
/// table[a]                        // "clock.in"
/// ```
public struct SymbolTable: Sendable {
    private var indices: [String: Symbol] = [:]
    private var strings: [String] = []

    /// Creates an empty table.
    ///
    /// ```swift
    /// var symbols = SymbolTable()
    /// let employee = symbols.intern("employee")
    /// ```
    public init() {}

    /// The number of distinct strings interned so far.
    public var count: Int { strings.count }

    /// Returns the symbol of `string`, interning it if it is new.
    ///
    /// ```swift
    /// var symbols = SymbolTable()
    /// symbols.intern("E1") == symbols.intern("E1")   // true
    /// ```
    @discardableResult
    public mutating func intern(_ string: String) -> Symbol {
        if let symbol = indices[string] { return symbol }
        let symbol = Symbol(rawValue: UInt32(strings.count))
        strings.append(string)
        indices[string] = symbol
        return symbol
    }

    /// Returns the symbol of `string` if it was interned, without adding it.
    ///
    /// ```swift
    /// symbols.lookup("E1")   // the symbol, if "E1" was interned
    /// ```
    public func lookup(_ string: String) -> Symbol? { indices[string] }

    /// The string behind `symbol`; an empty string for a symbol of another table.
    public subscript(symbol: Symbol) -> String {
        let index = Int(symbol.rawValue)
        return index < strings.count ? strings[index] : ""
    }
}
