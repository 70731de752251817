/// A map from symbols to values, kept in pages of slots indexed by the symbols'
/// numbers. Symbols are numbered densely in the order they are interned, so a lookup
/// is two array indexings instead of hashing: on large logs hashing `Symbol` keys was
/// a sixth of the time, and worse as tables outgrew the caches.
struct SymbolMap<Value: Sendable>: Sendable {
    private static var pageBits: Int { 10 }
    private var pages: [[Value?]] = []
    /// How many symbols have a value.
    private(set) var count = 0

    init() {}

    private static func place(of key: Symbol) -> (page: Int, slot: Int) {
        let number = Int(key.rawValue)
        return (number >> pageBits, number & ((1 << pageBits) - 1))
    }

    subscript(key: Symbol) -> Value? {
        get {
            let (page, slot) = Self.place(of: key)
            guard page < pages.count, !pages[page].isEmpty else { return nil }
            return pages[page][slot]
        }
        set {
            let (page, slot) = Self.place(of: key)
            guard let newValue else {
                guard page < pages.count, !pages[page].isEmpty, pages[page][slot] != nil else { return }
                pages[page][slot] = nil
                count -= 1
                return
            }
            if page >= pages.count { pages.append(contentsOf: repeatElement([], count: page - pages.count + 1)) }
            if pages[page].isEmpty { pages[page] = Array(repeating: nil, count: 1 << Self.pageBits) }
            if pages[page][slot] == nil { count += 1 }
            pages[page][slot] = newValue
        }
    }

    /// The value of `key`, or `defaultValue` to change in place: `map[key, default: []].append(x)`.
    subscript(key: Symbol, default defaultValue: @autoclosure () -> Value) -> Value {
        get { self[key] ?? defaultValue() }
        _modify {
            let (page, slot) = Self.place(of: key)
            if page >= pages.count { pages.append(contentsOf: repeatElement([], count: page - pages.count + 1)) }
            if pages[page].isEmpty { pages[page] = Array(repeating: nil, count: 1 << Self.pageBits) }
            // Moved out and back, so that the value is changed in place, not copied.
            let existing = pages[page][slot].take()
            if existing == nil { count += 1 }
            var value = existing ?? defaultValue()
            defer { pages[page][slot] = value }
            yield &value
        }
    }

    /// Calls `body` with each symbol and its value, in symbol order.
    func forEach(_ body: (Symbol, Value) -> Void) {
        for (page, slots) in pages.enumerated() where !slots.isEmpty {
            for (slot, value) in slots.enumerated() {
                if let value { body(Symbol(rawValue: UInt32(page << Self.pageBits | slot)), value) }
            }
        }
    }

    /// The symbols that have a value, in symbol order.
    var keys: [Symbol] {
        var all: [Symbol] = []
        all.reserveCapacity(count)
        forEach { key, _ in all.append(key) }
        return all
    }

    /// The values, in symbol order.
    var values: [Value] {
        var all: [Value] = []
        all.reserveCapacity(count)
        forEach { _, value in all.append(value) }
        return all
    }
}

/// A set of symbols, kept as bits indexed by the symbols' numbers.
struct SymbolSet: Sendable, Sequence {
    private var words: [UInt64] = []
    /// How many symbols it holds.
    private(set) var count = 0

    init() {}

    func contains(_ symbol: Symbol) -> Bool {
        let word = Int(symbol.rawValue >> 6)
        return word < words.count && words[word] & (1 << UInt64(symbol.rawValue & 63)) != 0
    }

    /// Adds `symbol`; whether it was new.
    @discardableResult
    mutating func insert(_ symbol: Symbol) -> Bool {
        let word = Int(symbol.rawValue >> 6), bit = UInt64(1) << UInt64(symbol.rawValue & 63)
        if word >= words.count { words.append(contentsOf: repeatElement(0, count: word - words.count + 1)) }
        guard words[word] & bit == 0 else { return false }
        words[word] |= bit
        count += 1
        return true
    }

    func makeIterator() -> AnyIterator<Symbol> {
        var word = 0
        var remaining: UInt64 = words.first ?? 0
        let words = self.words
        return AnyIterator {
            while remaining == 0 {
                word += 1
                guard word < words.count else { return nil }
                remaining = words[word]
            }
            let bit = remaining.trailingZeroBitCount
            remaining &= remaining - 1
            return Symbol(rawValue: UInt32(word << 6 | bit))
        }
    }
}
