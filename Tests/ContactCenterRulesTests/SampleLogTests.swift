import ContactCenterRules
import Foundation
import Rulebook
import RulebookTesting
import Testing

@Suite("Sample logs")
struct SampleLogTests {
    static let logs: [URL] = {
        let folder = packageRoot.appendingPathComponent("Examples/logs")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".jsonl") && !$0.hasSuffix(".expected.jsonl") }.sorted()
            .map { folder.appendingPathComponent($0) }
    }()

    static func expectedURL(_ log: URL) -> URL {
        log.deletingPathExtension().appendingPathExtension("expected.jsonl")
    }

    @Test func thereAreSampleLogsEachWithExpectedVerdicts() {
        #expect(!Self.logs.isEmpty)
        for log in Self.logs {
            #expect(FileManager.default.fileExists(atPath: Self.expectedURL(log).path), "\(log.lastPathComponent)")
        }
    }

    @Test("Each sample log gives its expected verdicts", arguments: logs)
    func expectedVerdicts(log: URL) throws {
        let report = try StandardPolicy.make().evaluate(logAt: log.path)
        let encoder = VerdictEncoder(calendar: report.calendar)
        let actual = report.verdicts.map(encoder.line(for:))
        let expected = try String(contentsOf: Self.expectedURL(log), encoding: .utf8)
            .split(separator: "\n").map(String.init)
        #expect(actual == expected)
    }

    @Test("Streaming, advancing after every line, converges to the batch verdicts", arguments: logs)
    func streamingEqualsBatch(log: URL) throws {
        let policy = StandardPolicy.make()
        let lines = try String(contentsOf: log, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
            .map(String.init)
        let batch = try policy.evaluate(lines: lines).verdicts

        var evaluation = try Evaluation(policy: policy)
        var inForce = Set<Verdict>()
        var latest = Instant.distantPast
        func apply(_ changes: VerdictChanges) {
            for verdict in changes.retracted { #expect(inForce.remove(verdict) != nil) }
            for verdict in changes.issued { inForce.insert(verdict) }
        }
        for (index, line) in lines.enumerated() {
            evaluation.feed(line: line, number: index + 1)
            if let time = Self.time(of: line), time > latest { latest = time }
            apply(evaluation.advance(to: latest))
        }
        apply(evaluation.finish())
        let streamed = inForce.sorted(by: Verdict.outputOrder)
        #expect(streamed == batch, "\(VerdictComparison(actual: streamed, expected: batch.map(Self.expected)))")
        #expect(evaluation.verdicts == batch)
    }

    static func expected(_ verdict: Verdict) -> ExpectedVerdict {
        ExpectedVerdict(verdict.rule, verdict.outcome, employee: verdict.employee, subject: verdict.subject,
                        reason: verdict.reason, value: verdict.value, evidence: verdict.evidence)
    }

    static func time(of line: String) -> Instant? {
        guard let range = line.range(of: "\"time\":\"") else { return nil }
        let rest = line[range.upperBound...]
        guard let end = rest.firstIndex(of: "\"") else { return nil }
        return try? RFC3339.parse(String(rest[..<end]))
    }
}

@Test func everyRuleOfTheStandardPackAppearsInTheExpectedVerdictsOfSomeSampleLog() throws {
    var seen = Set<String>()
    for log in SampleLogTests.logs {
        let text = try String(contentsOf: SampleLogTests.expectedURL(log), encoding: .utf8)
        for line in text.split(separator: "\n") {
            if let range = line.range(of: "\"rule\":\""), let end = line[range.upperBound...].firstIndex(of: "\"") {
                seen.insert(String(line[range.upperBound..<end]))
            }
        }
    }
    let missing = StandardPolicy.make().rules.map(\.id).filter { !seen.contains($0) }
    #expect(missing.isEmpty, "no sample log shows \(missing)")
}
