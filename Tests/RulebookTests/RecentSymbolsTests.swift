import Testing
@testable import Rulebook

struct RecentSymbolsTests {
    /// Entries kept, as a table of thousands of ids keeps them.
    var started: RecentSymbols {
        var recent = RecentSymbols()
        recent.start()
        return recent
    }

    /// The key of `id` in `recent` as if its hash were `hash`: ids given one hash share
    /// an entry.
    func key(_ id: [UInt8], hash: UInt64 = 0x1234_5678_9ABC_DEF0, in recent: RecentSymbols? = nil) -> RecentSymbols.Key? {
        let recent = recent ?? started
        return id.withUnsafeBufferPointer { recent.key(of: $0, hash: hash) }
    }

    @Test func anEntryAnswersOnlyForTheVeryBytesItHolds() throws {
        var recent = started
        let ticket = Array("T1234567890".utf8)
        recent.remember(Symbol(rawValue: 7), for: try #require(key(ticket)), known: false)
        #expect(recent.symbol(for: try #require(key(ticket))) == Symbol(rawValue: 7))
        // Ids sharing the entry: the last byte differs, the first does, one is shorter
        // by a trailing zero byte, one is shorter than a word.
        for other in ["T1234567891", "U1234567890", "T123456789", "T12"] {
            #expect(recent.symbol(for: try #require(key(Array(other.utf8)))) == nil, "\(other)")
        }
        #expect(recent.symbol(for: try #require(key(ticket.dropLast() + [0]))) == nil)
        #expect(recent.symbol(for: try #require(key(ticket, hash: 0x8765_4321_0000_0000))) == nil)
    }

    @Test func aShortIdWithATrailingZeroByteIsAnotherId() throws {
        var recent = started
        recent.remember(Symbol(rawValue: 1), for: try #require(key([0x45, 0x31])), known: false)
        #expect(recent.symbol(for: try #require(key([0x45, 0x31, 0]))) == nil)
        #expect(recent.symbol(for: try #require(key([0x45, 0x31]))) == Symbol(rawValue: 1))
    }

    @Test func anEmptyEntryIsNotTakenForAnEmptyId() throws {
        let recent = started
        let bytes: [UInt8] = [1]
        let empty = try #require(bytes.withUnsafeBufferPointer { recent.key(of: UnsafeBufferPointer(rebasing: $0[0..<0]), hash: 0) })
        #expect(recent.symbol(for: empty) == nil)
    }

    @Test func entriesAreKeptOnlyWhileStarted() throws {
        var recent = RecentSymbols()
        #expect(key(Array("E001".utf8), in: recent) == nil)
        recent.start()
        recent.remember(Symbol(rawValue: 3), for: try #require(key(Array("E001".utf8), in: recent)), known: false)
        #expect(recent.symbol(for: try #require(key(Array("E001".utf8), in: recent))) == Symbol(rawValue: 3))
        recent.stop()
        #expect(key(Array("E001".utf8), in: recent) == nil)
        recent.start()
        #expect(recent.symbol(for: try #require(key(Array("E001".utf8), in: recent))) == nil)
    }

    /// Looks `ids` up in `recent` as a symbol table does, `rounds` times over, each
    /// missed id remembered (as new the first time round); the entries held at the end.
    func capacity(after rounds: Int, of ids: [String]) -> Int {
        var recent = started
        let hasher = ByteHash()
        for round in 0..<rounds {
            for (number, id) in ids.enumerated() {
                var text = id
                text.withUTF8 { bytes in
                    guard let key = recent.key(of: bytes, hash: hasher.hash(bytes)) else { return }
                    if recent.symbol(for: key) == nil {
                        recent.remember(Symbol(rawValue: UInt32(number)), for: key, known: round > 0)
                    }
                }
            }
        }
        return recent.capacity
    }

    @Test func entriesGrowWhileTheIdsInUseOutnumberThem() {
        // A few thousand ids in use stay in the fewest entries; sixty thousand, seen
        // again and again, are more than the fewest hold, and the entries grow to the most.
        #expect(capacity(after: 4, of: (0..<3_000).map { "E\($0)" }) == RecentSymbols.fewest)
        #expect(capacity(after: 4, of: (0..<60_000).map { "E\($0)" }) == RecentSymbols.most)
        // New ids alone, however many, are no reason to grow.
        #expect(capacity(after: 1, of: (0..<200_000).map { "T\($0)" }) == RecentSymbols.fewest)
    }

    @Test func idsLongerThanAnEntryHoldsAreLeftToTheIndex() {
        #expect(key(Array("S03001-0330".utf8)) != nil)
        #expect(key(Array("S003001-0330".utf8)) == nil)
    }

    @Test func aTableOfMoreIdsThanEntriesGivesEachIdOneSymbol() {
        // Eleven- and twelve-byte ids that differ in their last bytes, far more of them
        // than there are entries, interned again in another order, then with the
        // entries let go and taken back as the table grows.
        var symbols = SymbolTable()
        let ids = (0..<60_000).flatMap { n in
            let digits = String(n)
            let padded = String(repeating: "0", count: 10 - digits.count) + digits
            return ["T" + padded, "TT" + padded]
        }
        let interned = ids.map { symbols.intern($0) }
        #expect(Set(interned).count == ids.count)
        for (id, symbol) in zip(ids, interned).reversed() {
            if symbols.intern(id) != symbol { Issue.record("\(id) became another symbol"); return }
        }
        // Without the recent entries, and once more after they are taken back.
        symbols.stopRecentIds()
        for (id, symbol) in zip(ids, interned) where symbols.intern(id) != symbol {
            Issue.record("\(id) became another symbol")
            return
        }
        let more = (0..<100_000).map { "U\($0)" }
        let moreInterned = more.map { symbols.intern($0) }
        for (id, symbol) in zip(ids + more, interned + moreInterned).reversed() where symbols.intern(id) != symbol {
            Issue.record("\(id) became another symbol")
            return
        }
        #expect(symbols.count == ids.count + more.count)
        #expect(symbols[interned[12_345]] == ids[12_345])
    }
}
