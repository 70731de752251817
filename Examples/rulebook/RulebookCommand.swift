import ContactCenterRules
import Foundation
import Rulebook

/// `rulebook`: evaluates event logs against the contact-center standard policy.
@main
enum RulebookCommand {
    static func main() {
        exit(run(Array(CommandLine.arguments.dropFirst())).rawValue)
    }

    static func run(_ arguments: [String]) -> ExitCode {
        guard let command = arguments.first, !["-h", "--help", "help"].contains(command) else {
            print(Help.text(for: arguments))
            return arguments.isEmpty ? .usage : .success
        }
        var rest = Array(arguments.dropFirst())
        let language = Help.language(in: arguments)
        let mode: Mode
        if ["export-rules", "validate", "test"].contains(command), rest.contains(where: { $0 == "-h" || $0 == "--help" }) {
            print(Help.text(for: rest))
            return .success
        }
        switch command {
        case "export-rules":
            return RuleFileCommands.export(Array(arguments.dropFirst()))
        case "validate":
            return RuleFileCommands.validate(Array(arguments.dropFirst()))
        case "test":
            return RuleFileCommands.test(Array(arguments.dropFirst()))
        case "check":
            mode = .check
        case "diff":
            mode = .diff
        case "report":
            guard rest.first == "weekly" else {
                Output.error("rulebook: 'report' needs a kind of report: weekly; try 'rulebook --help'", in: language)
                return .usage
            }
            rest.removeFirst()
            mode = .weekly
        default:
            Output.error("rulebook: unknown command '\(command)'; try 'rulebook --help'", in: language)
            return .usage
        }
        if rest.contains(where: { $0 == "-h" || $0 == "--help" }) {
            print(Help.text(for: rest))
            return .success
        }
        let options: CheckOptions
        do { options = try CheckOptions(arguments: rest) } catch {
            Output.error("rulebook: \(error)", in: language)
            Output.error(String(Help.text(for: arguments).split(separator: "\n").first ?? ""))
            return .usage
        }
        return check(options, mode: mode)
    }

    enum Mode { case check, weekly, diff }

    /// Reports why an evaluation failed: the log could not be read, or the policy is bad.
    private static func reportFailure(_ error: any Error, language: Language) -> ExitCode {
        Output.error("rulebook: \(error)", in: language)
        return error is EventLogReader.Failure ? .unreadableInput : .badPolicy
    }

    /// The verdicts the options ask to see, or `nil` after reporting why the options
    /// are wrong.
    private static func verdictFilter(_ options: CheckOptions, calendar: PolicyCalendar) -> VerdictFilter? {
        do { return try VerdictFilter(options, calendar: calendar) } catch {
            Output.error("rulebook: \(error)", in: options.language)
            return nil
        }
    }

    static func check(_ options: CheckOptions, mode: Mode) -> ExitCode {
        let policy: Policy
        var baselinePolicy: Policy?
        var rulesDirectory = ""
        do {
            if mode == .diff {
                (baselinePolicy, policy) = try PolicySource.policies(forDiff: options)
            } else {
                (policy, rulesDirectory) = try PolicySource.policy(options)
            }
        } catch {
            return PolicySource.report(error, language: options.language)
        }
        let file = options.log == "-" ? "<stdin>" : options.log
        // A diff reads the log twice; standard input can be read only once.
        var logPath = options.log
        if mode == .diff, options.log == "-" {
            let copy = FileManager.default.temporaryDirectory.appendingPathComponent("rulebook-stdin-\(getpid()).jsonl")
            guard FileManager.default.createFile(atPath: copy.path, contents: FileHandle.standardInput.readDataToEndOfFile())
            else {
                Output.error("rulebook: cannot keep standard input in \(copy.path) to read it twice", in: options.language)
                return .unreadableInput
            }
            logPath = copy.path
        }
        defer { if logPath != options.log { try? FileManager.default.removeItem(atPath: logPath) } }
        var printer = DiagnosticPrinter(file: file, language: options.language)
        let showsProgress = isatty(STDERR_FILENO) == 1 && options.jobs == 1
        let progress = showsProgress ? EvaluationProgress { lines in Output.progress("\(lines) lines read") } : nil
        // Verdicts as JSON Lines are written block by block as the evaluation hands
        // them over, so that a long log's verdicts are never all held at once.
        if mode == .check, options.format == .jsonl {
            let calendar: PolicyCalendar
            do { calendar = try PolicyCalendar(timeZone: policy.timeZone) } catch {
                return reportFailure(PolicyError.unknownTimeZone(policy.timeZone), language: options.language)
            }
            guard let filter = verdictFilter(options, calendar: calendar) else { return .usage }
            let encoder = VerdictEncoder(calendar: calendar, language: options.language)
            var counts = VerdictCounts()
            var progressCleared = false
            let report: EvaluationReport
            do {
                report = try policy.evaluate(logAt: logPath, jobs: options.jobs, asOf: options.asOf, progress: progress,
                                             diagnostics: { printer.report($0) }) { block in
                    if showsProgress, !progressCleared {
                        Output.progress("")
                        progressCleared = true
                    }
                    var shown = block
                    shown.removeAll { !filter.includes($0) }
                    counts.add(shown)
                    encoder.write(shown, jobs: options.jobs, bytesTo: { Output.write($0) })
                }
                if showsProgress, !progressCleared { Output.progress("") }
            } catch {
                return reportFailure(error, language: options.language)
            }
            for line in printer.summary() { Output.error(line) }
            let summary = Summary(report: report, counts: counts, language: options.language, rulesDirectory: rulesDirectory)
            for line in summary.lines() { Output.error(line) }
            return report.statistics.rejectedLines > 0 ? .rejectedLines : .success
        }

        var report: EvaluationReport
        do {
            if options.jobs > 1 {
                report = try policy.evaluate(logAt: logPath, jobs: options.jobs, asOf: options.asOf) { printer.report($0) }
            } else {
                report = try policy.evaluate(logAt: logPath, asOf: options.asOf, progress: progress) { printer.report($0) }
            }
            if showsProgress { Output.progress("") }
        } catch {
            return reportFailure(error, language: options.language)
        }

        for line in printer.summary() { Output.error(line) }
        guard let filter = verdictFilter(options, calendar: report.calendar) else { return .usage }
        // In place, keeping order: a long log's verdicts are not copied to be filtered.
        report.verdicts.removeAll { !filter.includes($0) }
        var out = Output()
        let summary = Summary(report: report, counts: VerdictCounts(report.verdicts), language: options.language,
                              rulesDirectory: rulesDirectory)
        if mode == .diff, let baselinePolicy {
            let baseline: EvaluationReport
            do {
                baseline = try baselinePolicy.evaluate(logAt: logPath, asOf: options.asOf)
            } catch {
                Output.error("rulebook: \(error)", in: options.language)
                return .unreadableInput
            }
            let diff = VerdictDiff(before: baseline.verdicts.filter(filter.includes), after: report.verdicts)
            for line in diff.lines(calendar: report.calendar, language: options.language) { out.line(line) }
            out.flush()
            return report.statistics.rejectedLines > 0 ? .rejectedLines : .success
        }
        if mode == .weekly {
            for line in WeeklyReport(report.verdicts, calendar: report.calendar).lines(language: options.language) { out.line(line) }
            out.flush()
            for line in summary.lines() { Output.error(line) }
            return report.statistics.rejectedLines > 0 ? .rejectedLines : .success
        }
        // A table: JSON Lines were written block by block above.
        let table = VerdictTable(verdicts: report.verdicts, calendar: report.calendar, language: options.language,
                                 colours: VerdictTable.coloursWanted)
        for line in table.lines() { out.line(line) }
        out.line("")
        for line in summary.lines() { out.line(line) }
        out.flush()
        return report.statistics.rejectedLines > 0 ? .rejectedLines : .success
    }
}
