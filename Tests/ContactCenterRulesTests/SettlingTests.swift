import ContactCenterRules
import Foundation
@testable import Rulebook
import Testing

/// A batch run over a file, on one thread or in parts, lets go of cases once nothing
/// still to come can change them, and gives exactly what a run keeping everything
/// gives.
@Suite("Letting go of settled cases")
struct SettlingTests {
    static let policy = StandardPolicy.make()
    /// Settling often, with little slack and small runs of verdicts, so that small
    /// logs exercise it.
    static let eager = Evaluation.Settling(slack: .seconds(3600), linesPerStep: 7, verdictsPerRun: 5)

    static func time(of line: String) -> Instant {
        guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
              let text = object["time"] as? String, let instant = try? RFC3339.parse(text) else { return .distantPast }
        return instant
    }

    /// The log in time order, as exports usually are; in the generated order; and in
    /// time order with one line moved days back, which breaks the promise settling
    /// rests on.
    static func variants(seed: UInt64) -> [[String]] {
        let generated = LogGenerator.log(seed: seed, people: 4, days: 8)
        let sorted = generated.enumerated().sorted { (time(of: $0.element), $0.offset) < (time(of: $1.element), $1.offset) }
            .map(\.element)
        var late = sorted
        late.append(late.remove(at: late.count / 5))
        return [sorted, generated, late]
    }

    /// An evaluation fed `lines`, settling as a batch run does, and the most cases it
    /// held at once.
    static func settled(_ lines: [String]) throws -> (evaluation: Evaluation, mostHeld: Int) {
        var evaluation = try Evaluation(policy: policy)
        evaluation.startSettling(eager)
        var mostHeld = 0
        for (index, line) in lines.enumerated() {
            evaluation.feed(line: line, number: index + 1)
            evaluation.settleIfDue(afterLine: index + 1)
            mostHeld = max(mostHeld, evaluation.budget.used)
        }
        return (evaluation, mostHeld)
    }

    @Test("Settling gives the verdicts, diagnostics and statistics of keeping everything", arguments: InvarianceTests.seeds.prefix(30))
    func settlingChangesNothing(seed: UInt64) throws {
        let encoder = VerdictEncoder(calendar: .utc)
        let variants = Self.variants(seed: seed)
        #expect(try Self.settled(variants[0]).evaluation.settlingBrokenAt == nil)
        #expect(try Self.settled(variants[2]).evaluation.settlingBrokenAt != nil)
        for (index, lines) in variants.enumerated() {
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("rulebook-settling-\(seed)-\(index).jsonl")
            try Data((lines + [#"{"time":"2026-03-01T00:00:00+08:00","type":"clock.in"}"#, lines[0]]).joined(separator: "\n").utf8)
                .write(to: file)
            defer { try? FileManager.default.removeItem(at: file) }
            var settled: [LogDiagnostic] = [], kept: [LogDiagnostic] = []
            let one = try Self.policy.evaluate(logAt: file.path, asOf: nil, limits: .init(), progress: nil,
                                               settling: Self.eager) { settled.append($0) }
            let two = try Self.policy.evaluate(logAt: file.path, asOf: nil, limits: .init(), progress: nil,
                                               settling: nil) { kept.append($0) }
            var inParts: [LogDiagnostic] = []
            let parallel = try Self.policy.evaluate(logAt: file.path, jobs: 2, asOf: nil, limits: .init(),
                                                    settling: Self.eager) { inParts.append($0) }
            #expect(one.verdicts.map(encoder.line(for:)) == two.verdicts.map(encoder.line(for:)), "variant \(index)")
            #expect(parallel.verdicts.map(encoder.line(for:)) == two.verdicts.map(encoder.line(for:)), "variant \(index)")
            #expect(settled == kept && inParts == kept, "variant \(index)")
            #expect(one.statistics == two.statistics && parallel.statistics == two.statistics, "variant \(index)")
            #expect(!kept.isEmpty && one.statistics.duplicateLines == 1)
        }
    }

    @Test("Verdicts handed over in blocks are the report's, one block after another", arguments: [1, 2])
    func verdictsInBlocksAreTheReports(jobs: Int) throws {
        let lines = Self.variants(seed: InvarianceTests.seeds[0])[0]
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("rulebook-blocks-\(jobs).jsonl")
        try Data(lines.joined(separator: "\n").utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        var blocks: [[Verdict]] = []
        var diagnostics: [LogDiagnostic] = []
        let streamed = try Self.policy.evaluate(logAt: file.path, jobs: jobs, diagnostics: { diagnostics.append($0) },
                                                blockSize: 10) { blocks.append($0) }
        var expected: [LogDiagnostic] = []
        let whole = try Self.policy.evaluate(logAt: file.path) { expected.append($0) }
        #expect(whole.verdicts.count > 20)
        #expect(blocks.dropLast().allSatisfy { $0.count == 10 } && (blocks.last?.count ?? 0) <= 10)
        #expect(Array(blocks.joined()) == whole.verdicts)
        #expect(streamed.verdicts.isEmpty && streamed.statistics == whole.statistics && diagnostics == expected)
    }

    @Test func ticketsAnsweredAreLetGoAndTheirVerdictsKept() throws {
        // Ten days of tickets, one every two minutes, each answered after 1 to 9
        // minutes: about 7,200 cases, of which only the last hour's are held.
        var lines: [String] = []
        let start = try RFC3339.parse("2026-03-02T00:00:00+08:00")
        let calendar = try PolicyCalendar(timeZone: "Asia/Shanghai")
        for ticket in 0..<7200 {
            let received = start + .seconds(Int64(ticket) * 120)
            let responded = received + .seconds(Int64(60 + ticket % 9 * 60))
            lines.append(#"{"time":"\#(calendar.format(received))","type":"inquiry.received","ticket":"T\#(ticket)","employee":"E\#(ticket % 5)","channel":"chat"}"#)
            lines.append(#"{"time":"\#(calendar.format(responded))","type":"inquiry.responded","ticket":"T\#(ticket)","employee":"E\#(ticket % 5)"}"#)
        }
        lines.sort { Self.time(of: $0) < Self.time(of: $1) }

        let (evaluation, mostHeld) = try Self.settled(lines)
        var settling = evaluation
        #expect(settling.settlingBrokenAt == nil)
        #expect(mostHeld < 100)
        settling.complete()

        let whole = try Self.policy.evaluate(lines: lines)
        #expect(settling.takeVerdicts() == whole.verdicts)
        #expect(whole.verdicts.count == 7200 * 4 / 9)
        #expect(settling.statistics == whole.statistics)
    }
}
