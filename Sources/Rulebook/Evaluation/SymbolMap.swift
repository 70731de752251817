/// A map from symbols to values, found through pages of slots indexed by the
/// symbols' numbers. Symbols are numbered densely in the order they are interned, so a
/// lookup is a few array indexings instead of hashing: on large logs hashing `Symbol`
/// keys was a sixth of the time, and worse as tables outgrew the caches.
///
/// Values are stored densely, in insertion order; a page holds only 64 small slots, so
/// keys scattered through the symbol numbers (shifts published among millions of
/// tickets) cost a few hundred bytes each, not a page of values.
struct SymbolMap<Value: Sendable>: Sendable {
    private static var pageBits: Int { 6 }
    /// Per page, each slot's index into `storedValues`, or `empty`; an empty page is
    /// `[]`. There are at most as many values as symbols, which are 32-bit.
    private var pages: [[UInt32]] = []
    /// Per page, how many of its slots hold a value: a page left empty is let go, as
    /// the pages of settled tickets are.
    private var pageCounts: [UInt8] = []
    private static var empty: UInt32 { .max }
    private var storedKeys: [Symbol] = []
    private var storedValues = ChunkedArray<Value>()

    init() {}

    /// How many symbols have a value.
    var count: Int { storedValues.count }

    private static func place(of key: Symbol) -> (page: Int, slot: Int) {
        let number = Int(key.rawValue)
        return (number >> pageBits, number & ((1 << pageBits) - 1))
    }

    private func index(of key: Symbol) -> Int? {
        let (page, slot) = Self.place(of: key)
        guard page < pages.count, !pages[page].isEmpty else { return nil }
        let index = pages[page][slot]
        return index == Self.empty ? nil : Int(index)
    }

    /// The index of `key`'s value, adding `make()` for it first if it has none.
    private mutating func index(of key: Symbol, making make: () -> Value) -> Int {
        let (page, slot) = Self.place(of: key)
        if page >= pages.count {
            pages.append(contentsOf: repeatElement([], count: page - pages.count + 1))
            pageCounts.append(contentsOf: repeatElement(0, count: pages.count - pageCounts.count))
        }
        if pages[page].isEmpty { pages[page] = Array(repeating: Self.empty, count: 1 << Self.pageBits) }
        if pages[page][slot] != Self.empty { return Int(pages[page][slot]) }
        pages[page][slot] = UInt32(truncatingIfNeeded: storedValues.count)
        pageCounts[page] += 1
        storedKeys.append(key)
        storedValues.append(make())
        return storedValues.count - 1
    }

    subscript(key: Symbol) -> Value? {
        get { index(of: key).map { storedValues[$0] } }
        set {
            if let newValue {
                let found = index(of: key, making: { newValue })
                storedValues[found] = newValue
                return
            }
            guard let found = index(of: key) else { return }
            // Fill the hole with the last value, and point its slot at its new place.
            let last = storedValues.count - 1
            if found != last {
                let moved = storedKeys[last]
                let (page, slot) = Self.place(of: moved)
                pages[page][slot] = UInt32(truncatingIfNeeded: found)
                storedKeys[found] = moved
            }
            storedKeys.removeLast()
            storedValues.remove(movingLastInto: found)
            let (page, slot) = Self.place(of: key)
            pages[page][slot] = Self.empty
            pageCounts[page] -= 1
            if pageCounts[page] == 0 { pages[page] = [] }
        }
    }

    /// A byte of the value of `key`, read in place, or zero: a load whose only use is
    /// to bring the value into the cache before it is needed.
    func firstByte(of key: Symbol) -> UInt8 {
        index(of: key).map { storedValues.firstByte(at: $0) } ?? 0
    }

    /// The value of `key`, or `defaultValue` to change in place: `map[key, default: []].append(x)`.
    subscript(key: Symbol, default defaultValue: @autoclosure () -> Value) -> Value {
        get { self[key] ?? defaultValue() }
        _modify {
            let found = index(of: key, making: defaultValue)
            yield &storedValues[found]
        }
    }

    /// Calls `body` with each symbol and its value, in the order they were added.
    func forEach(_ body: (Symbol, Value) -> Void) {
        var index = 0
        storedValues.forEach { value in
            body(storedKeys[index], value)
            index += 1
        }
    }

    /// The symbols that have a value, in the order they were added.
    var keys: [Symbol] { storedKeys }

    /// The values, in the order they were added.
    var values: [Value] { storedValues.elements }
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
