import ContactCenterRules
import Foundation
import Rulebook
import RulebookTesting
import Testing

@Suite("Rule files")
struct RuleFileTests {
    static let rulesFolder = packageRoot.appendingPathComponent("Rules")

    /// The standard pack as it is built in Swift, without the parameter listing that
    /// rule files do not carry.
    static var builtIn: Policy {
        var policy = StandardPolicy.make()
        policy.parameters = []
        return policy
    }

    @Test func encodingTheStandardPackGivesExactlyTheFilesInRules() throws {
        let files = try RuleDirectory.files(for: StandardPolicy.make(), family: StandardPolicy.family)
        #expect(files.map(\.name) == ["policy.json", "attendance.json", "swaps.json", "sla.json", "training.json",
                                      "reviews.json", "discipline.json"])
        for (name, contents) in files {
            let onDisk = try String(contentsOf: Self.rulesFolder.appendingPathComponent(name), encoding: .utf8)
            #expect(contents == onDisk, "Rules/\(name) differs from the encoded standard pack; run 'rulebook export-rules Rules'")
        }
    }

    @Test func decodingRulesGivesTheStandardPack() throws {
        let loaded = try RuleDirectory.load(from: Self.rulesFolder)
        #expect(loaded.rules.count == Self.builtIn.rules.count)
        for (file, code) in zip(loaded.rules, Self.builtIn.rules) { #expect(file == code, "\(code.id)") }
        #expect(loaded == Self.builtIn)
    }

    @Test func everyRuleRoundTripsThroughJSONEncoderToo() throws {
        for rule in Self.builtIn.rules {
            let data = try JSONEncoder().encode(rule)
            #expect(try JSONDecoder().decode(Rule.self, from: data) == rule, "\(rule.id)")
        }
    }
}

extension RuleFileTests {
    /// The files of `Rules/` by name, to change in memory.
    static func standardFiles() throws -> [String: [UInt8]] {
        var files: [String: [UInt8]] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: rulesFolder.path) where name.hasSuffix(".json") {
            files[name] = Array(try Data(contentsOf: rulesFolder.appendingPathComponent(name)))
        }
        return files
    }

    /// `files` with `rule` (JSON text) added at the end of the rules of `file`.
    static func adding(_ rule: String, to file: String, in files: [String: [UInt8]]) -> [String: [UInt8]] {
        var files = files
        let text = String(decoding: files[file] ?? [], as: UTF8.self)
        let indented = rule.split(separator: "\n").map { "    " + $0 }.joined(separator: "\n")
        files[file] = Array(text.replacingOccurrences(of: "\n  ]\n}\n", with: ",\n" + indented + "\n  ]\n}\n").utf8)
        return files
    }

    /// `files` with every occurrence of `old` in `file` replaced.
    static func replacing(_ old: String, with new: String, in file: String, of files: [String: [UInt8]]) -> [String: [UInt8]] {
        var files = files
        files[file] = Array(String(decoding: files[file] ?? [], as: UTF8.self).replacingOccurrences(of: old, with: new).utf8)
        return files
    }

    /// `file:LINE:COLUMN` of the `occurrence`-th `needle` in `file`, moved `offset`
    /// characters right: where a diagnostic about that text must point.
    static func place(_ needle: String, in file: String, of files: [String: [UInt8]], occurrence: Int = 1, offset: Int = 0) -> String {
        let text = String(decoding: files[file] ?? [], as: UTF8.self)
        var searchFrom = text.startIndex
        var found: Range<String.Index>?
        for _ in 0..<occurrence {
            found = text.range(of: needle, range: searchFrom..<text.endIndex)
            searchFrom = found?.upperBound ?? text.endIndex
        }
        guard let found else { return file + ":?" }
        let before = text[..<found.lowerBound]
        let line = before.filter { $0 == "\n" }.count + 1
        let column = before.distance(from: before.lastIndex(of: "\n").map { before.index(after: $0) } ?? before.startIndex,
                                     to: before.endIndex) + 1 + offset
        return "\(file):\(line):\(column)"
    }

    /// The rules `Rules/README.md` shows, each with the file it goes in.
    static func readmeRules() throws -> [(file: String, rule: String)] {
        let readme = try String(contentsOf: rulesFolder.appendingPathComponent("README.md"), encoding: .utf8)
        var rules: [(String, String)] = []
        let marker = "<!-- add to "
        for part in readme.components(separatedBy: marker).dropFirst() {
            let file = String(part.prefix { $0 != " " })
            guard let start = part.range(of: "```json\n"), let end = part.range(of: "\n```", range: start.upperBound..<part.endIndex)
            else { continue }
            rules.append((file, String(part[start.upperBound..<end.lowerBound])))
        }
        return rules
    }

    @Test func theNewRulesOfTheReadmeWorkWithoutSwift() throws {
        var files = try Self.standardFiles()
        let added = try Self.readmeRules()
        #expect(added.map(\.file) == ["attendance.json", "sla.json", "attendance.json"])
        for (file, rule) in added { files = Self.adding(rule, to: file, in: files) }
        let policy = try RuleDirectory.decode(files: files)
        #expect(policy.rules.count == Self.builtIn.rules.count + 3)

        var log = TestLog()
        // E01 leaves ten minutes early on Monday, Tuesday and Wednesday of one ISO week.
        for day in ["2026-03-02", "2026-03-03", "2026-03-04"] {
            log.shift("S-E01-" + day, for: "E01", from: day + " 09:00", to: day + " 18:00")
            log.clockIn("E01", at: day + " 08:55")
            log.clockOut("E01", at: day + " 17:50")
        }
        // E02 is five minutes late on three days of March.
        for day in ["2026-03-02", "2026-03-09", "2026-03-16"] {
            log.shift("S-E02-" + day, for: "E02", from: day + " 09:00", to: day + " 18:00")
            log.clockIn("E02", at: day + " 09:05")
            log.clockOut("E02", at: day + " 18:00")
        }
        // A chat answered after 90 seconds breaches; a phone call answered as late does not.
        log.inquiry("T-CHAT", at: "2026-03-02 10:00", to: "E03", channel: "chat")
        log.responded("T-CHAT", by: "E03", at: "2026-03-02 10:01:30")
        log.inquiry("T-PHONE", at: "2026-03-02 10:00", to: "E03", channel: "phone")
        log.responded("T-PHONE", by: "E03", at: "2026-03-02 10:01:30")

        let report = try log.evaluate(policy)
        let newRules: Set = ["attendance.early-leave-limit", "sla.chat-first-response", "attendance.lates-make-absence"]
        expectVerdicts(report.verdicts.filter { newRules.contains($0.rule) }, [
            ExpectedVerdict("attendance.early-leave-limit", "too-many-early-leaves", employee: "E01", subject: "S-E01-2026-03-04", value: 3),
            ExpectedVerdict("attendance.lates-make-absence", "absent", employee: "E02", subject: "S-E02-2026-03-16", value: 3),
            ExpectedVerdict("sla.chat-first-response", "breached", employee: "E03", subject: "T-CHAT", reason: "late-chat-response"),
        ])
    }

    @Test func aPolicyChangeMidMonthJudgesEachShiftByTheRuleInForceWhenItStarted() throws {
        // From 16 March, more than 20 minutes late is an absence; before, more than 30.
        var files = try Self.standardFiles()
        let absence = #""id": "attendance.absence","#
        files = Self.replacing(absence, with: absence + #" "effective": {"until": "2026-03-16"},"#, in: "attendance.json", of: files)
        let text = String(decoding: files["attendance.json"] ?? [], as: UTF8.self)
        let rulesStart = try #require(text.range(of: #""rules": ["#))
        let start = try #require(text.range(of: "    {\n      \"id\": \"attendance.absence\"", range: rulesStart.upperBound..<text.endIndex))
        let end = try #require(text.range(of: "\n    },\n    {\n      \"id\": \"attendance.missed-punch\"", range: start.upperBound..<text.endIndex))
        let stricter = String(text[start.lowerBound..<end.lowerBound] + "\n    }")
            .replacingOccurrences(of: #""effective": {"until": "2026-03-16"}"#, with: #""effective": {"from": "2026-03-16"}"#)
            .replacingOccurrences(of: #""above": "30m""#, with: #""above": "20m""#)
            .replacingOccurrences(of: #""offset": "30m""#, with: #""offset": "20m""#)
        files = Self.adding(stricter.split(separator: "\n").map { String($0.dropFirst(4)) }.joined(separator: "\n"),
                            to: "attendance.json", in: files)
        let policy = try RuleDirectory.decode(files: files)
        #expect(policy.rules.filter { $0.id == "attendance.absence" }.count == 2)

        var log = TestLog()
        for day in ["2026-03-13", "2026-03-16"] {
            log.shift("S-" + day, for: "E01", from: day + " 09:00", to: day + " 18:00")
            log.clockIn("E01", at: day + " 09:25")
            log.clockOut("E01", at: day + " 18:00")
        }
        let report = try log.evaluate(policy)
        expectVerdicts(report.verdicts.filter { $0.rule == "attendance.absence" }, [
            ExpectedVerdict("attendance.absence", "absent", employee: "E01", subject: "S-2026-03-16", reason: "late-over-threshold", value: 25),
        ])
    }

    @Test func twoVersionsOfARuleInForceTogetherAreAnError() throws {
        var files = try Self.standardFiles()
        files = Self.adding(#"{"id": "swap.limit", "title": "Again", "clause": {"source": "x", "text": "y"}, "count": {"counts": {"verdicts": ["swap.holiday"]}, "per": "month", "limit": 1, "outcome": "o", "reason": "r", "message": {"en": "", "zh": ""}}}"#,
                            to: "swaps.json", in: files)
        let error = try #require(throws: RuleFileErrors.self) { try RuleDirectory.decode(files: files) }
        let first = Self.place(#""swap.limit""#, in: "swaps.json", of: files)
        let second = Self.place(#""swap.limit""#, in: "swaps.json", of: files, occurrence: 2)
        #expect(error.diagnostics.map(\.description) == [
            "\(second): error: the rule id 'swap.limit' is already used at \(first) "
                + "(two versions of one rule need 'effective' periods that do not overlap)",
        ])
    }

    @Test func everyProblemIsReportedAtOnceWithItsPlace() throws {
        var files = try Self.standardFiles()
        files = Self.replacing(#""timeZone": "Asia/Shanghai""#, with: #""timeZone": "Asia/Shanghia""#, in: "policy.json", of: files)
        files = Self.replacing(#""atMost": "30m""#, with: #""atMost": "30 minutes""#, in: "attendance.json", of: files)
        files = Self.replacing(#""person": "employee""#, with: #""person": "employe""#, in: "sla.json", of: files)
        files = Self.replacing(#""per": "month""#, with: #""per": 1"#, in: "swaps.json", of: files)
        files = Self.replacing(#""within""#, with: #""withn""#, in: "discipline.json", of: files)
        files = Self.adding(#"{"id": "b.cycle", "title": "B", "clause": {"source": "x", "text": "y"}, "cuont": {}}"#, to: "reviews.json", in: files)
        let error = try #require(throws: RuleFileErrors.self) { try RuleDirectory.decode(files: files) }
        let messages = error.diagnostics.map(\.description)
        let duration = #"error: expected a duration like 30m, 2h, 7d or PT30M, found the string "30 minutes""#
        for expected in [
            Self.place(#""Asia/Shanghia""#, in: "policy.json", of: files)
                + ": error: unknown time zone 'Asia/Shanghia' (expected an IANA name like Asia/Shanghai or Europe/Berlin)",
            Self.place(#""30 minutes""#, in: "attendance.json", of: files) + ": " + duration,
            Self.place(#""30 minutes""#, in: "attendance.json", of: files, occurrence: 2) + ": " + duration,
            Self.place(#""employe""#, in: "sla.json", of: files)
                + ": error: unknown field 'employe' of event type 'inquiry.responded' (did you mean 'employee'?)",
            Self.place(#""per": 1"#, in: "swaps.json", of: files, offset: 7)
                + ": error: expected one of 'day', 'iso-week', 'month', 'quarter', 'half-year', 'year', found the number 1",
            Self.place(#""withn""#, in: "discipline.json", of: files)
                + ": error: unknown key 'withn' (did you mean 'within'?) (expected 'counts', 'tiers', 'within')",
            Self.place(#""cuont""#, in: "reviews.json", of: files) + ": error: unknown key 'cuont' (did you mean 'count'?)",
        ] {
            #expect(messages.contains { $0.hasPrefix(expected) }, "\(expected)\n\nall:\n\(messages.joined(separator: "\n"))")
        }
    }

    @Test func aRuleOverVerdictsOfARuleThatDoesNotExistIsAnError() throws {
        let files = Self.adding(#"{"id": "team.absences", "title": "T", "clause": {"source": "x", "text": "y"}, "count": {"counts": {"verdicts": ["attendance.absense"]}, "per": "month", "limit": 1, "outcome": "o", "reason": "r", "message": {"en": "", "zh": ""}}}"#,
                                to: "discipline.json", in: try Self.standardFiles())
        let error = try #require(throws: RuleFileErrors.self) { try RuleDirectory.decode(files: files) }
        #expect(error.diagnostics.map(\.description) == [
            Self.place(#""attendance.absense""#, in: "discipline.json", of: files)
                + ": error: unknown rule 'attendance.absense' (did you mean 'attendance.absence'?) "
                + "(expected the id of a rule of this policy whose verdicts are read)",
        ])
    }

    @Test func aCycleAmongRulesOverVerdictsIsNamed() throws {
        var files = try Self.standardFiles()
        for (id, reads) in [("a.loop", "b.loop"), ("b.loop", "a.loop")] {
            files = Self.adding(#"{"id": "\#(id)", "title": "T", "clause": {"source": "x", "text": "y"}, "count": {"counts": {"verdicts": ["\#(reads)"]}, "per": "month", "limit": 1, "outcome": "o", "reason": "r", "message": {"en": "", "zh": ""}}}"#,
                                to: "discipline.json", in: files)
        }
        let error = try #require(throws: RuleFileErrors.self) { try RuleDirectory.decode(files: files) }
        #expect(error.diagnostics.map(\.description) == [
            Self.place(#""a.loop""#, in: "discipline.json", of: files) + ": error: rules read each other's verdicts in a cycle: a.loop -> b.loop -> a.loop",
        ])
    }

    @Test func syntaxErrorsPointAtTheCharacter() throws {
        let files = Self.replacing(#""limit": 3,"#, with: #""limit": 3"#, in: "swaps.json", of: try Self.standardFiles())
        let error = try #require(throws: RuleFileErrors.self) { try RuleDirectory.decode(files: files) }
        // Only the syntax error: rules that read the unreadable file's verdicts are not blamed for it.
        #expect(error.diagnostics.map(\.description) == [
            Self.place(#""limit": 3"#, in: "swaps.json", of: files, offset: 11) + #": error: expected ',' or '}' after the value of 'limit', found '"'"#,
        ])
    }

    @Test("Each policy test of Rules/tests passes with the standard pack")
    func policyTestsPass() throws {
        let policy = try RuleDirectory.load(from: Self.rulesFolder)
        let tests = RuleDirectory.tests(in: Self.rulesFolder, policy: policy)
        #expect(tests.problems.isEmpty)
        #expect(Set(tests.cases.flatMap(\.rules)) == Set(policy.rules.map(\.id)), "every rule has a test")
        for test in tests.cases {
            let result = try test.run(with: policy)
            #expect(result.passed, "\(test.name): missing \(result.missing), unexpected \(result.unexpected.map(\.rule))")
        }
    }

    @Test func aPolicyTestFailsWhenTheRuleChanges() throws {
        let files = Self.replacing(#""above": "30m""#, with: #""above": "20m""#, in: "attendance.json", of: try Self.standardFiles())
        let policy = try RuleDirectory.decode(files: files)
        let test = try PolicyTestCase.decode(name: "t.json", bytes: Array(#"""
        {"rules": ["attendance.absence"], "events": [
          {"type": "shift.scheduled", "time": "2026-03-01T10:00:00+08:00", "employee": "E01", "shift": "S1", "start": "2026-03-02T09:00:00+08:00", "end": "2026-03-02T18:00:00+08:00"},
          {"type": "clock.in", "time": "2026-03-02T09:25:00+08:00", "employee": "E01"},
          {"type": "clock.out", "time": "2026-03-02T18:00:00+08:00", "employee": "E01"}
        ], "expect": []}
        """#.utf8), policy: policy)
        let result = try test.run(with: policy)
        #expect(result.missing.isEmpty)
        #expect(result.unexpected.map(\.reason) == ["late-over-threshold"])
    }
}

extension RuleFileTests {
    @Test func aPackWithOtherParametersSurvivesARoundTripThroughFiles() throws {
        var attendance = AttendanceParameters()
        attendance.absenceThreshold = .seconds(1200)
        attendance.grace = .milliseconds(1500)
        var sla = SLAParameters()
        sla.firstResponseByChannel = ["chat": .seconds(60), "email": .seconds(86_400)]
        var training = TrainingParameters()
        training.statutoryRepayment = true
        var reviews = ReviewParameters()
        reviews.monthlyAwardAmount = Decimal(string: "500.50")
        var policy = StandardPolicy.make(attendance: attendance, sla: sla, training: training, reviews: reviews,
                                         timeZone: "Europe/Berlin")
        policy.parameters = []
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rulebook-" + UUID().uuidString)
        try RuleDirectory.write(policy, to: folder, family: StandardPolicy.family)
        let loaded = try RuleDirectory.load(from: folder)
        #expect(loaded == policy)
        let sla2 = try String(contentsOf: folder.appendingPathComponent("sla.json"), encoding: .utf8)
        #expect(sla2.contains(#""union": ["#))
        #expect(sla2.contains(#""equals": ["chat"]"#))
    }
}

extension RuleFileTests {
    @Test func aConditionNamingAnExpectationTheScheduleLacksIsAnError() throws {
        // Without the check, the misspelt name would silently never match, and nobody would be absent.
        var files = Self.replacing(#""expectation": "in-punch","#, with: #""expectation": "in-pnuch","#, in: "attendance.json",
                                   of: try Self.standardFiles())
        files = Self.replacing(#""covers": ["in-punch"]"#, with: #""covers": ["inpunch"]"#, in: "attendance.json", of: files)
        let error = try #require(throws: RuleFileErrors.self) { try RuleDirectory.decode(files: files) }
        let messages = error.diagnostics.map(\.description)
        #expect(messages.contains {
            $0.hasSuffix("error: unknown expectation 'in-pnuch' (did you mean 'in-punch'?) (expected one of the schedule's expectations: 'in-punch', 'out-punch')")
        }, "\(messages)")
        #expect(messages.contains {
            $0.hasPrefix(Self.place(#"["inpunch"]"#, in: "attendance.json", of: files))
                && $0.contains("unknown expectation 'inpunch' (did you mean 'in-punch'?)")
        }, "\(messages)")
    }
}

extension RuleFileTests {
    @Test func aFileWithThousandsOfProblemsGetsTheFirstOnesAndACount() throws {
        // A rule with 5,000 misspelt keys, and a map of 50,000 messages: reported in
        // bounded time and space.
        let keys = (0..<5000).map { #""typo\#($0)": 1"# }.joined(separator: ", ")
        let messages = (0..<50_000).map { #""reason-\#($0)": {"en": "", "zh": ""}"# }.joined(separator: ", ")
        let rule = #"{"id": "x.y", "title": "T", "clause": {"source": "s", "text": "t"}, \#(keys), "exchange": {"schedule": "shifts", "judgement": "frozen", "outcome": "o", "reason": "r", "message": {"en": "", "zh": ""}, "messagesByReason": {\#(messages)}}}"#
        let files = Self.adding(rule, to: "swaps.json", in: try Self.standardFiles())
        let error = try #require(throws: RuleFileErrors.self) { try RuleDirectory.decode(files: files) }
        #expect(error.diagnostics.count == 201)
        #expect(error.diagnostics.last?.message == "4800 more problems not shown; fix those above and load again")
        #expect(error.diagnostics.first?.message.hasPrefix("unknown key 'typo0'") == true)
    }
}
