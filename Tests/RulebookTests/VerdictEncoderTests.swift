import Foundation
import Rulebook
import Testing

@Suite("Writing verdicts")
struct VerdictEncoderTests {
    @Test("Numbers are written plainly, rounded to six places", arguments: [
        (Decimal(41), "41"), (Decimal(string: "30.5"), "30.5"), (Decimal(-2), "-2"), (Decimal(0), "0"),
        (Decimal(string: "1.23456789"), "1.234568"), (Decimal(string: "100000000000000000000"), "100000000000000000000"),
        (Decimal(string: "2.50"), "2.5"), (Decimal(string: "-0.0000001"), "0"),
    ])
    func numbersAreWrittenPlainly(number: Decimal?, text: String) throws {
        #expect(try #require(number).plainText == text)
    }

    @Test func numbersAreWrittenAsFoundationWritesThemRounded() {
        // Minutes from seconds, money, and numbers around the 64-bit edge.
        var numbers = (-600..<6000).map { Decimal($0) / 60 }
        numbers += [Decimal(string: "1234567.891"), Decimal(string: "-0.000001"), Decimal(string: "999999999999.999999"),
                    Decimal(string: "9223372036854.775807"), Decimal(string: "9223372036854.775808"),
                    Decimal(string: "12345678901234567890.5")].compactMap { $0 }
        for number in numbers {
            var copy = number
            var rounded = Decimal()
            NSDecimalRound(&rounded, &copy, 6, .plain)
            #expect(number.plainText == NSDecimalNumber(decimal: rounded).stringValue, "\(number)")
        }
    }

    @Test func aLargeReportWrittenInBlocksIsTheSameText() throws {
        let calendar = try PolicyCalendar(timeZone: "Asia/Shanghai")
        let encoder = VerdictEncoder(calendar: calendar)
        let verdicts = (0..<10_000).map { number in
            Verdict(rule: "desk.reply", outcome: "breached", employee: "A\(number % 7)", subject: "T\(number)",
                    time: Instant(secondsSinceEpoch: 1_772_400_000 + Int64(number)), reason: "no-reply",
                    template: Message(en: "{subject} was never answered", zh: "{subject} 未回覆"), evidence: [number + 1],
                    source: "desk: reply within five minutes", value: Decimal(number))
        }
        var blocks: [String] = []
        encoder.write(verdicts, jobs: 2) { blocks.append($0) }
        let text = encoder.text(for: verdicts)
        #expect(blocks.count == 3)
        #expect(blocks.joined() == text)
        #expect(encoder.text(for: verdicts, jobs: 2) == text)
        let lines = text.split(separator: "\n")
        #expect(lines.count == 10_000)
        #expect(lines[9_999].contains(#""subject":"T9999""#) && lines[9_999].contains(#""value":9999"#))
    }

    @Test func stringsAreEscapedAsJSONRequiresAndNoMore() {
        #expect(JSONString.quoted("say \"hi\"\\ \n\r\t\u{1}\u{1F} 遲到") == #""say \"hi\"\\ \n\r\t\u0001\u001f 遲到""#)
        #expect(JSONString.quoted("") == #""""#)
    }

    @Test("A message is written as the text it renders, escaped", arguments: Language.allCases)
    func messagesAreWrittenAsRendered(language: Language) throws {
        let encoder = VerdictEncoder(calendar: try PolicyCalendar(timeZone: "Asia/Shanghai"), language: language)
        let templates = [
            Message(en: "{employee} said \"{note}\" after {value} minutes\n\t(of {limit})", zh: "{employee} 說「{note}」\\ {value} 分鐘"),
            Message(en: "{unknown} stays, {subject} and {amount}, a brace { left open", zh: "未閉合 {subject"),
            Message(en: "no placeholders at all", zh: "沒有佔位符\u{1}"),
        ]
        for template in templates {
            let verdict = Verdict(
                rule: "desk.reply", outcome: "breached", employee: "A\"1", subject: "T\\9",
                time: Instant(secondsSinceEpoch: 1_772_400_000), reason: "no-reply", template: template,
                arguments: ["note": "wait\u{7}", "limit": "5"], evidence: [2, 1],
                source: "desk: reply", value: Decimal(string: "2.3333333"), amount: Decimal(12))
            let line = encoder.line(for: verdict)
            #expect(line.contains(#""message":"# + JSONString.quoted(verdict.message(in: language)) + #","evidence""#), "\(line)")
        }
    }

    @Test func repeatedNumbersAreWrittenTheSameEachTime() throws {
        let encoder = VerdictEncoder(calendar: try PolicyCalendar(timeZone: "Asia/Shanghai"))
        // The same numbers with other digits (1.5 and 1.50), one that rounds away from
        // zero, and minutes with seconds in them, each written into the same room.
        let numbers = [Decimal(string: "1.5"), Decimal(string: "1.50"), Decimal(string: "-0.0000005")].compactMap { $0 }
            + (0..<3_000).map { Decimal($0 % 1_000) / 60 + Decimal($0 / 1_000) }
        let verdicts = numbers.enumerated().map { index, number in
            Verdict(rule: "desk.reply", outcome: "breached", employee: nil, subject: "T\(index)",
                    time: Instant(secondsSinceEpoch: 1_772_400_000), reason: "late-reply",
                    template: Message(en: "{value} minutes", zh: "{value} 分鐘"), evidence: [index + 1],
                    source: "desk: reply", value: number, amount: number)
        }
        let lines = encoder.text(for: verdicts).split(separator: "\n")
        #expect(lines.count == numbers.count)
        for (index, (line, number)) in zip(lines, numbers).enumerated() where index < 3 || index % 7 == 0 {
            let text = number.plainText
            #expect(line.hasSuffix(#""value":"# + text + #","amount":"# + text + "}"), "\(line)")
            #expect(line.contains(#""message":""# + text + " minutes"), "\(line)")
        }
    }
}
