import Testing
@testable import Rulebook

struct RecentSymbolsTests {
    /// The key of `id` as if its hash were `hash`: ids given one hash share an entry.
    func key(_ id: [UInt8], hash: UInt64 = 0x1234_5678_9ABC_DEF0) -> RecentSymbols.Key? {
        id.withUnsafeBufferPointer { RecentSymbols.key(of: $0, hash: hash) }
    }

    var started: RecentSymbols {
        var recent = RecentSymbols()
        recent.start()
        return recent
    }

    @Test func anEntryAnswersOnlyForTheVeryBytesItHolds() throws {
        var recent = started
        let ticket = Array("T1234567890".utf8)
        recent.remember(Symbol(rawValue: 7), for: try #require(key(ticket)))
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
        recent.remember(Symbol(rawValue: 1), for: try #require(key([0x45, 0x31])))
        #expect(recent.symbol(for: try #require(key([0x45, 0x31, 0]))) == nil)
        #expect(recent.symbol(for: try #require(key([0x45, 0x31]))) == Symbol(rawValue: 1))
    }

    @Test func anEmptyEntryIsNotTakenForAnEmptyId() throws {
        let recent = started
        let bytes: [UInt8] = [1]
        let empty = try #require(bytes.withUnsafeBufferPointer { RecentSymbols.key(of: UnsafeBufferPointer(rebasing: $0[0..<0]), hash: 0) })
        #expect(recent.symbol(for: empty) == nil)
    }

    @Test func entriesAreKeptOnlyWhileStarted() throws {
        let id = try #require(key(Array("E001".utf8)))
        var recent = RecentSymbols()
        recent.remember(Symbol(rawValue: 3), for: id)
        #expect(recent.symbol(for: id) == nil)
        recent.start()
        recent.remember(Symbol(rawValue: 3), for: id)
        #expect(recent.symbol(for: id) == Symbol(rawValue: 3))
        recent.stop()
        #expect(recent.symbol(for: id) == nil)
        recent.start()
        #expect(recent.symbol(for: id) == nil)
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
