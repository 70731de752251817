@testable import Rulebook
import Testing

@Suite("Maps and sets indexed by symbol")
struct SymbolMapTests {
    @Test func valuesAreFoundChangedAndRemovedLikeADictionarys() {
        var map = SymbolMap<[Int]>()
        var reference: [Symbol: [Int]] = [:]
        // Keys scattered through the symbol numbers, changed and removed in a fixed
        // pseudo-random order, compared with a dictionary after every step.
        var state: UInt64 = 42
        for step in 0..<20_000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let key = Symbol(rawValue: UInt32(truncatingIfNeeded: state >> 40) % 5000 * 37)
            switch step % 4 {
            case 0, 1:
                map[key, default: []].append(step)
                reference[key, default: []].append(step)
            case 2:
                map[key] = [step]
                reference[key] = [step]
            default:
                map[key] = nil
                reference[key] = nil
            }
            #expect(map[key] == reference[key])
        }
        #expect(map.count == reference.count)
        var seen: [Symbol: [Int]] = [:]
        map.forEach { key, value in seen[key] = value }
        #expect(seen == reference)
        #expect(Set(map.keys) == Set(reference.keys))
    }

    @Test func aSetHoldsEachSymbolOnceAndListsThemInOrder() {
        var set = SymbolSet()
        for number: UInt32 in [900, 3, 64, 3, 65, 0, 900] { set.insert(Symbol(rawValue: number)) }
        #expect(set.count == 5)
        #expect(Array(set).map(\.rawValue) == [0, 3, 64, 65, 900])
        #expect(set.contains(Symbol(rawValue: 64)))
        #expect(!set.contains(Symbol(rawValue: 63)))
        #expect(!set.contains(Symbol(rawValue: 100_000)))
    }

    @Test func aMapOfManyValuesKeepsThemAcrossItsChunks() {
        // More values than fit in several chunks of storage, removed from the middle:
        // each removal moves the last value into the hole.
        var map = SymbolMap<Int>()
        for number in 0..<20_000 { map[Symbol(rawValue: UInt32(number * 3))] = number }
        for number in stride(from: 0, to: 20_000, by: 7) { map[Symbol(rawValue: UInt32(number * 3))] = nil }
        #expect(map.count == 20_000 - (20_000 + 6) / 7)
        #expect(map[Symbol(rawValue: 3)] == 1)
        #expect(map[Symbol(rawValue: 0)] == nil)
        #expect(map[Symbol(rawValue: 19_998 * 3)] == 19_998)
        #expect(map[Symbol(rawValue: 19_999 * 3)] == nil)
        var sum = 0
        map.forEach { key, value in
            #expect(Int(key.rawValue) == value * 3)
            sum += value
        }
        #expect(sum == (0..<20_000).filter { $0 % 7 != 0 }.reduce(0, +))
        #expect(map.values.count == map.count)
    }

    @Test func aTableWhoseArenaOutgrowsItsEndsStillFindsEveryString() {
        // Ends kept in 7 bits wrap every 128 bytes, as 32-bit ends do every 4 GiB.
        var symbols = SymbolTable(endBits: 7)
        let ids = (0..<5_000).map { "T\($0 * 7_919)" } + ["", "長ID-é"]
        let interned = ids.map { symbols.intern($0) }
        for (id, symbol) in zip(ids, interned) {
            #expect(symbols[symbol] == id)
            #expect(symbols.lookup(id) == symbol)
            #expect(symbols.intern(id) == symbol)
        }
        #expect(symbols.count == ids.count)
    }

    @Test func anEmptyIdHashesAlikeWhereverItsBytesAre() {
        let hasher = ByteHash()
        let bytes: [UInt8] = [1, 2, 3]
        let elsewhere = bytes.withUnsafeBufferPointer { hasher.hash(UnsafeBufferPointer(rebasing: $0[1..<1])) }
        #expect(hasher.hash(UnsafeBufferPointer(start: nil, count: 0)) == elsewhere)
        #expect(hasher.hash(UnsafeBufferPointer(start: nil, count: 0)) != bytes.withUnsafeBufferPointer(hasher.hash))
    }

    @Test func aTableInternsStringsByTheirBytes() {
        var symbols = SymbolTable()
        let ids = (0..<50_000).map { "T\($0)" }
        let interned = ids.map { symbols.intern($0) }
        #expect(interned.map(\.rawValue) == Array(0..<50_000))
        #expect(ids.map { symbols.intern($0) } == interned)
        #expect(ids.map { symbols.lookup($0) } == interned)
        #expect(symbols[interned[12_345]] == "T12345")
        #expect(symbols.lookup("T50000") == nil)
        #expect(symbols.intern("") == symbols.intern(""))
        // Ids are compared as JSON compares them: é written precomposed and as e plus
        // an accent are different ids.
        #expect(symbols.intern("caf\u{E9}") != symbols.intern("cafe\u{301}"))
        #expect(symbols.count == 50_003)
    }
}
