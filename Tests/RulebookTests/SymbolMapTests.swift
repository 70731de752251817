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
}
