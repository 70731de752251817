import ContactCenterRules
import Foundation
import Rulebook
import Testing

/// Evaluating independent groups of rules, and tickets shared out by id, on several
/// threads gives the verdicts of one thread, byte for byte.
@Suite("Parallel evaluation")
struct ParallelEvaluationTests {
    static let fixture = packageRoot.appendingPathComponent("Tests/ContactCenterRulesTests/Fixtures/bench-5-employees.jsonl").path
    static let logs: [String] = SampleLogTests.logs.map(\.path) + [fixture]
        + BadInputTests.cases.map { BadInputTests.folder.appendingPathComponent($0 + ".jsonl").path }

    @Test func thePartsShareNoRuleAndNoVerdictAcrossThem() {
        let policy = StandardPolicy.make()
        let parts = policy.independentParts(2)
        #expect(parts.count == 2)
        #expect(parts.map(\.rules.count) == [17, 4])
        #expect(parts.flatMap(\.rules).count == policy.rules.count)
        #expect(Set(parts.flatMap(\.rules).map(\.id)) == Set(policy.rules.map(\.id)))
        for part in parts {
            let own = Set(part.rules.map(\.id))
            for rule in part.rules { #expect(rule.inputRules.allSatisfy(own.contains), "\(rule.id)") }
        }
        // The ladder counts attendance, swaps, training and reviews: they stay together.
        let ladder = parts.first { $0.rules.contains { $0.id == "discipline.escalation" } }
        #expect(ladder?.rules.contains { $0.id == "attendance.absence" } == true)
        #expect(ladder?.rules.contains { $0.id == "sla.first-response" } == false)
    }

    @Test("Two threads give the verdicts and diagnostics of one, byte for byte", arguments: logs)
    func twoThreadsGiveTheSameBytes(log: String) throws {
        let policy = StandardPolicy.make()
        var single: [LogDiagnostic] = [], parallel: [LogDiagnostic] = []
        let one = try policy.evaluate(logAt: log) { single.append($0) }
        let two = try policy.evaluate(logAt: log, jobs: 2) { parallel.append($0) }
        let encoder = VerdictEncoder(calendar: one.calendar)
        #expect(two.verdicts.map(encoder.line(for:)) == one.verdicts.map(encoder.line(for:)))
        #expect(parallel == single)
        #expect(two.statistics == one.statistics)
    }

    @Test func ticketsSharedOutAmongThreadsGiveTheVerdictsOfOne() throws {
        // Tickets written plainly, escaped, as a number, named twice, copied, and on a
        // line that is rejected: each is judged, counted and reported once, by its share.
        var lines = try String(contentsOfFile: Self.fixture, encoding: .utf8).split(separator: "\n").map(String.init)
        let at = try #require(lines.firstIndex { $0.contains("inquiry.received") })
        let time = #""time":"2026-03-01T09:05:12+08:00""#
        lines.insert(contentsOf: [
            #"{"# + time + #","type":"inquiry.received","ticket":"T\u0041X1","employee":"E0001","channel":"chat"}"#,
            #"{"type":"inquiry.responded","ticket":"TAX1","employee":"E0002","# + time.replacingOccurrences(of: "09:05", with: "09:31") + "}",
            #"{"# + time + #","type":"inquiry.received","ticket":7,"employee":"E0003","channel":"email"}"#,
            #"{"# + time + #","type":"inquiry.received","ticket":"T-first","ticket":"T-second","employee":"E0004","channel":"chat"}"#,
            #"{"time":"2026-03-01T09:05:99+08:00","type":"inquiry.received","ticket":"T-bad-time","employee":"E0001","channel":"chat"}"#,
            lines[at],
        ], at: at + 1)
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("shared-\(UUID().uuidString).jsonl").path
        try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }

        let policy = StandardPolicy.make()
        var single: [LogDiagnostic] = [], parallel: [LogDiagnostic] = []
        let one = try policy.evaluate(logAt: path) { single.append($0) }
        for jobs in [2, 3] {
            parallel = []
            let many = try policy.evaluate(logAt: path, jobs: jobs) { parallel.append($0) }
            let encoder = VerdictEncoder(calendar: one.calendar)
            #expect(many.verdicts.map(encoder.line(for:)) == one.verdicts.map(encoder.line(for:)))
            #expect(parallel == single)
            #expect(many.statistics == one.statistics)
        }
        #expect(one.statistics.duplicateLines == 1 && one.statistics.rejectedLines >= 1)
        #expect(one.verdicts.contains { $0.subject == "TAX1" } && one.verdicts.contains { $0.subject == "7" })
    }

    @Test func aLogFromAPipeIsReadWholeByOneThread() throws {
        // A named pipe hands each reader a different piece: read by two threads, the
        // log came apart into broken lines.
        let pipe = FileManager.default.temporaryDirectory.appendingPathComponent("pipe-\(UUID().uuidString)").path
        #expect(mkfifo(pipe, 0o600) == 0)
        defer { try? FileManager.default.removeItem(atPath: pipe) }
        let log = try Data(contentsOf: URL(fileURLWithPath: Self.fixture))
        let writer = Thread {
            guard let handle = FileHandle(forWritingAtPath: pipe) else { return }
            handle.write(log)
            try? handle.close()
        }
        writer.start()
        let policy = StandardPolicy.make()
        var diagnostics: [LogDiagnostic] = []
        let fromPipe = try policy.evaluate(logAt: pipe, jobs: 2) { diagnostics.append($0) }
        let fromFile = try policy.evaluate(logAt: Self.fixture)
        #expect(fromPipe.verdicts == fromFile.verdicts)
        #expect(fromPipe.statistics == fromFile.statistics)
        #expect(diagnostics.isEmpty)
    }

    @Test func aPolicyThatCannotBeSplitRunsAsOne() throws {
        let policy = ReferencePolicies.make()
        let path = Self.logs[0]
        let one = try policy.evaluate(logAt: path)
        let many = try policy.evaluate(logAt: path, jobs: 8)
        #expect(many.verdicts == one.verdicts)
    }
}

extension ParallelEvaluationTests {
    @Test func verdictsEncodedInSlicesAreTheSameText() throws {
        let report = try StandardPolicy.make().evaluate(logAt: Self.fixture)
        let many = (0..<8).flatMap { _ in report.verdicts }
        #expect(many.count > 2048)
        let encoder = VerdictEncoder(calendar: report.calendar, language: .zh)
        let expected = many.map { encoder.line(for: $0) + "\n" }.joined()
        #expect(encoder.text(for: many, jobs: 2) == expected)
        #expect(encoder.text(for: many, jobs: 3) == expected)
        #expect(encoder.text(for: [], jobs: 2) == "")
    }
}
