import ContactCenterRules
import Foundation
import Rulebook
import RulebookTesting
import Testing

/// Properties that hold for every log: the verdicts do not depend on how the events
/// arrive. Each runs over generated logs (set `RULEBOOK_PROPERTY_RUNS` for more).
@Suite("Verdicts do not depend on how the log arrives")
struct InvarianceTests {
    static let runs = ProcessInfo.processInfo.environment["RULEBOOK_PROPERTY_RUNS"].flatMap(Int.init) ?? 200
    static let seeds = (0..<UInt64(runs)).map { $0 &* 7919 &+ 11 }
    static let policy = StandardPolicy.make()

    /// A verdict with its evidence named by event ids instead of line numbers.
    struct Fingerprint: Hashable, Comparable, CustomStringConvertible {
        var text: String
        static func < (lhs: Fingerprint, rhs: Fingerprint) -> Bool { lhs.text < rhs.text }
        var description: String { text }
    }

    static func id(of line: String) -> Int {
        guard let range = line.range(of: "\"id\":") else { return 0 }
        return Int(line[range.upperBound...].prefix { $0.isNumber }) ?? 0
    }

    static func fingerprints(_ verdicts: [Verdict], lines: [String]) -> [Fingerprint] {
        let encoder = VerdictEncoder(calendar: .utc)
        return verdicts.map { verdict in
            var copy = verdict
            copy.evidence = verdict.evidence.map { $0 - 1 < lines.count ? id(of: lines[$0 - 1]) : -$0 }.sorted()
            return Fingerprint(text: encoder.line(for: copy))
        }.sorted()
    }

    static func batch(_ lines: [String]) throws -> [Fingerprint] {
        fingerprints(try policy.evaluate(lines: lines).verdicts, lines: lines)
    }

    @Test("Shuffled events give the same verdicts", arguments: seeds)
    func shuffled(seed: UInt64) throws {
        let lines = LogGenerator.log(seed: seed)
        var random = SeededGenerator(seed: seed ^ 0xABCDEF)
        #expect(try Self.batch(lines.shuffled(using: &random)) == Self.batch(lines))
    }

    @Test("Duplicated lines give the same verdicts", arguments: seeds)
    func duplicated(seed: UInt64) throws {
        let lines = LogGenerator.log(seed: seed)
        var random = SeededGenerator(seed: seed ^ 0x1234)
        var doubled = lines
        for _ in 0..<max(1, lines.count / 5) {
            let line = lines[Int.random(in: 0..<lines.count, using: &random)]
            doubled.insert(line, at: Int.random(in: 0...doubled.count, using: &random))
        }
        // Evidence names the first copy of a line, which carries the same event id.
        #expect(try Self.batch(doubled) == Self.batch(lines))
    }

    @Test("A stream advanced at any points converges to the batch verdicts", arguments: seeds)
    func chunked(seed: UInt64) throws {
        var random = SeededGenerator(seed: seed ^ 0x5555)
        let lines = LogGenerator.log(seed: seed).shuffled(using: &random)
        var evaluation = try Evaluation(policy: Self.policy)
        var inForce: [Verdict] = []
        var latest = Instant.distantPast
        func apply(_ changes: VerdictChanges) {
            for verdict in changes.retracted {
                if let index = inForce.firstIndex(of: verdict) { inForce.remove(at: index) } else {
                    Issue.record("retracted a verdict not in force: \(verdict.rule) \(verdict.subject)")
                }
            }
            inForce.append(contentsOf: changes.issued)
        }
        for (index, line) in lines.enumerated() {
            evaluation.feed(line: line, number: index + 1)
            if let time = SampleLogTests.time(of: line), time > latest { latest = time }
            if Int.random(in: 0..<4, using: &random) == 0 {
                apply(evaluation.advance(to: latest - .seconds(Int64(Int.random(in: 0..<7200, using: &random)))))
            }
        }
        apply(evaluation.finish())
        #expect(Self.fingerprints(inForce, lines: lines) == (try Self.batch(lines)))
    }

    @Test("Evaluating each employee apart gives the same verdicts", arguments: seeds)
    func splitByEmployee(seed: UInt64) throws {
        // Swaps and awards compare people with each other, so they stay out of this one.
        let lines = LogGenerator.log(seed: seed).filter { !$0.contains("\"type\":\"swap.") && !$0.contains("\"type\":\"review.") }
        var parts: [String: [String]] = [:]
        var shared: [String] = []
        for line in lines {
            if let range = line.range(of: "\"employee\":\"") {
                let person = String(line[range.upperBound...].prefix { $0 != "\"" })
                parts[person, default: []].append(line)
            } else {
                shared.append(line)
            }
        }
        var merged: [Fingerprint] = []
        for part in parts.values {
            let partLines = shared + part
            merged.append(contentsOf: Self.fingerprints(try Self.policy.evaluate(lines: partLines).verdicts, lines: partLines))
        }
        #expect(merged.sorted() == (try Self.batch(lines)))
    }

    @Test("The same input gives byte-identical output", arguments: seeds.prefix(20))
    func deterministic(seed: UInt64) throws {
        let lines = LogGenerator.log(seed: seed, people: 5, days: 10)
        let encoder = VerdictEncoder(calendar: .utc)
        let first = try Self.policy.evaluate(lines: lines).verdicts.map(encoder.line(for:))
        let second = try Self.policy.evaluate(lines: lines).verdicts.map(encoder.line(for:))
        #expect(first == second)
        #expect(!first.isEmpty)
    }

    @Test("Two threads give the output of one, byte for byte", arguments: seeds.prefix(40))
    func parallel(seed: UInt64) throws {
        let lines = LogGenerator.log(seed: seed, people: 5, days: 10)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("rulebook-parallel-\(seed).jsonl")
        try Data(lines.joined(separator: "\n").utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let encoder = VerdictEncoder(calendar: .utc)
        var single: [LogDiagnostic] = [], double: [LogDiagnostic] = []
        let one = try Self.policy.evaluate(logAt: file.path) { single.append($0) }
        let two = try Self.policy.evaluate(logAt: file.path, jobs: 2) { double.append($0) }
        #expect(two.verdicts.map(encoder.line(for:)) == one.verdicts.map(encoder.line(for:)))
        #expect(double == single)
        #expect(two.statistics == one.statistics)
    }
}
