/// The symbols of short ids interned lately, each beside the id's bytes.
///
/// A large log's symbol index runs to tens or hundreds of megabytes, and a probe of it
/// misses the processor's caches; comparing the id found with the bytes kept in the
/// arena misses them again. Yet most ids a line names were named moments before: its
/// employee, on line after line; its ticket, answered a minute after it was received.
/// These entries hold such ids' bytes beside their symbols, so that they are found
/// without touching the index or the arena. An id's entry is taken by the next one
/// whose hash falls on it: the index stays the record of every id, and an entry answers
/// only for the very bytes it holds.
///
/// The entries start at 256 KiB, small enough to stay in a core's own cache beside
/// everything else a run touches, and grow to at most 1 MiB while more of the ids
/// missed here are ones the table already held than new ones: the entries are then
/// too few for the ids in use (a month of 20,000 employees needs the 1 MiB; 2,000 do
/// not, and ran faster with less).
struct RecentSymbols: Sendable {
    /// The bytes of an id of at most ``longest`` bytes and where its entry lies.
    struct Key {
        /// The id's first eight bytes, zero past its end.
        fileprivate let head: UInt64
        /// Its next three bytes, zero past its end, and its length in bits 24 to 31.
        fileprivate let tail: UInt64
        fileprivate let place: Int
    }

    /// The longest id held: eight bytes in one word, three in the next beside the
    /// length and the symbol. Employee, ticket and shift ids are rarely longer.
    static var longest: Int { 11 }
    static var fewest: Int { 1 << 14 }
    static var most: Int { 1 << 16 }
    /// How many ids missed here are counted before the entries may grow.
    private static var window: Int { 1 << 14 }

    /// Two words an entry: a key's `head`, then its `tail` with the symbol's number
    /// plus one in the top 32 bits (zero when the entry is empty); no entries at all
    /// until ``start()``, so that the many small tables a program may make cost nothing.
    private var words: [UInt64] = []
    /// The number of entries less one, a power of two less one.
    private var mask = 0
    /// Of the ids missed here since the last count: those the table held, and new ones.
    private var knownMissed = 0
    private var newMissed = 0

    /// Whether entries are kept.
    var isStarted: Bool { !words.isEmpty }

    /// The number of entries.
    var capacity: Int { words.count / 2 }

    /// Makes room for the fewest entries, all empty.
    mutating func start() { resize(to: Self.fewest) }

    /// Lets the entries go, until ``start()`` again.
    mutating func stop() {
        words = []
        mask = 0
    }

    private mutating func resize(to count: Int) {
        words = [UInt64](repeating: 0, count: 2 * count)
        mask = count - 1
        knownMissed = 0
        newMissed = 0
    }

    /// The key of `bytes`, whose hash is `hash`; `nil` for an id too long to be held,
    /// or while no entries are kept.
    @inline(__always)
    func key(of bytes: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Key? {
        let length = bytes.count
        guard length <= Self.longest, !words.isEmpty, let base = bytes.baseAddress else { return nil }
        var head: UInt64 = 0
        var tail = UInt64(length) << 24
        if length >= 8 {
            head = UInt64(littleEndian: UnsafeRawPointer(base).loadUnaligned(as: UInt64.self))
            for index in 8..<length { tail |= UInt64(base[index]) << (8 * (index - 8)) }
        } else {
            for index in 0..<length { head |= UInt64(base[index]) << (8 * index) }
        }
        // The index probes from the low bits of the hash; the high ones spread these.
        let place = 2 * (Int(truncatingIfNeeded: hash >> 32) & mask)
        return Key(head: head, tail: tail, place: place)
    }

    /// The symbol remembered for exactly the bytes of `key`, if it is still held.
    @inline(__always)
    func symbol(for key: Key) -> Symbol? {
        words.withUnsafeBufferPointer { words in
            let tail = words[key.place + 1]
            guard words[key.place] == key.head, tail & 0xFFFF_FFFF == key.tail, tail >> 32 != 0 else { return nil }
            return Symbol(rawValue: UInt32(truncatingIfNeeded: tail >> 32) &- 1)
        }
    }

    /// Holds `symbol` for the bytes of `key`, in place of whatever id was there;
    /// `known` tells whether the symbol table held it already. `key` is spent: the
    /// entries may have grown.
    @inline(__always)
    mutating func remember(_ symbol: Symbol, for key: Key, known: Bool) {
        words.withUnsafeMutableBufferPointer { words in
            words[key.place] = key.head
            words[key.place + 1] = key.tail | UInt64(symbol.rawValue &+ 1) << 32
        }
        if known { knownMissed += 1 } else { newMissed += 1 }
        guard knownMissed + newMissed == Self.window else { return }
        if knownMissed > newMissed, capacity < Self.most {
            resize(to: 2 * capacity)
        } else {
            knownMissed = 0
            newMissed = 0
        }
    }
}
