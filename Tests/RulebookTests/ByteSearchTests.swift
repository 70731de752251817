@testable import Rulebook
import RulebookTesting
import Testing

@Suite("Finding a line's type and case id without decoding it")
struct ByteSearchTests {
    static func withLine<T>(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> T) -> T {
        Array(text.utf8).withUnsafeBufferPointer(body)
    }

    static func type(of text: String) -> String? {
        withLine(text) { LineShare.typeName(in: $0).map { String(decoding: $0, as: UTF8.self) } }
    }

    static func ticket(of text: String) -> String? {
        withLine(text) { line in
            LineShare.stringValue(startingWith: ByteSearch.Pattern(#""ticket":""#), in: line).map { String(decoding: $0, as: UTF8.self) }
        }
    }

    @Test func aPlainLineGivesItsTypeAndTicket() {
        let line = #"{"time":"2026-03-01T09:01:03+08:00","type":"inquiry.received","ticket":"T0161418","employee":"E0185"}"#
        #expect(Self.type(of: line) == "inquiry.received")
        #expect(Self.ticket(of: line) == "T0161418")
    }

    @Test func aTypeAtTheVeryEndOfTheLineIsFound() {
        // The key sits in the bytes after the last whole word of eight.
        #expect(Self.type(of: #"{"a":1,"type":"x"}"#) == "x")
        #expect(Self.type(of: #"{"type":"clock.in"}"#) == "clock.in")
    }

    @Test func aLineThatCouldMisleadIsLeftToTheDecoder() {
        // Twice "type" (a value that reads like the key), an escape, a key with
        // spaces before its colon: every part reads these lines and decodes them.
        #expect(Self.type(of: #"{"type":"clock.in","note":"type"}"#) == nil)
        #expect(Self.type(of: #"{"type":"clock.in","note":"a \"quote\""}"#) == nil)
        #expect(Self.type(of: #"{"type" : "clock.in","employee":"E1"}"#) == nil)
        #expect(Self.type(of: #"{"type":"clock.in"#) == nil)
        #expect(Self.ticket(of: #"{"type":"x","ticket":"T1","ticket":"T2"}"#) == nil)
        #expect(Self.ticket(of: #"{"type":"x","ticket":"T1"#) == nil)
    }

    @Test func anOccurrenceOverlappingTheOneBeforeIsNotCountedAgain() {
        // `"type"type"` holds `"type"` twice, the second starting on the first's last quote.
        Self.withLine(#"x"type"type"x"#) { line in
            #expect(ByteSearch.Pattern(#""type""#).onlyOccurrence(in: line) == 1)
        }
    }

    @Test(arguments: [#""tk""#, #""tick":""#, #""ticket":""#])
    func theWordSearchAgreesWithAByteByByteOneOnManyLines(pattern text: String) {
        // Lines pieced together from the pattern, its beginnings and its bytes, of every
        // length around the eight-byte words: dense in near misses and overlaps.
        let pattern = ByteSearch.Pattern(text)
        let pieces = [pattern.bytes] + (1..<pattern.bytes.count).map { Array(pattern.bytes.prefix($0)) }
            + Set(pattern.bytes).sorted().map { [$0] } + [Array("x".utf8)]
        var random = SeededGenerator(seed: 13)
        func next(_ bound: Int) -> Int { Int.random(in: 0..<bound, using: &random) }
        var found = 0, missed = 0
        for _ in 0..<4000 {
            var line: [UInt8] = []
            let length = next(40)
            while line.count < length { line += pieces[next(pieces.count)] }
            let expected = Self.onlyOccurrenceByteByByte(of: pattern.bytes, in: line)
            if expected == nil { missed += 1 } else { found += 1 }
            line.withUnsafeBufferPointer { #expect(pattern.onlyOccurrence(in: $0) == expected, "\(line)") }
        }
        #expect(found > 500)
        #expect(missed > 500)
    }

    static func onlyOccurrenceByteByByte(of pattern: [UInt8], in line: [UInt8]) -> Int? {
        var found: Int?
        var index = 0
        while index + pattern.count <= line.count {
            if Array(line[index..<index + pattern.count]) == pattern {
                guard found == nil else { return nil }
                found = index
                index += pattern.count
            } else {
                index += 1
            }
        }
        return found
    }
}
