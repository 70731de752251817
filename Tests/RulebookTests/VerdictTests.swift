import Foundation
@testable import Rulebook
import RulebookTesting
import Testing

@Suite("Verdicts and clauses")
struct VerdictTests {
    static func verdict(_ number: Int, time: Int64, rule: String, subject: String) -> Verdict {
        Verdict(rule: rule, outcome: "breached", employee: "A\(number % 3)", subject: subject,
                time: Instant(secondsSinceEpoch: 1_772_400_000 + time), reason: "no-reply",
                template: Message(en: "{subject} was never answered", zh: "{subject} 未回覆"), evidence: [number + 1],
                source: "desk: reply within five minutes", value: Decimal(number))
    }

    @Test func sortingInPlaceGivesTheOutputOrder() {
        // Ties in time, broken by rule, subject and employee; cycles of every length.
        var generator = SystemRandomNumberGenerator()
        for count in [0, 1, 2, 3, 50, 1_000] {
            var verdicts = (0..<count).map { number in
                Self.verdict(number, time: Int64(number % 17), rule: number % 2 == 0 ? "desk.reply" : "desk.close",
                             subject: "T\(number % 11)")
            }
            verdicts.shuffle(using: &generator)
            let expected = verdicts.sorted(by: Verdict.outputOrder)
            #expect(verdicts.inOutputOrder() == expected)
            verdicts.sortInOutputOrder()
            #expect(verdicts == expected)
        }
    }

    @Test func verdictsAlikeButForTheirEvidenceOrValueHaveAnOrderToo() {
        let first = Self.verdict(1, time: 0, rule: "desk.reply", subject: "T1")
        var second = first
        second.evidence = [1, 5]
        var third = second
        third.value = nil
        var fourth = second
        fourth.value = Decimal(3)
        let ordered = [third, second, fourth, first]
        #expect([fourth, second, third, first].inOutputOrder() == ordered)
        #expect([second, first, fourth, third].inOutputOrder() == ordered)
    }

    @Test func changingOneVerdictLeavesTheVerdictsItWasCopiedFromAsTheyWere() {
        let original = Self.verdict(1, time: 0, rule: "desk.reply", subject: "T1")
        var changed = original
        changed.rule = "desk.close"
        changed.outcome = "closed"
        changed.reason = "closed-late"
        changed.template = Message(en: "closed", zh: "關閉")
        changed.source = "desk: close"
        #expect(original.rule == "desk.reply" && original.outcome == "breached" && original.reason == "no-reply")
        #expect(original.source == "desk: reply within five minutes" && original.template.en == "{subject} was never answered")
        #expect(changed.rule == "desk.close" && changed.outcome == "closed" && changed.reason == "closed-late")
        #expect(changed != original)
        changed.rule = "desk.reply"
        changed.outcome = "breached"
        changed.reason = "no-reply"
        changed.template = original.template
        changed.source = original.source
        #expect(changed == original && changed.hashValue == original.hashValue)
        #expect(Set([changed, original]).count == 1)
    }

    @Test("Evidence reads back as written", arguments: [
        [], [0], [7], [3, 9], [9, 3], [5, 5], [1, 2, 3], [Int(UInt32.max) - 2, Int(UInt32.max) - 1],
        [Int(UInt32.max), 4], [-1], [4_000_000_000_000],
    ])
    func evidenceReadsBackAsWritten(lines: [Int]) {
        var verdict = Self.verdict(1, time: 0, rule: "desk.reply", subject: "T1")
        verdict.evidence = lines
        #expect(verdict.evidence == lines)
        var lined: [Int] = []
        verdict.evidenceLines.forEach { lined.append($0) }
        #expect(lined == lines)
        var other = Self.verdict(1, time: 0, rule: "desk.reply", subject: "T1")
        other.evidence = lines
        #expect(other == verdict && other.hashValue == verdict.hashValue)
    }

    @Test("Numbers are written as digits", arguments: [
        (Int64(0), 1, "0"), (7, 2, "07"), (2026, 4, "2026"), (123_456, 2, "123456"), (5, 9, "000000005"),
        (Int64.max, 1, "9223372036854775807"), (1_000_000_000_000_000_000, 1, "1000000000000000000"), (-5, 4, "00-5"),
    ])
    func numbersAreWrittenAsDigits(value: Int64, minimumDigits: Int, text: String) {
        var bytes: [UInt8] = [UInt8(ascii: "[")]
        bytes.appendDecimal(value, minimumDigits: minimumDigits)
        #expect(String(decoding: bytes, as: UTF8.self) == "[" + text)
    }

    @Test func aClauseCitesItsSourceAndTextAsChanged() throws {
        var clause = Clause(source: "desk", text: "reply within five minutes")
        #expect(clause.citation == "desk: reply within five minutes")
        clause.text = "reply within ten minutes"
        clause.source = "desk-2"
        #expect(clause.citation == "desk-2: reply within ten minutes")

        let decoded = try JSONDecoder().decode(Clause.self, from: Data(#"{"source":"presales","text":"五分鐘內回覆"}"#.utf8))
        #expect(decoded == Clause(source: "presales", text: "五分鐘內回覆"))
        #expect(decoded.citation == "presales: 五分鐘內回覆")
        let encoded = try JSONSerialization.jsonObject(with: JSONEncoder().encode(decoded)) as? [String: String]
        #expect(encoded == ["source": "presales", "text": "五分鐘內回覆"])
    }

    @Test func minutesAreTheExactQuotientOfNanoseconds() {
        // Seconds either side of zero, odd nanoseconds, and the 64-bit edge.
        var nanoseconds = (-7_200...7_200).map { Int64($0) * 1_000_000_000 }
        nanoseconds += [1, 2, 3, -3, 999_999_999, 1_000_000_001, 59_999_999_997, Int64.max - 1, Int64.max, Int64.min + 1]
        for count in nanoseconds {
            let minutes = Duration.nanoseconds(count).minutes
            #expect(minutes == Decimal(count) / Decimal(60_000_000_000), "\(count)")
            #expect(minutes.plainText == (Decimal(count) / Decimal(60_000_000_000)).plainText, "\(count)")
        }
    }

    @Test func placeholdersAreFilledInAndTheRestKeptAsWritten() {
        let message = Message(en: "{employee} late on {subject} by {value}; {unknown} and {\u{301}subject} kept, { open",
                              zh: "{employee} 於 {subject} 遲到 {value} 分鐘 {")
        let arguments = ["employee": "E1", "subject": "S1", "value": "2.5"]
        #expect(message.rendered(in: .en, arguments) == "E1 late on S1 by 2.5; {unknown} and {\u{301}subject} kept, { open")
        #expect(message.rendered(in: .zh, arguments) == "E1 於 S1 遲到 2.5 分鐘 {")
    }

    @Test func numbersAreReadFromTheirPartsOnThisPlatform() throws {
        #expect(DecimalParts.packing != nil)
        let number = try #require(Decimal(string: "-1234.500"))
        let parts = try #require(DecimalParts(number))
        var text: [UInt8] = []
        parts.appendPlainText(to: &text)
        #expect(String(decoding: text, as: UTF8.self) == "-1234.5")
        // Not a number is left to Foundation, which writes it as before.
        #expect(DecimalParts(Decimal.nan) == nil)
        #expect(Decimal.nan.plainText == "NaN")
    }

    @Test func shortNumbersAreWrittenAsFoundationWritesThem() {
        // One word of mantissa and at most six decimals: minutes and amounts.
        let mantissas: [UInt64] = [0, 1, 5, 10, 100, 381, 1_805, 999_999, 1_000_000, 1_000_001, 123_456_789, 9_999_999_999_999_999_999]
        for mantissa in mantissas {
            for exponent in -6...0 {
                for sign in [FloatingPointSign.plus, .minus] {
                    let number = Decimal(sign: sign, exponent: exponent, significand: Decimal(mantissa))
                    #expect(number.plainText == NSDecimalNumber(decimal: number).stringValue, "\(sign) \(mantissa)e\(exponent)")
                }
            }
        }
    }

    @Test func numbersOfEveryScaleAreWrittenAsFoundationRoundsThem() {
        // Mantissas of every length and exponents either side of the six decimals,
        // from a fixed sequence, against rounding and printing by Foundation.
        var random = SeededGenerator(seed: 11)
        func next() -> UInt64 { random.next() }
        for round in 0..<3_000 {
            let digits = Int(next() % 38) + 1
            var text = String(next() % 9 + 1)
            while text.count < digits { text += String(next() % 10) }
            let exponent = Int(next() % 60) - 45
            let negative = round % 3 == 0
            guard let significand = Decimal(string: text) else { continue }
            let number = Decimal(sign: negative ? .minus : .plus, exponent: exponent, significand: significand)
            var copy = number
            var rounded = Decimal()
            NSDecimalRound(&rounded, &copy, 6, .plain)
            #expect(number.plainText == NSDecimalNumber(decimal: rounded).stringValue, "\(text)e\(exponent)")
        }
    }
}
