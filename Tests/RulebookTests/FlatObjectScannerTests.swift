@testable import Rulebook
import RulebookTesting
import Testing

@Suite("Reading a plain line straight from its bytes")
struct FlatObjectScannerTests {
    static func scan(_ bytes: [UInt8]) -> [FlatObjectScanner.Member]? {
        var members: [FlatObjectScanner.Member] = []
        return bytes.withUnsafeBufferPointer { FlatObjectScanner.scan($0, into: &members) } ? members : nil
    }

    @Test func aPlainLineGivesItsMembers() throws {
        let line = Array(#"{"type":"clock.in","ticket":"T#1","count":42,"late":true,"note":null}"#.utf8)
        let members = try #require(Self.scan(line))
        #expect(members.map { String(decoding: line[$0.key], as: UTF8.self) } == ["type", "ticket", "count", "late", "note"])
        #expect(members.map(\.kind) == [.string, .string, .integer, .boolean(true), .null])
        #expect(String(decoding: line[members[1].value], as: UTF8.self) == "T#1")
    }

    @Test func stringsWithAnythingButPlainTextAreLeftToTheFullReader() {
        for special in ["a\\\"b", "caf\u{E9}", "tab\there", "new\u{1F}line"] {
            #expect(Self.scan(Array("{\"note\":\"\(special)\"}".utf8)) == nil, "\(special)")
        }
    }

    @Test func theWordAtATimeScanAgreesWithAByteAtATimeOne() {
        // Values of every length around the eight-byte words, drawn from plain letters
        // and from every kind of byte that ends or spoils a plain string, wherever it
        // falls in a word.
        let alphabet: [UInt8] = Array("ab#!~ ".utf8) + [0x7F, 0x22, 0x5C, 0x00, 0x1F, 0x20, 0x21, 0x23, 0x80, 0xC3, 0xFF]
        var random = SeededGenerator(seed: 17)
        func next(_ bound: Int) -> Int { Int.random(in: 0..<bound, using: &random) }
        var plain = 0, spoiled = 0
        for _ in 0..<20_000 {
            let length = next(40)
            // Mostly letters, so that strings often run for several words.
            let value = (0..<length).map { _ in next(4) == 0 ? alphabet[next(alphabet.count)] : UInt8(ascii: "x") }
            let line = Array(#"{"k":""#.utf8) + value + Array(#""}"#.utf8)
            // A byte at a time: the value ends at its first quote; before it, only
            // printable ASCII other than a backslash; after it, the object must close.
            let end = value.firstIndex(of: 0x22) ?? value.count
            let clean = value[..<end].allSatisfy { $0 >= 0x20 && $0 < 0x80 && $0 != 0x5C }
            let closes = end == value.count
            let expected = clean && closes
            let members = Self.scan(line)
            #expect((members != nil) == expected, "\(value)")
            if let members {
                #expect(members.count == 1 && members[0].value == 6..<(6 + value.count))
                plain += 1
            } else {
                spoiled += 1
            }
        }
        #expect(plain > 1_000 && spoiled > 1_000)
    }
}
