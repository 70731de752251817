import ContactCenterRules
import Foundation
import Rulebook

/// The commands over rule files: `export-rules`, `validate` and `test`.
enum RuleFileCommands {
    /// `rulebook export-rules [DIR]`: writes the built-in pack as rule files, to start
    /// a company's own rules from.
    static func export(_ arguments: [String]) -> ExitCode {
        guard arguments.count <= 1, !(arguments.first ?? "").hasPrefix("-") else {
            Output.error("rulebook: 'export-rules' takes one directory; try 'rulebook --help'")
            return .usage
        }
        let directory = arguments.first ?? "Rules"
        do {
            try RuleDirectory.write(StandardPolicy.make(), to: URL(fileURLWithPath: directory), family: StandardPolicy.family)
        } catch {
            Output.error("rulebook: cannot write rule files to \(directory): \(error.localizedDescription)")
            return .unreadableInput
        }
        Output.error("rulebook: wrote the standard pack to \(directory)/")
        return .success
    }
}

extension RuleFileCommands {
    /// How loading ended early: the exit code to return.
    private struct Exit: Error {
        var code: ExitCode
    }

    /// A rule directory loaded with its policy tests.
    private struct Loaded {
        var directory: String
        var language: Language
        var policy: Policy
        var tests: (cases: [PolicyTestCase], problems: [RuleFileDiagnostic])
    }

    /// The directory and language of `validate` and `test`, the policy its rule files
    /// give and its policy tests, the problems of which are reported on the way.
    private static func load(
        _ arguments: [String], command: String
    ) -> Result<Loaded, Exit> {
        guard let (directory, language) = directory(arguments, command: command) else { return .failure(Exit(code: .usage)) }
        let policy: Policy
        do { policy = try PolicySource.load(directory, timeZone: nil) } catch {
            return .failure(Exit(code: PolicySource.report(error, language: language)))
        }
        let tests = RuleDirectory.tests(in: URL(fileURLWithPath: directory), policy: policy)
        for problem in tests.problems {
            Output.error(ChinesePhrasebook.render(problem.rendered(directory: directory), in: language))
        }
        return .success(Loaded(directory: directory, language: language, policy: policy, tests: tests))
    }

    /// The one directory argument of `validate` and `test` (`Rules` by default), and
    /// the language of their messages (`--lang zh`).
    private static func directory(_ arguments: [String], command: String) -> (String, Language)? {
        var rest = arguments
        var language = Language.en
        if let index = rest.firstIndex(where: { $0 == "--lang" || $0.hasPrefix("--lang=") }) {
            let value = rest[index].hasPrefix("--lang=") ? String(rest[index].dropFirst(7)) : (index + 1 < rest.count ? rest[index + 1] : "")
            guard let chosen = Language(rawValue: value) else {
                Output.error("rulebook: --lang must be en or zh, not '\(value)'")
                return nil
            }
            language = chosen
            rest.removeSubrange(index..<min(rest.count, rest[index].hasPrefix("--lang=") ? index + 1 : index + 2))
        }
        guard rest.count <= 1, !(rest.first ?? "").hasPrefix("-") else {
            Output.error("rulebook: '\(command)' takes one directory of rule files; try 'rulebook --help'")
            return nil
        }
        return (rest.first ?? PolicySource.defaultDirectory, language)
    }

    /// `rulebook validate [DIR]`: every problem in the rule files, each with its file,
    /// line and column, and in the policy tests.
    static func validate(_ arguments: [String]) -> ExitCode {
        let loaded: Loaded
        switch load(arguments, command: "validate") {
        case .success(let found): loaded = found
        case .failure(let exit): return exit.code
        }
        let (directory, language, policy, tests) = (loaded.directory, loaded.language, loaded.policy, loaded.tests)
        guard tests.problems.isEmpty else {
            Output.error(ChinesePhrasebook.render(
                "rulebook: \(directory): \(PolicySource.count(tests.problems.count, "error")) in the policy tests", in: language))
            return .badPolicy
        }
        print("\(directory): \(PolicySource.count(policy.rules.count, "rule")) and "
              + "\(PolicySource.count(tests.cases.count, "test")), no problems")
        return .success
    }

    /// `rulebook test [DIR]`: runs the policy tests under `DIR/tests` and shows, for
    /// each failing one, the verdicts missing and unexpected.
    static func test(_ arguments: [String]) -> ExitCode {
        let loaded: Loaded
        switch load(arguments, command: "test") {
        case .success(let found): loaded = found
        case .failure(let exit): return exit.code
        }
        let (directory, policy, tests) = (loaded.directory, loaded.policy, loaded.tests)
        var out = Output()
        var failed = 0
        let encoder: VerdictEncoder
        do { encoder = VerdictEncoder(calendar: try PolicyCalendar(timeZone: policy.timeZone)) } catch {
            Output.error("rulebook: unknown time zone '\(policy.timeZone)'")
            return .badPolicy
        }
        for test in tests.cases {
            let result: PolicyTestCase.Result
            do { result = try test.run(with: policy) } catch {
                Output.error("rulebook: \(error)")
                return .badPolicy
            }
            if result.passed {
                out.line("PASS " + test.name)
                continue
            }
            failed += 1
            out.line("FAIL " + test.name + (test.description.isEmpty ? "" : ": " + test.description))
            for problem in result.rejectedEvents { out.line("  " + problem.rendered(directory: directory)) }
            for expected in result.missing { out.line("  - missing:    " + expected.text) }
            for verdict in result.unexpected { out.line("  + unexpected: " + encoder.line(for: verdict)) }
        }
        let passed = tests.cases.count - failed
        out.line("\(passed) passed, \(failed) failed" + (tests.problems.isEmpty ? "" : ", \(tests.problems.count) test files unreadable"))
        out.flush()
        return failed == 0 && tests.problems.isEmpty ? .success : .testsFailed
    }
}
