import Foundation
import Testing

/// Files a user might hand the CLI by mistake or malice: each gets its diagnostics,
/// with line numbers, the good lines are still evaluated, and the exit code is the
/// documented one.
@Suite("Bad input")
struct BadInputTests {
    static let folder = packageRoot.appendingPathComponent("Tests/ContactCenterRulesTests/BadInput")

    struct Expectation: Decodable {
        var exit: Int32
        var diagnostics: [String]
    }

    static let cases: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".jsonl") }.map { String($0.dropLast(6)) }.sorted()
    }()

    static func diagnostics(_ stderr: String) -> [String] {
        stderr.split(separator: "\n").map(String.init).filter { $0.contains(": error: ") || $0.contains(": warning: ") }
    }

    @Test func theCorpusIsThere() {
        #expect(Self.cases.count >= 11)
    }

    @Test("Each bad file gets its diagnostics and exit code", arguments: cases)
    func corpus(name: String) throws {
        let data = try Data(contentsOf: Self.folder.appendingPathComponent(name + ".expected"))
        let expected = try JSONDecoder().decode(Expectation.self, from: data)
        let run = try CommandLineTests.rulebook(["check", name + ".jsonl"], in: Self.folder)
        #expect(run.status == expected.exit)
        #expect(Self.diagnostics(run.stderr) == expected.diagnostics)
    }

    @Test func anUnknownTimeZoneInARuleFileIsReportedWhereItIsWritten() throws {
        let run = try CommandLineTests.rulebook(["check", "--rules", "rules-unknown-time-zone", "empty.jsonl"], in: Self.folder)
        #expect(run.status == 78)
        #expect(Self.diagnostics(run.stderr) == [
            "rules-unknown-time-zone/policy.json:4:15: error: unknown time zone 'Asia/Beijing' "
                + "(expected an IANA name like Asia/Shanghai or Europe/Berlin)",
        ])
    }

    @Test func errorsAreInChineseWithLangZh() throws {
        let log = try CommandLineTests.rulebook(["check", "boolean-for-number.jsonl", "--lang", "zh"], in: Self.folder)
        #expect(Self.diagnostics(log.stderr).isEmpty)
        #expect(log.stderr.contains("boolean-for-number.jsonl:1: 錯誤: 欄位 'score': 應為 0 至 100 之間的數字, 實為 true"))
        let time = try CommandLineTests.rulebook(["check", "time-without-offset.jsonl", "--lang", "zh"], in: Self.folder)
        #expect(time.stderr.contains("time-without-offset.jsonl:2: 錯誤: 欄位 'time': 時間缺少時區偏移 (請加上 Z 或 ±hh:mm)"))
        let rules = try CommandLineTests.rulebook(["validate", "rules-unknown-time-zone", "--lang", "zh"], in: Self.folder)
        #expect(rules.status == 78)
        #expect(rules.stderr.contains(
            "rules-unknown-time-zone/policy.json:4:15: 錯誤: 未知的時區 'Asia/Beijing' (應為 IANA 名稱, 例如 Asia/Shanghai 或 Europe/Berlin)"))
        #expect(rules.stderr.contains("規則檔中有 1 個錯誤"))
    }

    @Test func theGoodLinesAroundABadOneAreStillEvaluated() throws {
        // Line 2's punch is rejected, so E1's shift has no in-punch: an absence.
        let run = try CommandLineTests.rulebook(["check", "time-without-offset.jsonl"], in: Self.folder)
        #expect(run.stdout.contains("\"reason\":\"missed-punch-not-confirmed\""))
    }

    static func temporaryLog(_ name: String, _ write: (FileHandle) throws -> Void) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("rulebook-\(UUID().uuidString)-\(name)")
        guard FileManager.default.createFile(atPath: url.path, contents: nil) else {
            throw CocoaError(.fileWriteUnknown)
        }
        let handle = try FileHandle(forWritingTo: url)
        defer { try? handle.close() }
        try write(handle)
        return url
    }

    @Test func aTenMegabyteLineIsRejectedAndTheRestEvaluated() throws {
        let url = try Self.temporaryLog("long.jsonl") { handle in
            handle.write(Data(#"{"time":"2026-03-01T20:00:00+08:00","type":"shift.scheduled","employee":"E1","shift":"S1","start":"2026-03-02T09:00:00+08:00","end":"2026-03-02T18:00:00+08:00"}"#.utf8 + [0x0A]))
            handle.write(Data(repeating: UInt8(ascii: "x"), count: 10 << 20) + Data([0x0A]))
            handle.write(Data(#"{"time":"2026-03-02T08:58:00+08:00","type":"clock.in","employee":"E1"}"#.utf8 + [0x0A]))
            handle.write(Data(#"{"time":"2026-03-02T18:01:00+08:00","type":"clock.out","employee":"E1"}"#.utf8 + [0x0A]))
        }
        defer { try? FileManager.default.removeItem(at: url) }
        let run = try CommandLineTests.rulebook(["check", url.lastPathComponent], in: url.deletingLastPathComponent())
        #expect(run.status == 65)
        #expect(Self.diagnostics(run.stderr) == [
            "\(url.lastPathComponent):2: error: line of 10485760 bytes is longer than the limit of 1048576 bytes; skipped",
        ])
        #expect(run.stdout.isEmpty)
    }

    @Test func manyLinesOfAnUnknownTypeAreCountedNotAllPrinted() throws {
        let count = ProcessInfo.processInfo.environment["RULEBOOK_UNKNOWN_LINES"].flatMap(Int.init) ?? 100_000
        let url = try Self.temporaryLog("unknown.jsonl") { handle in
            var chunk = Data()
            for index in 0..<count {
                chunk.append(Data(#"{"time":"2026-03-02T08:58:00+08:00","type":"door.opened","door":\#(index)}"#.utf8 + [0x0A]))
                if chunk.count > 1 << 20 { handle.write(chunk); chunk.removeAll(keepingCapacity: true) }
            }
            handle.write(chunk)
        }
        defer { try? FileManager.default.removeItem(at: url) }
        let run = try CommandLineTests.rulebook(["check", url.lastPathComponent], in: url.deletingLastPathComponent())
        #expect(run.status == 0)
        #expect(Self.diagnostics(run.stderr).count == 10)
        #expect(run.stderr.contains("\(count) lines in all like line 1 (unknown event type 'door.opened', skipped); the first 10 are shown"))
        #expect(run.stderr.contains("read \(count) lines: 0 events"))
    }

    @Test func standardInputClosedAtOnceIsAnEmptyLog() throws {
        let run = try CommandLineTests.rulebook(["check", "-"], input: "")
        #expect(run.status == 0)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.contains("read 0 lines"))
    }
}
