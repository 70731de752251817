import Foundation
@testable import Rulebook
import Testing

/// The verdicts of cases settled during a long run are kept packed as bytes, in
/// sorted runs, and merged when written: what is read back is what was packed, in
/// the order sorting all of them gives.
@Suite("Runs of settled verdicts")
struct VerdictRunTests {
    static let late = Message(en: "{subject} answered {value} min late", zh: "{subject} 遲 {value} 分鐘回覆")

    /// Verdicts with every kind of field: no employee, arguments, long evidence,
    /// large line numbers, negative and many-digit amounts, times before 1970.
    static func assorted() -> [Verdict] {
        var verdicts: [Verdict] = []
        for number in 0..<200 {
            var verdict = Verdict(
                rule: number % 3 == 0 ? "desk.reply" : "pay.fine", outcome: number % 2 == 0 ? "breached" : "fined",
                employee: number % 7 == 0 ? nil : "員工\(number % 5)", subject: "T-\(number % 13)-票",
                time: Instant(nanosecondsSinceEpoch: Int64(number % 17 - 5) * 86_400_000_000_123),
                reason: "late", template: late, evidence: [number + 1], source: "desk: reply within five minutes")
            switch number % 5 {
            case 0: verdict.evidence = [1, 4_294_967_294, 4_294_967_295, Int(Int32.max) * 8]
            case 1: verdict.evidence = []
            case 2: verdict.evidence = [number, number + 1]
            default: break
            }
            if number % 4 != 0 { verdict.value = Decimal(sign: .minus, exponent: -(number % 9), significand: Decimal(number * 7919)) }
            if number % 6 == 1 { verdict.amount = Decimal(string: "123456789012345678901234567.89") }
            switch number % 8 {
            case 3: verdict.arguments = ["limit": "5", "channel": "電話 \(number)"]
            // The same arguments again and again, and others of the same length.
            case 5, 6: verdict.arguments = ["limit": "\(5 + number % 3)"]
            default: break
            }
            verdicts.append(verdict)
        }
        return verdicts.inOutputOrder()
    }

    @Test func aRunReadsBackTheVerdictsPackedIntoIt() {
        let verdicts = Self.assorted()
        let run = VerdictRun(verdicts)
        var reader = VerdictRun.Reader(run)
        var read: [Verdict] = []
        while let verdict = reader.next() { read.append(verdict) }
        #expect(run.count == verdicts.count)
        #expect(read == verdicts)
        let encoder = VerdictEncoder(calendar: .utc)
        #expect(read.map(encoder.line(for:)) == verdicts.map(encoder.line(for:)))
    }

    @Test("Runs cut from a list in turn merge into the list's output order", arguments: [1, 3, 64, 1_000])
    func runsMergeIntoTheOutputOrder(verdictsPerRun: Int) {
        var generator = SystemRandomNumberGenerator()
        let gathered = Self.assorted().shuffled(using: &generator)
        var settled = SettledVerdicts(verdictsPerRun: verdictsPerRun)
        let (packed, rest) = (gathered.prefix(150), Array(gathered.dropFirst(150)))
        for verdict in packed { settled.append(verdict) }
        let runs = settled.takeRuns()
        #expect(runs.count == (150 + verdictsPerRun - 1) / verdictsPerRun)
        var merge = VerdictMerge(runs: runs, then: rest.inOutputOrder())
        #expect(merge.count == gathered.count)
        #expect(merge.collect() == gathered.inOutputOrder())
    }

    @Test func mergesOfPartsMergeAsOne() {
        let verdicts = Self.assorted()
        let odd = verdicts.enumerated().filter { $0.offset % 2 == 1 }.map(\.element)
        let even = verdicts.enumerated().filter { $0.offset % 2 == 0 }.map(\.element)
        var merge = VerdictMerge([VerdictMerge(runs: [VerdictRun(odd)]), VerdictMerge(runs: [], then: even)])
        var blocks: [[Verdict]] = []
        merge.forEachBlock(of: 64) { blocks.append($0) }
        #expect(blocks.map(\.count) == [64, 64, 64, 8])
        #expect(Array(blocks.joined()) == verdicts)
    }
}
