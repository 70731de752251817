import Foundation
import Rulebook
import Testing

@Suite("Reading event-log lines")
struct EventLineDecoderTests {
    static let schema = EventSchema([
        EventType("visit", required: [.init("person", .id), .init("at", .time)],
                  optional: [.init("minutes", .number(minimum: 0, maximum: 100)), .init("urgent", .boolean),
                             .init("kind", .text(oneOf: ["a", "b"])), .init("month", .month)]),
    ])

    func decode(_ line: String, number: Int = 1) -> (EventLineDecoder.Outcome, SymbolTable) {
        var decoder = EventLineDecoder(schema: Self.schema)
        var symbols = SymbolTable()
        var text = line
        let outcome = text.withUTF8 { decoder.decode($0, line: number, symbols: &symbols) }
        return (outcome, symbols)
    }

    func diagnostic(_ line: String) -> LogDiagnostic? {
        if case .diagnostic(let d) = decode(line, number: 7).0 { d } else { nil }
    }

    @Test func aGoodLineBecomesAnInternedEvent() throws {
        let (outcome, symbols) = decode(#"{"time":"2026-03-02T09:00:00Z","type":"visit","person":42,"at":"2026-03-02T10:00:00+08:00","minutes":15.3,"extra":{"x":[1,2]}}"#)
        guard case .event(let event) = outcome else { Issue.record("expected an event"); return }
        #expect(symbols[event.type] == "visit")
        let person = try #require(symbols.lookup("person"))
        #expect(event[person]?.symbol.map { symbols[$0] } == "42")
        let minutes = try #require(symbols.lookup("minutes"))
        #expect(event[minutes]?.number?.description == "15.3")
    }

    @Test("Rejected lines name the line, the field and what was expected", arguments: [
        (#"{"time":"2026-03-02T09:00:00Z","type":"visit","at":"2026-03-02T10:00:00Z"}"#,
         "line 7: error: field 'person': missing; 'visit' requires it"),
        (#"{"time":"2026-03-02T09:00:00Z","type":"visit","person":null,"at":"2026-03-02T10:00:00Z"}"#,
         "line 7: error: field 'person': missing; 'visit' requires it"),
        (#"{"time":"2026-03-02T09:00:00Z","type":"visit","person":"P","at":"2026-03-02T10:00:00Z","minutes":"15"}"#,
         "line 7: error: field 'minutes': expected a number from 0 to 100, found the string \"15\""),
        (#"{"time":"2026-03-02T09:00:00Z","type":"visit","person":"P","at":"2026-03-02T10:00:00Z","minutes":true}"#,
         "line 7: error: field 'minutes': expected a number from 0 to 100, found true"),
        (#"{"time":"2026-03-02T09:00:00Z","type":"visit","person":"P","at":"2026-03-02T10:00:00Z","minutes":101}"#,
         "line 7: error: field 'minutes': expected a number from 0 to 100, found 101"),
        (#"{"time":"2026-03-02T09:00:00Z","type":"visit","person":"P","at":"2026-03-02T10:00:00Z","urgent":1}"#,
         "line 7: error: field 'urgent': expected true or false, found the number 1"),
        (#"{"time":"2026-03-02T09:00:00Z","type":"visit","person":"P","at":"2026-03-02T10:00:00Z","kind":"c"}"#,
         "line 7: error: field 'kind': expected one of 'a', 'b', found \"c\""),
        (#"{"time":"2026-03-02T09:00:00Z","type":"visit","person":"P","at":"2026-03-02T10:00:00Z","month":"2026-3"}"#,
         "line 7: error: field 'month': expected a month like 2026-03, found \"2026-3\""),
        (#"{"time":"2026-03-02T09:00:00Z","type":"visit","person":"P","at":"10:00"}"#,
         "line 7: error: field 'at': expected a time like 2026-03-02T09:31:00+08:00, found \"10:00\""),
        (#"{"type":"visit","person":"P","at":"2026-03-02T10:00:00Z"}"#,
         "line 7: error: field 'time': missing; every event needs a time"),
        (#"{"time":"2026-03-02T09:00:00Z","person":"P"}"#,
         "line 7: error: field 'type': missing; every event needs a type"),
        (#"{"time":"2026-03-02T09:00:00Z","type":"visit","person":"P","at":"2026-03-02T10:00:00Z","minutes":NaN}"#,
         "line 7:98: error: expected a value (string, number, true, false, null, object or array)"),
        (#"{"time":"2026-03-02T09:00:00Z","type":"visit""#, "line 7:46: error: expected ',' or '}' after a member"),
        (#"[1,2]"#, "line 7:1: error: expected a JSON object starting with '{'"),
        (#"{"time":"2026-03-02T09:00:00Z","type":"lunch"}"#, "line 7: warning: field 'type': unknown event type 'lunch', skipped"),
    ])
    func rejected(line: String, message: String) {
        #expect(diagnostic(line)?.description == message)
    }

    @Test("A plain line and the same event written with escapes or fractions read alike", arguments: [
        (#"{"time":"2026-03-02T09:00:00Z","type":"visit","person":"P1","at":"2026-03-02T10:00:00Z","minutes":15,"kind":"a","urgent":true}"#,
         #"{"time":"2026-03-02T09:00:00Z","type":"visit","person":"P\u0031","at":"2026-03-02T10:00:00Z","minutes":15.0,"kind":"a","urgent":true}"#),
        (#"{"time":"2026-03-02T09:00:00Z","type":"visit","person":"A","person":"B","at":"2026-03-02T10:00:00Z"}"#,
         #"{"time":"2026-03-02T09:00:00Z","type":"visit","person":"A","person":"B","at":"2026-03-02T10:00:00Z","x":[1]}"#),
        (#"{ "time" : "2026-03-02T09:00:00Z" , "type":"visit","person":"-7","at":"2026-03-02T10:00:00Z","minutes":null }"#,
         #"{"time":"2026-03-02T09:00:00Z","type":"visit","person":-7,"at":"2026-03-02T10:00:00Z","note":"caf\u00e9"}"#),
    ])
    func plainAndEscapedLinesReadAlike(plain: String, escaped: String) throws {
        // The first line of a type is read by the full reader; the second, plain, by
        // the fast path from its bytes; the third, escaped, by the full reader again.
        var decoder = EventLineDecoder(schema: Self.schema)
        var symbols = SymbolTable()
        var events: [Event] = []
        let first = #"{"time":"2026-03-01T09:00:00Z","type":"visit","person":"Z","at":"2026-03-01T10:00:00Z"}"#
        for (number, line) in [first, plain, escaped].enumerated() {
            var text = line
            guard case .event(let event) = text.withUTF8({ decoder.decode($0, line: number + 1, symbols: &symbols) }) else {
                Issue.record("line \(number + 1) was not read as an event")
                return
            }
            events.append(event)
        }
        #expect(events[1].fields == events[2].fields)
        #expect(events[1].time == events[2].time && events[1].type == events[2].type)
        let person = try #require(symbols.lookup("person"))
        #expect(events[1][person]?.symbol.map { symbols[$0] } == (plain.contains("-7") ? "-7" : plain.contains("\"B\"") ? "B" : "P1"))
    }

    @Test func aPlainLineWithAValueTheSchemaRefusesIsDiagnosedAsUsual() {
        var decoder = EventLineDecoder(schema: Self.schema)
        var symbols = SymbolTable()
        var outcomes: [EventLineDecoder.Outcome] = []
        for (number, line) in [
            #"{"time":"2026-03-01T09:00:00Z","type":"visit","person":"Z","at":"2026-03-01T10:00:00Z"}"#,
            #"{"time":"2026-03-02T09:00:00Z","type":"visit","person":"P","at":"2026-03-02T10:00:00Z","minutes":101}"#,
            #"{"time":"2026-03-02T09:00:00Z","type":"visit","person":"P","at":"2026-03-02T10:00:00Z","kind":"c"}"#,
            #"{"time":"2026-03-02T09:00:00Z","type":"visit","at":"2026-03-02T10:00:00Z"}"#,
        ].enumerated() {
            var text = line
            outcomes.append(text.withUTF8 { decoder.decode($0, line: number + 1, symbols: &symbols) })
        }
        let messages = outcomes.map { outcome in
            if case .diagnostic(let diagnostic) = outcome { diagnostic.description } else { "event" }
        }
        #expect(messages == [
            "event",
            "line 2: error: field 'minutes': expected a number from 0 to 100, found 101",
            "line 3: error: field 'kind': expected one of 'a', 'b', found \"c\"",
            "line 4: error: field 'person': missing; 'visit' requires it",
        ])
    }

    @Test func nestingIsBounded() {
        let deep = #"{"time":"2026-03-02T09:00:00Z","type":"visit","x":"# + String(repeating: "[", count: 10_000)
        #expect(diagnostic(deep)?.message == "nesting deeper than 64 levels")
    }

    @Test func invalidUTF8IsRejected() {
        var decoder = EventLineDecoder(schema: Self.schema)
        var symbols = SymbolTable()
        let bytes: [UInt8] = Array(#"{"time":"2026-03-02T09:00:00Z","type":"vi"#.utf8) + [0xFF] + Array(#"sit"}"#.utf8)
        let outcome = bytes.withUnsafeBufferPointer { decoder.decode($0, line: 3, symbols: &symbols) }
        guard case .diagnostic(let d) = outcome else { Issue.record("expected a diagnostic"); return }
        #expect(d.message == "invalid UTF-8 in a string")
    }

    @Test func identicalLinesAreOneEventAndBlankLinesAreIgnored() {
        var decoder = EventLineDecoder(schema: Self.schema)
        var symbols = SymbolTable()
        let line = #"{"time":"2026-03-02T09:00:00Z","type":"visit","person":"P","at":"2026-03-02T10:00:00Z"}"#
        var kinds: [String] = []
        for (number, text) in [line, line + "\r", "  ", line].enumerated() {
            var text = text
            let outcome = text.withUTF8 { decoder.decode($0, line: number + 1, symbols: &symbols) }
            switch outcome {
            case .event: kinds.append("event")
            case .duplicate: kinds.append("duplicate")
            case .blank: kinds.append("blank")
            case .diagnostic: kinds.append("diagnostic")
            }
        }
        #expect(kinds == ["event", "duplicate", "blank", "duplicate"])
    }

    @Test func copiesOfALineAreFoundHoweverFarApartAndHoweverWritten() {
        var decoder = EventLineDecoder(schema: Self.schema)
        var symbols = SymbolTable()
        let plain = #"{"time":"2026-03-02T09:00:00Z","type":"visit","person":"P","at":"2026-03-02T10:00:00Z"}"#
        let escaped = #"{"time":"2026-03-02T09:00:00Z","type":"visit","person":"\u0050","at":"2026-03-02T10:00:00Z"}"#
        let unknown = #"{"time":"2026-03-02T09:00:00Z","type":"lunch","person":"P"}"#
        let rejected = #"{"time":"2026-03-02T09:00:00Z","type":"visit","person":"P","at":"soon"}"#
        // A month of other hours between the copies.
        let others = (0..<24 * 30).map { hour in
            let time = RFC3339.format(Instant(secondsSinceEpoch: 1_772_496_000 + Int64(hour) * 3600), offsetSeconds: 0)
            return #"{"time":"\#(time)","type":"visit","person":"Q\#(hour)","at":"\#(time)"}"#
        }
        var kinds: [String: [String]] = [:]
        for (number, text) in ([plain, escaped, unknown, rejected] + others + [plain, escaped, unknown, rejected]).enumerated() {
            var text = text
            let outcome = text.withUTF8 { decoder.decode($0, line: number + 1, symbols: &symbols) }
            let kind = switch outcome {
            case .event: "event"
            case .duplicate: "duplicate"
            case .blank: "blank"
            case .diagnostic(let diagnostic): diagnostic.severity == .error ? "error" : "warning"
            }
            let copies = [plain, escaped, unknown, rejected]
            if number < 4 { kinds[copies[number], default: []].append(kind) }
            if number >= 4 + others.count { kinds[copies[number - 4 - others.count], default: []].append(kind) }
            if (4..<4 + others.count).contains(number) && kind != "event" { Issue.record("line \(number + 1) is \(kind)") }
        }
        #expect(kinds[plain] == ["event", "duplicate"])
        #expect(kinds[escaped] == ["event", "duplicate"])
        #expect(kinds[unknown] == ["warning", "duplicate"])
        #expect(kinds[rejected] == ["error", "duplicate"])
    }

    @Test func aByteOrderMarkOnTheFirstLineIsSkipped() {
        let (outcome, _) = decode("\u{FEFF}" + #"{"time":"2026-03-02T09:00:00Z","type":"visit","person":"P","at":"2026-03-02T10:00:00Z"}"#)
        guard case .event = outcome else { Issue.record("expected an event"); return }
    }

    @Test func eventsKeptFromOneDecoderEachKeepTheirOwnFields() throws {
        // One decoder reads line after line; every event is kept, as a caller that
        // reads a log once and evaluates it later does. Lines differ in which fields
        // they have and in their order.
        var decoder = EventLineDecoder(schema: Self.schema)
        var symbols = SymbolTable()
        var events: [Event] = []
        for number in 1...40 {
            let extra = number % 3 == 0 ? #","minutes":\#(number),"kind":"a""# : number % 3 == 1 ? #","urgent":true"# : ""
            var text = #"{"time":"2026-03-02T09:00:00Z","type":"visit","at":"2026-03-02T10:00:00Z","person":"P\#(number)"\#(extra)}"#
            if case .event(let event) = text.withUTF8({ decoder.decode($0, line: number, symbols: &symbols) }) { events.append(event) }
        }
        #expect(events.count == 40)
        let person = try #require(symbols.lookup("person")), minutes = try #require(symbols.lookup("minutes"))
        let urgent = try #require(symbols.lookup("urgent"))
        for (offset, event) in events.enumerated() {
            let number = offset + 1
            #expect(event[person]?.symbol.map { symbols[$0] } == "P\(number)")
            #expect(event[minutes]?.number == (number % 3 == 0 ? Decimal(number) : nil))
            #expect(event[urgent]?.boolean == (number % 3 == 1 ? true : nil))
            #expect(event.fields.count == [4, 3, 2][number % 3])
            #expect(event.fields.map(\.name) == event.fields.map(\.name).sorted())
        }
    }

    @Test func aKeptEventHoldsNoMoreRoomThanItsTypeNeeds() {
        // Wide and narrow lines in turn, every narrow event kept: each keeps an array
        // sized for its own type, not for the widest line read before it.
        let schema = EventSchema([
            EventType("wide", required: [.init("a", .id), .init("b", .id), .init("c", .id), .init("d", .id),
                                         .init("e", .id), .init("f", .id), .init("g", .id), .init("h", .id)]),
            EventType("narrow", required: [.init("a", .id)]),
        ])
        var decoder = EventLineDecoder(schema: schema)
        var symbols = SymbolTable()
        var kept: [Event] = []
        for number in 1...20 {
            var text = number % 2 == 1
                ? #"{"time":"2026-03-02T09:00:00Z","type":"wide","a":"1","b":"2","c":"3","d":"4","e":"5","f":"6","g":"7","h":"\#(number)"}"#
                : #"{"time":"2026-03-02T09:00:00Z","type":"narrow","a":"\#(number)"}"#
            if case .event(let event) = text.withUTF8({ decoder.decode($0, line: number, symbols: &symbols) }), number % 2 == 0 {
                kept.append(event)
            }
        }
        #expect(kept.count == 10)
        for event in kept { #expect(event.fields.count == 1 && event.fields.capacity < 8) }
    }
}
