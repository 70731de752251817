import Foundation

/// An ``EventSelector`` resolved against a symbol table, so matching compares integers.
struct CompiledSelector: Sendable {
    private enum Test: Sendable {
        case equals(Symbol, [Symbol], negated: Bool)
        case present(Symbol, Bool)
        case isTrue(Symbol)
        case greaterThan(Symbol, Decimal)
    }

    let types: [Symbol]
    private let tests: [Test]

    init(_ selector: EventSelector, symbols: inout SymbolTable) {
        types = selector.types.map { symbols.intern($0) }
        tests = selector.conditions.map { condition in
            switch condition {
            case .equals(let field, let values):
                .equals(symbols.intern(field), values.map { symbols.intern($0) }, negated: false)
            case .notEquals(let field, let values):
                .equals(symbols.intern(field), values.map { symbols.intern($0) }, negated: true)
            case .present(let field): .present(symbols.intern(field), true)
            case .absent(let field): .present(symbols.intern(field), false)
            case .isTrue(let field): .isTrue(symbols.intern(field))
            case .greaterThan(let field, let bound): .greaterThan(symbols.intern(field), bound)
            }
        }
    }

    /// Whether `event` is selected; its type is assumed to be one of ``types``.
    func matchesFields(_ event: Event) -> Bool {
        for test in tests {
            switch test {
            case .equals(let field, let values, let negated):
                guard let symbol = event[field]?.symbol else {
                    if negated { continue } else { return false }
                }
                if values.contains(symbol) == negated { return false }
            case .present(let field, let wanted):
                if (event[field] != nil) != wanted { return false }
            case .isTrue(let field):
                if event[field]?.boolean != true { return false }
            case .greaterThan(let field, let bound):
                guard let number = event[field]?.number, number > bound else { return false }
            }
        }
        return true
    }

    func matches(_ event: Event) -> Bool { types.contains(event.type) && matchesFields(event) }
}

/// An event reduced to what an index keeps of it.
struct EventMark: Sendable, Comparable {
    var time: Instant
    var line: Int
    /// The person or case the event names, where the index needs it.
    var key: Symbol?
    /// The value of the field a join follows, for events that must meet one.
    var join: Symbol?

    static func < (lhs: EventMark, rhs: EventMark) -> Bool {
        (lhs.time, lhs.line) < (rhs.time, rhs.line)
    }
}

extension Array where Element == EventMark {
    /// Inserts keeping the array sorted by (time, line); near-sorted input appends.
    mutating func insertSorted(_ mark: EventMark) {
        var index = endIndex
        while index > startIndex, mark < self[index - 1] { index -= 1 }
        insert(mark, at: index)
    }
}
