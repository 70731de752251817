import Foundation
import Testing

/// Runs the `rulebook` executable the way a user does.
@Suite("The rulebook command")
struct CommandLineTests {
    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String

        /// Standard output as a table: each line split into its whitespace-separated cells.
        var rows: [[String]] {
            stdout.split(separator: "\n").map { $0.split(separator: " ").map(String.init) }
        }
    }

    static func rulebook(_ arguments: [String], input: String? = nil, in directory: URL = packageRoot) throws -> Run {
        let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        var executable = binary.appendingPathComponent("rulebook")
        if !FileManager.default.fileExists(atPath: executable.path) {
            executable = packageRoot.appendingPathComponent(".build/debug/rulebook")
        }
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        let out = Pipe(), err = Pipe(), stdin = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = stdin
        try process.run()
        if let input { stdin.fileHandleForWriting.write(Data(input.utf8)) }
        try stdin.fileHandleForWriting.close()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus,
                   stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: stderr, as: UTF8.self))
    }

    @Test func checkPrintsTheSampleWeeksVerdictsAndASummary() throws {
        let run = try Self.rulebook(["check", "Examples/logs/week.jsonl"])
        let expected = try String(contentsOf: packageRoot.appendingPathComponent("Examples/logs/week.expected.jsonl"), encoding: .utf8)
        #expect(run.status == 0)
        #expect(run.stdout == expected)
        #expect(run.stderr.contains("read 165 lines: 163 events, 1 duplicate, 0 blank, 0 rejected, 1 skipped"))
        #expect(run.stderr.contains("week.jsonl:83: warning: field 'type': unknown event type 'break.started', skipped"))
        #expect(run.stderr.contains("rules: Rules/ (rule files)"))
    }

    @Test func theBuiltInPackReportsItsParameters() throws {
        let run = try Self.rulebook(["check", "Examples/logs/week.jsonl", "--builtin"])
        let expected = try String(contentsOf: packageRoot.appendingPathComponent("Examples/logs/week.expected.jsonl"), encoding: .utf8)
        #expect(run.stdout == expected)
        #expect(run.stderr.contains("rules: the built-in standard pack"))
        #expect(run.stderr.contains("parameters: timeZone=Asia/Shanghai, absenceThreshold=30m, grace=0s"))
    }

    @Test func chineseMessagesWithLangZh() throws {
        let run = try Self.rulebook(["check", "Examples/logs/week.jsonl", "--lang", "zh"])
        #expect(run.stdout.contains("\"message\":\"E01 於班次 S-E01-0303 遲到 10 分鐘。\""))
        #expect(run.stderr.contains("讀取 165 行"))
    }

    @Test func aTableGroupsVerdictsWithTheSummary() throws {
        let run = try Self.rulebook(["check", "Examples/logs/week.jsonl", "--format", "table"])
        #expect(run.status == 0)
        let lines = run.stdout.split(separator: "\n")
        #expect(lines.first?.hasPrefix("employee ") == true)
        // Grouped by employee, each group closed by its count; no colours into a pipe.
        let e02 = lines.filter { $0.hasPrefix("E02 ") }
        #expect(e02.count == 6)
        #expect(lines.contains { $0.contains("6 verdicts") })
        #expect(!run.stdout.contains("\u{1B}["))
        #expect(run.rows.first { $0.first == "attendance.absence" }?.prefix(3) == ["attendance.absence", "absent", "11"])
    }

    @Test func standardInputIsReadWithADash() throws {
        let log = """
            {"time":"2026-03-01T20:00:00+08:00","type":"shift.scheduled","employee":"E001","shift":"S1","start":"2026-03-02T09:00:00+08:00","end":"2026-03-02T18:00:00+08:00"}
            {"time":"2026-03-02T09:41:00+08:00","type":"clock.in","employee":"E001"}
            {"time":"2026-03-02T18:02:00+08:00","type":"clock.out","employee":"E001"}
            """
        let run = try Self.rulebook(["check", "-"], input: log)
        #expect(run.status == 0)
        #expect(run.stdout.hasPrefix("{\"rule\":\"attendance.absence\",\"outcome\":\"absent\",\"employee\":\"E001\",\"subject\":\"S1\""))
    }

    @Test func rejectedLinesAreReportedWithTheirNumberAndFieldAndExitSixtyFive() throws {
        let log = """
            {"time":"2026-03-01T20:00:00+08:00","type":"shift.scheduled","employee":"E001","shift":"S1","start":"2026-03-02T09:00:00+08:00","end":"2026-03-02T18:00:00+08:00"}
            {"time":"2026-03-02T09:41:00","type":"clock.in","employee":"E001"}
            not json
            {"time":"2026-03-02T18:02:00+08:00","type":"clock.out"}
            """
        let run = try Self.rulebook(["check", "-"], input: log)
        #expect(run.status == 65)
        #expect(run.stderr.contains("<stdin>:2: error: field 'time': a time without an offset (add Z or ±hh:mm), found \"2026-03-02T09:41:00\""))
        #expect(run.stderr.contains("<stdin>:3:1: error: expected a JSON object starting with '{'"))
        #expect(run.stderr.contains("<stdin>:4: error: field 'employee': missing; 'clock.out' requires it"))
        // The good lines are still evaluated: the shift has no in-punch.
        #expect(run.stdout.contains("missed-punch-not-confirmed"))
    }

    @Test func aMissingFileExitsSixtySix() throws {
        let run = try Self.rulebook(["check", "no/such/log.jsonl"])
        #expect(run.status == 66)
        #expect(run.stderr == "rulebook: cannot open 'no/such/log.jsonl': no such file\n")
    }

    @Test func aDirectoryIsNotALog() throws {
        let run = try Self.rulebook(["check", "Examples"])
        #expect(run.status == 66)
        #expect(run.stderr.contains("'Examples' is a directory"))
    }

    @Test("Usage errors exit 64", arguments: [
        ["check"], ["check", "a.jsonl", "--format", "xml"], ["check", "a.jsonl", "--lang", "fr"],
        ["check", "a.jsonl", "--as-of", "tomorrow"], ["frobnicate"], ["check", "a.jsonl", "--verbose"], [],
    ])
    func usageErrors(arguments: [String]) throws {
        #expect(try Self.rulebook(arguments).status == 64)
    }

    @Test func anUnknownTimeZoneExitsSeventyEight() throws {
        let run = try Self.rulebook(["check", "Examples/logs/week.jsonl", "--time-zone", "Asia/Shangai"])
        #expect(run.status == 78)
        #expect(run.stderr.contains("unknown time zone 'Asia/Shangai'"))
    }

    @Test func helpListsTheExitCodes() throws {
        let run = try Self.rulebook(["--help"])
        #expect(run.status == 0)
        #expect(run.stdout.contains("USAGE: rulebook check <log>"))
        #expect(run.stdout.contains("65  some input lines were rejected"))
    }

    @Test func helpInChinese() throws {
        let run = try CommandLineTests.rulebook(["--help", "--lang", "zh"])
        #expect(run.status == 0)
        #expect(run.stdout.contains("用法: rulebook check <日誌>"))
        #expect(run.stdout.contains("65  部分輸入行被拒"))
    }

    @Test func asOfLeavesLaterShiftsPending() throws {
        let run = try Self.rulebook(["check", "Examples/logs/week.jsonl", "--as-of", "2026-03-03T00:00:00+08:00"])
        #expect(run.status == 0)
        // As of Tuesday midnight, the confirmation of E05's Monday punch (dated the
        // following week) and E10's exemption (granted on Wednesday) are not known yet.
        let verdicts = run.stdout.split(separator: "\n").filter { $0.contains("\"rule\":\"attendance.") }
        #expect(verdicts.count == 5)
        for person in ["E04", "E05", "E10"] {
            #expect(verdicts.contains { $0.contains("\"employee\":\"\(person)\"") && $0.contains("missed-punch-not-confirmed") })
        }
        #expect(run.stderr.contains("79 events after the as-of time, not evaluated"))
        // 48 shifts, and E11's onboarding week, are still open.
        #expect(run.stderr.contains("8 verdicts, 49 cases pending"))
    }
}

@Suite("Reports and filters")
struct ReportTests {
    @Test func theWeeklyReportCountsEachPersonsExceptionsInChinese() throws {
        let run = try CommandLineTests.rulebook(["report", "weekly", "Examples/logs/week.jsonl", "--lang", "zh"])
        #expect(run.status == 0)
        let rows = run.rows
        #expect(rows.first?.first == "週次")
        #expect(rows.contains(["2026-W10", "E02", "2", "35", "0", "0", "2", "0", "S-E02-0303", "S-E02-0304"]))
        #expect(rows.contains(["2026-W10", "E05", "0", "0", "0", "0", "1", "3", "S-E05-0305"]))
        #expect(rows.last == ["合計", "10", "人", "5", "67", "2", "45", "11", "3"])
    }

    @Test func filtersKeepSomePeopleAndDays() throws {
        let run = try CommandLineTests.rulebook(["check", "Examples/logs/week.jsonl", "--employee", "E02,E03",
                                                 "--since", "2026-03-03", "--until", "2026-03-04"])
        let verdicts = run.stdout.split(separator: "\n")
        #expect(verdicts.count == 8)
        #expect(verdicts.allSatisfy { $0.contains("\"employee\":\"E02\"") || $0.contains("\"employee\":\"E03\"") })
        #expect(verdicts.allSatisfy { $0.contains("\"time\":\"2026-03-03") || $0.contains("\"time\":\"2026-03-04") })
    }

    @Test("A day or time that cannot be read, or a day no calendar has, is a usage error",
          arguments: ["--since", "--until"], ["March 3rd", "2026-13-01", "2026-02-30"])
    func badDay(option: String, day: String) throws {
        let run = try CommandLineTests.rulebook(["check", "Examples/logs/week.jsonl", option, day])
        #expect(run.status == 64)
        #expect(run.stderr.contains("\(option) must be a day like 2026-03-02"))
        #expect(run.stdout.isEmpty)
    }

    @Test func reportNeedsAKind() throws {
        #expect(try CommandLineTests.rulebook(["report", "Examples/logs/week.jsonl"]).status == 64)
    }
}

@Suite("What-if")
struct WhatIfTests {
    @Test func loweringTheAbsenceThresholdShowsWhatWouldChange() throws {
        let run = try CommandLineTests.rulebook(["diff", "Examples/logs/week.jsonl", "--set", "absenceThreshold=20m"])
        #expect(run.status == 0)
        let rows = run.rows
        #expect(rows.contains(["attendance.absence", "absent", "+2", "-0"]))
        #expect(rows.contains(["attendance.late", "late", "+0", "-1"]))
        #expect(rows.contains(["attendance.early-leave", "early-leave", "+0", "-1"]))
        #expect(run.stdout.contains("+ 2026-03-02T09:20:00+08:00  E02  attendance.absence  absent  S-E02-0302"))
        #expect(run.stdout.contains("- 2026-03-02T09:30:00+08:00  E02  attendance.late  late  S-E02-0302"))
    }

    @Test func checkAppliesTheSameSettings() throws {
        let run = try CommandLineTests.rulebook(["check", "Examples/logs/week.jsonl", "--set", "excusedMissedPunchesPerMonth=2"])
        #expect(run.stdout.contains("\"employee\":\"E05\",\"subject\":\"S-E05-0304\",\"time\":\"2026-03-04T22:00:00+08:00\",\"reason\":\"missed-punch-over-allowance\""))
        #expect(run.stderr.contains("excusedMissedPunchesPerMonth=2"))
    }

    @Test("Bad settings are usage errors that say what was expected", arguments: [
        ("absenceThreshold=soon", "absenceThreshold must be a duration like 30m, 90s or PT30M, not 'soon'"),
        ("swapsPerMonth=-1", "swapsPerMonth must be a whole number, not '-1'"),
        ("breakLength=10m", "unknown parameter 'breakLength'; the parameters are absenceThreshold, grace"),
        ("strict", "--set needs name=value, not 'strict'"),
    ])
    func badSettings(setting: String, message: String) throws {
        let run = try CommandLineTests.rulebook(["diff", "Examples/logs/week.jsonl", "--set", setting])
        #expect(run.status == 64)
        #expect(run.stderr.contains(message))
    }
}

extension CommandLineTests {
    @Test func twoJobsPrintTheSameBytes() throws {
        let one = try Self.rulebook(["check", "Examples/logs/month.jsonl"])
        let two = try Self.rulebook(["check", "Examples/logs/month.jsonl", "--jobs", "2"])
        #expect(two.status == one.status)
        #expect(!one.stdout.isEmpty)
        #expect(two.stdout == one.stdout)
        #expect(two.stderr == one.stderr)
    }
}

extension CommandLineTests {
    @Test func commandLineErrorsAreInChineseWithLangZh() throws {
        let missing = try Self.rulebook(["check", "--lang", "zh"])
        #expect(missing.status == 64)
        #expect(missing.stderr.contains("rulebook: 缺少要檢查的日誌 (路徑, 或以 - 表示標準輸入)"))
        #expect(missing.stderr.contains("用法: rulebook check"))
        let format = try Self.rulebook(["check", "Examples/logs/week.jsonl", "--format", "csv", "--lang", "zh"])
        #expect(format.stderr.contains("rulebook: --format 應為 jsonl 或 table, 而非 'csv'"))
        let directory = try Self.rulebook(["check", "Examples", "--lang", "zh"])
        #expect(directory.status == 66)
        #expect(directory.stderr.contains("rulebook: 'Examples' 是目錄, 不是事件日誌"))
    }
}
