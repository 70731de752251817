import Rulebook

/// The options of `rulebook check`, parsed from the command line.
struct CheckOptions: Equatable {
    enum Format: String { case jsonl, table }

    var log: String
    var format: Format = .jsonl
    var language: Language = .en
    var timeZone: String?
    var asOf: Instant?
    /// Only verdicts naming these people (all when empty).
    var employees: Set<String> = []
    /// Only verdicts from this day or time on, as written (resolved in the policy's zone).
    var since: String?
    /// Only verdicts up to this day (inclusive) or before this time, as written.
    var until: String?
    /// Parameter changes, `name=value`, in order.
    var settings: [String] = []
    /// Directories of rule files, in order: one for `check`, up to two for `diff`.
    var rules: [String] = []
    /// Whether to use the built-in pack even when `./Rules` exists.
    var builtin = false
    /// Threads evaluating independent parts of the policy.
    var jobs = 1

    struct UsageError: Error, Equatable, CustomStringConvertible {
        var description: String
    }

    /// Parses the arguments after `check`.
    init(arguments: [String]) throws(UsageError) {
        var log: String?
        var index = 0
        func value(of option: String) throws(UsageError) -> String {
            index += 1
            guard index < arguments.count else { throw UsageError(description: "\(option) needs a value") }
            return arguments[index]
        }
        while index < arguments.count {
            let argument = arguments[index]
            var name = argument
            var inline: String?
            if argument.hasPrefix("--"), let equals = argument.firstIndex(of: "=") {
                name = String(argument[..<equals])
                inline = String(argument[argument.index(after: equals)...])
            }
            func optionValue() throws(UsageError) -> String {
                if let inline { return inline }
                return try value(of: name)
            }
            switch name {
            case "--format":
                let text = try optionValue()
                guard let format = Format(rawValue: text) else {
                    throw UsageError(description: "--format must be jsonl or table, not '\(text)'")
                }
                self.format = format
            case "--lang":
                let text = try optionValue()
                guard let language = Language(rawValue: text) else {
                    throw UsageError(description: "--lang must be en or zh, not '\(text)'")
                }
                self.language = language
            case "--time-zone":
                timeZone = try optionValue()
            case "--employee":
                employees.formUnion(try optionValue().split(separator: ",").map(String.init))
            case "--since":
                since = try optionValue()
            case "--until":
                until = try optionValue()
            case "--set":
                settings.append(try optionValue())
            case "--rules":
                rules.append(try optionValue())
            case "--builtin":
                builtin = true
            case "--jobs":
                let text = try optionValue()
                guard let count = Int(text), (1...64).contains(count) else {
                    throw UsageError(description: "--jobs must be a number from 1 to 64, not '\(text)'")
                }
                jobs = count
            case "--as-of":
                let text = try optionValue()
                do { asOf = try RFC3339.parse(text) } catch {
                    throw UsageError(description: "--as-of: \(error), found '\(text)'")
                }
            default:
                if argument.hasPrefix("-"), argument != "-" {
                    throw UsageError(description: "unknown option '\(argument)'")
                }
                guard log == nil else { throw UsageError(description: "unexpected argument '\(argument)': give one log") }
                log = argument
            }
            index += 1
        }
        guard let log else { throw UsageError(description: "missing the log to check (a path, or - for standard input)") }
        self.log = log
        if builtin, !rules.isEmpty { throw UsageError(description: "--builtin and --rules exclude each other") }
        if !settings.isEmpty, !rules.isEmpty {
            throw UsageError(description: "--set changes the built-in pack; with --rules, edit the rule files instead")
        }
    }
}
