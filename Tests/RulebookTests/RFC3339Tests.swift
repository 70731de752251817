import Rulebook
import Testing

@Suite("RFC 3339 timestamps")
struct RFC3339Tests {
    @Test("Equal instants written with different offsets", arguments: [
        "2026-03-02T09:31:00+08:00", "2026-03-02T01:31:00Z", "2026-03-02 01:31:00z", "2026-03-01T20:31:00-05:00",
        "2026-03-02T01:31:00.000000000Z",
    ])
    func sameInstant(text: String) throws {
        #expect(try RFC3339.parse(text) == Instant(secondsSinceEpoch: 1_772_415_060))
    }

    @Test func fractionsAreKeptToTheNanosecond() throws {
        let a = try RFC3339.parse("2026-03-02T09:30:00+08:00")
        let b = try RFC3339.parse("2026-03-02T09:30:00.001+08:00")
        let c = try RFC3339.parse("2026-03-02T09:30:00.0000000019+08:00")
        #expect(b - a == .milliseconds(1))
        #expect(c - a == .nanoseconds(1))
    }

    @Test("Rejected timestamps say what is wrong", arguments: [
        ("2026-03-02T09:31:00", "a time without an offset (add Z or ±hh:mm)"),
        ("2026-02-29T09:00:00Z", "day 29 out of range for 2026-02"),
        ("2026-13-01T09:00:00Z", "month 13 out of range 01-12"),
        ("2026-03-02T24:00:00Z", "hour 24 out of range 00-23"),
        ("0000-01-01T00:00:00Z", "year 0 out of the supported range 1678-2261"),
        ("99999-01-01T00:00:00Z", "expected a time like 2026-03-02T09:31:00+08:00"),
        ("9am", "expected a time like 2026-03-02T09:31:00+08:00"),
        ("2026-03-02T09:31:00+08:00x", "expected nothing after the offset"),
    ])
    func rejected(text: String, message: String) {
        #expect(throws: RFC3339.Failure.self) { try RFC3339.parse(text) }
        do { _ = try RFC3339.parse(text) } catch { #expect(error.description == message) }
    }

    @Test func leapDayExistsIn2028() throws {
        #expect(throws: Never.self) { try RFC3339.parse("2028-02-29T00:00:00+08:00") }
    }

    @Test func formattingRoundTrips() throws {
        let instant = try RFC3339.parse("2026-03-02T09:30:00.25+08:00")
        #expect(RFC3339.format(instant, offsetSeconds: 8 * 3600) == "2026-03-02T09:30:00.25+08:00")
        #expect(RFC3339.format(instant, offsetSeconds: 0) == "2026-03-02T01:30:00.25Z")
        #expect(RFC3339.format(instant, offsetSeconds: -5 * 3600) == "2026-03-01T20:30:00.25-05:00")
    }

    @Test("Times are written as they are read", arguments: [
        "1970-01-01T00:00:00Z", "2026-12-31T23:59:59.999999999+05:45", "2026-03-02T09:30:00.000000001-09:30",
        "1700-02-28T12:00:00.1Z", "2200-06-30T00:00:05+14:00",
    ])
    func timesAreWrittenAsRead(text: String) throws {
        let instant = try RFC3339.parse(text)
        let offset = text.hasSuffix("Z") ? 0 : (text.hasSuffix("+05:45") ? 20_700 : text.hasSuffix("-09:30") ? -34_200 : 50_400)
        #expect(RFC3339.format(instant, offsetSeconds: offset) == text)
    }
}

@Suite("Durations as people write them")
struct DurationTextTests {
    @Test("Short text", arguments: [
        (Duration.seconds(1800), "30m"), (.seconds(7200), "2h"), (.seconds(90), "90s"), (.milliseconds(1500), "1.5s"),
        (.zero, "0s"), (.seconds(86_400 * 365), "365d"),
    ])
    func shortText(duration: Duration, text: String) {
        #expect(duration.shortText == text)
    }
}

@Suite("Message templates")
struct MessageTests {
    @Test("Placeholders are filled in one pass", arguments: [
        ("{employee} was {value} minutes late", "E1 was 41 minutes late"),
        ("{employee} and {employee} again", "E1 and E1 again"),
        ("{unknown} stays", "{unknown} stays"),
        ("an unclosed {brace", "an unclosed {brace"),
        ("no placeholders", "no placeholders"),
        ("{value}", "41"),
    ])
    func rendered(template: String, text: String) {
        let message = Message(en: template, zh: "")
        #expect(message.rendered(in: .en, ["employee": "E1", "value": "41"]) == text)
    }
}

@Suite("Durations read from text")
struct DurationReadingTests {
    @Test("Readable and ISO 8601 forms", arguments: [
        ("30m", Duration.seconds(1800)), ("2h", .seconds(7200)), ("90s", .seconds(90)), ("1.5s", .milliseconds(1500)),
        ("7d", .seconds(7 * 86_400)), ("500ms", .milliseconds(500)), ("PT30M", .seconds(1800)), ("P1DT2H", .seconds(93_600)),
        ("PT0.5S", .milliseconds(500)), ("pt1h30m", .seconds(5400)), ("-2h", .seconds(-7200)), ("-0.5s", .milliseconds(-500)),
    ])
    func reads(text: String, duration: Duration) {
        #expect(Duration(text: text) == duration)
        #expect(Duration(text: duration.shortText) == duration)
    }

    @Test("Anything else is not a duration", arguments: ["", "30", "m", "--5m", "-0s", "1.2.3s", "PT", "P1H", "30 minutes", "1.0000000001s"])
    func rejects(text: String) {
        #expect(Duration(text: text) == nil)
    }
}
