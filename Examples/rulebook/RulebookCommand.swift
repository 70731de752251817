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
            print(Help.text)
            return arguments.isEmpty ? .usage : .success
        }
        guard command == "check" else {
            Output.error("rulebook: unknown command '\(command)'; try 'rulebook --help'")
            return .usage
        }
        if arguments.dropFirst().contains(where: { $0 == "-h" || $0 == "--help" }) {
            print(Help.text)
            return .success
        }
        let options: CheckOptions
        do { options = try CheckOptions(arguments: Array(arguments.dropFirst())) } catch {
            Output.error("rulebook: \(error)\n\(Help.text.split(separator: "\n").first ?? "")")
            return .usage
        }
        return check(options)
    }

    static func check(_ options: CheckOptions) -> ExitCode {
        let policy = StandardPolicy.make(timeZone: options.timeZone ?? "Asia/Shanghai")
        let file = options.log == "-" ? "<stdin>" : options.log
        let report: EvaluationReport
        var printer = DiagnosticPrinter(file: file)
        do {
            report = try policy.evaluate(logAt: options.log, asOf: options.asOf) { printer.report($0) }
        } catch let error as EventLogReader.Failure {
            Output.error("rulebook: \(error)")
            return .unreadableInput
        } catch {
            Output.error("rulebook: \(error)")
            return .badPolicy
        }

        for line in printer.summary() { Output.error(line) }
        var out = Output()
        let summary = Summary(report: report, language: options.language)
        switch options.format {
        case .jsonl:
            let encoder = VerdictEncoder(calendar: report.calendar, language: options.language)
            for verdict in report.verdicts { out.line(encoder.line(for: verdict)) }
            out.flush()
            for line in summary.lines() { Output.error(line) }
        case .table:
            var table = TextTable()
            table.rows.append(options.language == .zh
                ? ["時間", "員工", "規則", "結果", "對象", "數值", "金額", "說明"]
                : ["time", "employee", "rule", "outcome", "subject", "value", "amount", "message"])
            for v in report.verdicts {
                table.rows.append([report.calendar.format(v.time), v.employee ?? "-", v.rule, v.outcome, v.subject,
                                   v.value?.plainText ?? "", v.amount?.plainText ?? "", v.message(in: options.language)])
            }
            for line in table.rendered() { out.line(line) }
            out.line("")
            for line in summary.lines() { out.line(line) }
            out.flush()
        }
        return report.statistics.rejectedLines > 0 ? .rejectedLines : .success
    }
}
