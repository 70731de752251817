import Foundation
import Testing

/// An analyst's way through the rule files, with the `rulebook` command alone.
@Suite("Rule files on the command line")
struct RuleFileCommandTests {
    /// A fresh copy of `Rules/` in a temporary folder.
    static func copyOfRules() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rulebook-" + UUID().uuidString)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let copy = folder.appendingPathComponent("MyRules")
        try FileManager.default.copyItem(at: RuleFileTests.rulesFolder, to: copy)
        return copy
    }

    static func edit(_ file: URL, _ old: String, _ new: String) throws {
        let text = try String(contentsOf: file, encoding: .utf8)
        try Data(text.replacingOccurrences(of: old, with: new).utf8).write(to: file)
    }

    /// A log where E01 is 25 minutes late.
    static let lateLog = """
        {"type":"shift.scheduled","time":"2026-03-01T10:00:00+08:00","employee":"E01","shift":"S1","start":"2026-03-02T09:00:00+08:00","end":"2026-03-02T18:00:00+08:00"}
        {"type":"clock.in","time":"2026-03-02T09:25:00+08:00","employee":"E01"}
        {"type":"clock.out","time":"2026-03-02T18:00:00+08:00","employee":"E01"}

        """

    @Test func loweringTheAbsenceThresholdInACopyChangesTheVerdicts() throws {
        let rules = try Self.copyOfRules()
        let attendance = rules.appendingPathComponent("attendance.json")
        for (old, new) in [(#""above": "30m""#, #""above": "20m""#), (#""atMost": "30m""#, #""atMost": "20m""#),
                           (#""offset": "30m""#, #""offset": "20m""#)] {
            try Self.edit(attendance, old, new)
        }
        let before = try CommandLineTests.rulebook(["check", "-"], input: Self.lateLog)
        let after = try CommandLineTests.rulebook(["check", "--rules", rules.path, "-"], input: Self.lateLog)
        #expect(before.stdout.contains(#""rule":"attendance.late""#))
        #expect(!before.stdout.contains(#""rule":"attendance.absence""#))
        #expect(after.status == 0)
        #expect(after.stdout.contains(#""rule":"attendance.absence","outcome":"absent","employee":"E01","subject":"S1""#))
        #expect(!after.stdout.contains(#""rule":"attendance.late""#))
        #expect(after.stdout.contains("more than 20 minutes counts as a day of absence"))

        let diff = try CommandLineTests.rulebook(["diff", "--rules", "Rules", "--rules", rules.path, "-"], input: Self.lateLog)
        #expect(diff.stdout.contains("+ "), "\(diff.stdout)")
        #expect(diff.stdout.contains("attendance.absence"))
        #expect(diff.stdout.contains("- "))
    }

    @Test func validateAndTestPassOnTheStandardRules() throws {
        let validate = try CommandLineTests.rulebook(["validate"])
        #expect(validate.status == 0)
        #expect(validate.stdout == "Rules: 21 rules and 21 tests, no problems\n")
        let test = try CommandLineTests.rulebook(["test"])
        #expect(test.status == 0)
        #expect(test.stdout.hasSuffix("21 passed, 0 failed\n"))
    }

    @Test func validateReportsEveryErrorWithItsLineAndColumn() throws {
        let rules = try Self.copyOfRules()
        try Self.edit(rules.appendingPathComponent("attendance.json"), #""atMost": "30m""#, #""atMost": "half an hour""#)
        try Self.edit(rules.appendingPathComponent("policy.json"), "Asia/Shanghai", "Asia/Shanghia")
        let run = try CommandLineTests.rulebook(["validate", rules.path])
        #expect(run.status == 78)
        let files = try RuleFileTests.standardFiles()
        let place = RuleFileTests.place(#""atMost": "30m""#, in: "attendance.json", of: files, offset: 10)
        #expect(run.stderr.contains(rules.path + "/" + place + #": error: expected a duration like 30m, 2h, 7d or PT30M, found the string "half an hour""#))
        #expect(run.stderr.contains(rules.path + "/policy.json:4:15: error: unknown time zone 'Asia/Shanghia'"))
        #expect(run.stderr.contains("3 errors in the rule files"))
        let check = try CommandLineTests.rulebook(["check", "--rules", rules.path, "-"], input: Self.lateLog)
        #expect(check.status == 78)
        #expect(check.stdout.isEmpty)
    }

    @Test func aNewRuleWithItsTestFailsUntilItIsRight() throws {
        let rules = try Self.copyOfRules()
        // The analyst's test: a 25-minute lateness is an absence under the team's rule.
        let test = """
            {
              "description": "Our team: more than 20 minutes late is an absence",
              "events": [
                {"type": "shift.scheduled", "time": "2026-03-01T10:00:00+08:00", "employee": "E01", "shift": "S1", "start": "2026-03-02T09:00:00+08:00", "end": "2026-03-02T18:00:00+08:00"},
                {"type": "clock.in", "time": "2026-03-02T09:25:00+08:00", "employee": "E01"},
                {"type": "clock.out", "time": "2026-03-02T18:00:00+08:00", "employee": "E01"}
              ],
              "expect": [{"rule": "attendance.absence", "employee": "E01", "subject": "S1", "outcome": "absent"}]
            }

            """
        try Data(test.utf8).write(to: rules.appendingPathComponent("tests/team-threshold.json"))
        let failing = try CommandLineTests.rulebook(["test", rules.path])
        #expect(failing.status == 1)
        #expect(failing.stdout.contains("FAIL team-threshold.json: Our team: more than 20 minutes late is an absence"))
        #expect(failing.stdout.contains(#"  - missing:    {"rule": "attendance.absence", "employee": "E01", "subject": "S1", "outcome": "absent"}"#))
        #expect(failing.stdout.contains("21 passed, 1 failed"))

        try Self.edit(rules.appendingPathComponent("attendance.json"), #""above": "30m""#, #""above": "20m""#)
        let passing = try CommandLineTests.rulebook(["test", rules.path])
        #expect(passing.stdout.contains("PASS team-threshold.json"))
        // The standard pack's own lateness test now fails: that is what the change does.
        #expect(passing.stdout.contains("FAIL attendance.absence.json") || passing.stdout.contains("22 passed"))
    }

    @Test func aBrokenTestFilePointsAtItsLine() throws {
        let rules = try Self.copyOfRules()
        try Data(#"{"events": [], "expect": [{"rule": "attendance.absense", "outcome": "absent"}]}"#.utf8)
            .write(to: rules.appendingPathComponent("tests/typo.json"))
        let run = try CommandLineTests.rulebook(["validate", rules.path])
        #expect(run.status == 78)
        #expect(run.stderr.contains(rules.path + "/tests/typo.json:1:36: error: unknown rule 'attendance.absense' (did you mean 'attendance.absence'?)"))
    }

    @Test func builtinAndRulesExcludeEachOther() throws {
        let run = try CommandLineTests.rulebook(["check", "--builtin", "--rules", "Rules", "Examples/logs/week.jsonl"])
        #expect(run.status == 64)
        #expect(run.stderr.contains("--builtin and --rules exclude each other"))
    }
}

extension RuleFileCommandTests {
    @Test func anAnalystAddsARuleAndItsTestAndSeesItInCheck() throws {
        let rules = try Self.copyOfRules()
        // The rule, as Rules/README.md shows it, added to the end of attendance.json.
        let (file, rule) = try #require(RuleFileTests.readmeRules().last)
        #expect(file == "attendance.json")
        let attendance = rules.appendingPathComponent(file)
        let indented = rule.split(separator: "\n").map { "    " + $0 }.joined(separator: "\n")
        try Self.edit(attendance, "\n  ]\n}\n", ",\n" + indented + "\n  ]\n}\n")
        let lates = (2...4).map { day in
            let date = "2026-03-0\(day)"
            return """
                {"type":"shift.scheduled","time":"2026-03-01T10:00:00+08:00","employee":"E01","shift":"S\(day)","start":"\(date)T09:00:00+08:00","end":"\(date)T18:00:00+08:00"}
                {"type":"clock.in","time":"\(date)T09:05:00+08:00","employee":"E01"}
                {"type":"clock.out","time":"\(date)T18:00:00+08:00","employee":"E01"}
                """
        }.joined(separator: "\n") + "\n"
        let events = lates.split(separator: "\n").map { "    " + $0 }.joined(separator: ",\n")
        let test = """
            {
              "description": "The third late arrival of a month is an absence",
              "events": [
            \(events)
              ],
              "expect": [{"rule": "attendance.lates-make-absence", "employee": "E01", "subject": "S4", "outcome": "absent"}]
            }

            """
        try Data(test.utf8).write(to: rules.appendingPathComponent("tests/three-lates.json"))

        let validate = try CommandLineTests.rulebook(["validate", rules.path])
        #expect(validate.status == 0)
        #expect(validate.stdout.hasSuffix("22 rules and 22 tests, no problems\n"))
        let tests = try CommandLineTests.rulebook(["test", rules.path])
        #expect(tests.status == 0)
        #expect(tests.stdout.contains("PASS three-lates.json"))
        let check = try CommandLineTests.rulebook(["check", "--rules", rules.path, "-"], input: lates)
        #expect(check.stdout.contains(#""rule":"attendance.lates-make-absence","outcome":"absent","employee":"E01","subject":"S4""#))

        // A mistake in the new rule is reported where it is.
        try Self.edit(attendance, #""trigger": "every-limit-th""#, #""trigger": "every-third""#)
        let broken = try CommandLineTests.rulebook(["validate", rules.path])
        #expect(broken.status == 78)
        let place = RuleFileTests.place(#""every-third""#, in: file, of: [file: Array(try Data(contentsOf: attendance))])
        #expect(broken.stderr.contains(rules.path + "/" + place + #": error: expected one of 'each-beyond-limit', 'every-limit-th', found the string "every-third""#),
                "\(broken.stderr)")
    }
}
