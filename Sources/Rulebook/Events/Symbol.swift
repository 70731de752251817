import Foundation

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
    /// Every string's UTF-8 bytes, one after another; symbol `n` ends at `ends[n]`
    /// (modulo 2^32, see `wraps`).
    /// Strings are made from these when asked for: most ids are short enough to be
    /// stored inside a `String` value, and keeping a `String` per id as well cost a
    /// fifth of the table on large logs.
    private var arena: [UInt8] = []
    private var ends: [UInt32] = []
    /// The symbols whose ends lie past one more multiple of 2^32 than the previous
    /// symbol's: ends are kept in 32 bits, half the memory of a table of millions of
    /// ids, and an arena of more than 4 GiB of ids is still read right.
    private var wraps: [Int] = []
    /// The bits of an end kept in `ends`: 32, or fewer to test wrapping on small tables.
    private let endBits: Int
    /// An open-addressing index over the bytes: each slot is five bytes, the symbol's
    /// number plus one (zero when empty), least significant byte first, and the top
    /// byte of its hash. Interning reads ids straight from a line's bytes, so a
    /// repeated id costs a hash and a comparison, not a `String`. It is kept at most
    /// three quarters full: probes stay short, the tag spares comparing bytes with all
    /// but one in 256 of the other ids probed, and five bytes a slot rather than eight
    /// make the index of a log of millions of ids, and the moment it grows, the
    /// largest part of a run's memory no longer. The tag sits beside the number, so
    /// that a probe of a large index misses the cache once, not twice.
    private var index = [UInt8](repeating: 0, count: 64 * SymbolTable.slotSize)
    private static var slotSize: Int { 5 }
    /// Short ids interned lately, found again without probing `index`: kept once the
    /// table holds ``recentFrom`` ids, when the index outgrows the fastest caches.
    private var recent = RecentSymbols()
    private static var recentFrom: Int { 4096 }
    private let hasher = ByteHash()

    /// Creates an empty table.
    ///
    /// ```swift
    /// var symbols = SymbolTable()
    /// let employee = symbols.intern("employee")
    /// ```
    public init() { endBits = 32 }

    /// A table keeping only the low `endBits` bits of each end, which must exceed
    /// the length of any string interned: the wrapping of larger arenas, on a small one.
    init(endBits: Int) { self.endBits = min(32, max(1, endBits)) }

    /// The number of distinct strings interned so far.
    public var count: Int { ends.count }

    /// Returns the symbol of `string`, interning it if it is new.
    ///
    /// Strings are compared by their UTF-8 bytes, as JSON compares ids.
    ///
    /// ```swift
    /// var symbols = SymbolTable()
    /// symbols.intern("E1") == symbols.intern("E1")   // true
    /// ```
    @discardableResult
    public mutating func intern(_ string: String) -> Symbol {
        var utf8 = string
        return utf8.withUTF8 { intern($0) }
    }

    /// Returns the symbol of the UTF-8 `bytes`, interning them if they are new; the
    /// bytes must be valid UTF-8.
    @discardableResult
    mutating func intern(_ bytes: UnsafeBufferPointer<UInt8>) -> Symbol {
        let hash = hasher.hash(bytes)
        let key = recent.key(of: bytes, hash: hash)
        if let key, let seen = recent.symbol(for: key) { return seen }
        let (slot, found) = find(bytes, hash: hash)
        if let found {
            if let key { recent.remember(found, for: key, known: true) }
            return found
        }
        let symbol = Symbol(rawValue: UInt32(truncatingIfNeeded: ends.count))
        let start = arena.count
        arena.append(contentsOf: bytes)
        if start >> endBits != arena.count >> endBits { wraps.append(ends.count) }
        ends.append(UInt32(truncatingIfNeeded: arena.count & (1 << endBits - 1)))
        index.withUnsafeMutableBytes { Self.store(symbol.rawValue + 1, tag: Self.tag(of: hash), at: slot, in: $0) }
        if let key { recent.remember(symbol, for: key, known: false) }
        if ends.count * 4 > index.count / Self.slotSize * 3 {
            grow()
            if !recent.isStarted, ends.count >= Self.recentFrom { recent.start() }
        }
        return symbol
    }

    /// Lets go of the memory that makes interning many ids fast, for a table that
    /// will only be read from now on; interning again is as right as before, and
    /// takes it back in time.
    mutating func stopRecentIds() { recent.stop() }

    /// Returns the symbol of `string` if it was interned, without adding it.
    ///
    /// ```swift
    /// symbols.lookup("E1")   // the symbol, if "E1" was interned
    /// ```
    public func lookup(_ string: String) -> Symbol? {
        var utf8 = string
        return utf8.withUTF8 { find($0, hash: hasher.hash($0)).found }
    }

    /// The string behind `symbol`; an empty string for a symbol of another table.
    public subscript(symbol: Symbol) -> String {
        let index = Int(symbol.rawValue)
        guard index < ends.count else { return "" }
        let bytes = range(of: index)
        return arena.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[bytes]), as: UTF8.self) }
    }

    /// `body` applied to the UTF-8 bytes of `symbol`, read in place; empty for a
    /// symbol of another table.
    func withUTF8<Result>(of symbol: Symbol, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        let index = Int(symbol.rawValue)
        guard index < ends.count else { return body(UnsafeBufferPointer(start: nil, count: 0)) }
        let bytes = range(of: index)
        return arena.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[bytes])) }
    }

    /// Where the bytes of symbol number `index` lie in the arena.
    private func range(of index: Int) -> Range<Int> {
        (index == 0 ? 0 : end(of: index - 1))..<end(of: index)
    }

    private func end(of index: Int) -> Int {
        let low = Int(ends[index])
        guard !wraps.isEmpty else { return low }
        return low + wraps.partitioningIndex { $0 > index } << endBits
    }

    private static func tag(of hash: UInt64) -> UInt8 { UInt8(truncatingIfNeeded: hash >> 56) }

    private static func store(_ entry: UInt32, tag: UInt8, at slot: Int, in index: UnsafeMutableRawBufferPointer) {
        index.storeBytes(of: entry.littleEndian, toByteOffset: slot * slotSize, as: UInt32.self)
        index[slot * slotSize + 4] = tag
    }

    /// The slot holding `bytes`, or the empty slot where they would go.
    private func find(_ bytes: UnsafeBufferPointer<UInt8>, hash: UInt64) -> (slot: Int, found: Symbol?) {
        let mask = index.count / Self.slotSize - 1
        let tag = Self.tag(of: hash)
        var slot = Int(truncatingIfNeeded: hash) & mask
        return arena.withUnsafeBufferPointer { arena in
            index.withUnsafeBytes { index in
                while true {
                    let entry = UInt32(littleEndian: index.loadUnaligned(fromByteOffset: slot * Self.slotSize, as: UInt32.self))
                    if entry == 0 { return (slot, nil) }
                    if index[slot * Self.slotSize + 4] == tag {
                        let number = Int(entry) - 1
                        let stored = range(of: number)
                        if stored.count == bytes.count, ByteSearch.equals(bytes, arena, from: stored.lowerBound) {
                            return (slot, Symbol(rawValue: UInt32(number)))
                        }
                    }
                    slot = (slot + 1) & mask
                }
            }
        }
    }

    private mutating func grow() {
        // Every slot is found again from the arena: the old index goes first, so that
        // the two are never held at once.
        let count = index.count / Self.slotSize * 2
        index = []
        var grown = [UInt8](repeating: 0, count: count * Self.slotSize)
        let mask = count - 1
        arena.withUnsafeBufferPointer { arena in
            grown.withUnsafeMutableBytes { grown in
                for number in ends.indices {
                    let hash = hasher.hash(UnsafeBufferPointer(rebasing: arena[range(of: number)]))
                    var slot = Int(truncatingIfNeeded: hash) & mask
                    while grown.loadUnaligned(fromByteOffset: slot * Self.slotSize, as: UInt32.self) != 0 { slot = (slot + 1) & mask }
                    Self.store(UInt32(number + 1), tag: Self.tag(of: hash), at: slot, in: grown)
                }
            }
        }
        index = grown
    }
}
