import ContactCenterRules
import Foundation
import Rulebook

/// Where `check`, `report` and `diff` take their policy from: rule files given with
/// `--rules`, else `./Rules` when it holds a policy, else the built-in pack (always
/// with `--builtin` or `--set`).
struct PolicySource {
    /// The directory loaded when no option says otherwise.
    static let defaultDirectory = "Rules"

    /// Why no policy could be had.
    enum Failure: Error {
        case usage(CheckOptions.UsageError)
        case ruleFiles(directory: String, RuleFileErrors)
    }

    /// The policy `check` and `report` evaluate with, and where it came from, for the summary.
    static func policy(_ options: CheckOptions) throws(Failure) -> (policy: Policy, source: String) {
        if let directory = options.rules.first { return (try load(directory, timeZone: options.timeZone), directory) }
        if !options.builtin, options.settings.isEmpty, hasPolicy(defaultDirectory) {
            return (try load(defaultDirectory, timeZone: options.timeZone), defaultDirectory)
        }
        return (try builtIn(options.settings, timeZone: options.timeZone), "")
    }

    /// The two policies `diff` compares: two directories; the built-in pack and one
    /// directory; or the built-in pack before and after `--set`.
    static func policies(forDiff options: CheckOptions) throws(Failure) -> (before: Policy, after: Policy) {
        switch options.rules.count {
        case 0: return (try builtIn([], timeZone: options.timeZone), try builtIn(options.settings, timeZone: options.timeZone))
        case 1: return (try builtIn([], timeZone: options.timeZone), try load(options.rules[0], timeZone: options.timeZone))
        case 2: return (try load(options.rules[0], timeZone: options.timeZone), try load(options.rules[1], timeZone: options.timeZone))
        default: throw .usage(CheckOptions.UsageError(description: "diff compares at most two --rules directories"))
        }
    }

    static func hasPolicy(_ directory: String) -> Bool {
        FileManager.default.fileExists(atPath: directory + "/" + RuleDirectory.policyFileName)
    }

    static func load(_ directory: String, timeZone: String?) throws(Failure) -> Policy {
        do {
            var policy = try RuleDirectory.load(from: URL(fileURLWithPath: directory))
            if let timeZone { policy.timeZone = timeZone }
            return policy
        } catch {
            throw .ruleFiles(directory: directory, error)
        }
    }

    private static func builtIn(_ settings: [String], timeZone: String?) throws(Failure) -> Policy {
        do { return try ParameterSettings(settings, timeZone: timeZone).policy } catch { throw .usage(error) }
    }

    /// Prints the failure and gives the exit code it means.
    static func report(_ failure: Failure, language: Language = .en) -> ExitCode {
        switch failure {
        case .usage(let error):
            Output.error("rulebook: \(error)", in: language)
            return .usage
        case .ruleFiles(let directory, let errors):
            for diagnostic in errors.diagnostics {
                Output.error(ChinesePhrasebook.render(diagnostic.rendered(directory: directory), in: language))
            }
            Output.error(ChinesePhrasebook.render(
                "rulebook: \(directory): \(count(errors.diagnostics.count, "error")) in the rule files", in: language))
            return .badPolicy
        }
    }

    static func count(_ number: Int, _ noun: String) -> String { "\(number) \(noun)" + (number == 1 ? "" : "s") }
}
