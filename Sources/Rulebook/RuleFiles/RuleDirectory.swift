import Foundation

/// A policy kept as a directory of rule files that a person can read and edit:
/// `policy.json` names the policy, its time zone, its event types and its rule
/// files; each rule file holds one family of rules and the schedules they share.
///
/// ```swift
/// let policy = try RuleDirectory.load(from: URL(fileURLWithPath: "Rules"))
/// try RuleDirectory.write(policy, to: URL(fileURLWithPath: "MyRules"))
/// ```
///
/// Loading reports every problem it finds, each with its file, line and column,
/// rather than stopping at the first.
public enum RuleDirectory {
    /// The version of the format this library reads and writes.
    public static let formatVersion = 1
    /// The file that names the policy and lists its rule files.
    public static let policyFileName = "policy.json"

    // MARK: Writing

    /// The policy as rule files: `policy.json` first, then one file per family in
    /// the order the families' first rules appear.
    ///
    /// - Parameters:
    ///   - policy: the policy to write.
    ///   - family: the family of a rule, which names its file; by default the part of
    ///     its id before the first dot (`attendance.absence` → `attendance.json`).
    ///     The rules of a family keep their order; when families interleave in the
    ///     policy, reading the files back gives each family's rules together.
    ///
    /// ```swift
    /// for (name, contents) in try RuleDirectory.files(for: policy) { print(name, contents.count) }
    /// ```
    public static func files(
        for policy: Policy, family: (Rule) -> String = { String($0.id.prefix { $0 != "." }) }
    ) throws -> [(name: String, contents: String)] {
        var families: [(name: String, rules: [Rule])] = []
        for rule in policy.rules {
            let name = family(rule)
            if let index = families.firstIndex(where: { $0.name == name }) {
                families[index].rules.append(rule)
            } else {
                families.append((name, [rule]))
            }
        }
        let context = RuleFileContext(schema: nil)
        context.scheduleNames = sharedScheduleNames(policy.rules)
        var encoder = RuleFileEncoder()
        encoder.userInfo = context.userInfo
        var defined = Set<Schedule>()
        var files: [(name: String, contents: String)] = []
        let manifest = PolicyManifest(
            format: formatVersion, name: policy.name, timeZone: policy.timeZone,
            files: families.map { $0.name + ".json" }, events: policy.schema)
        files.append((policyFileName, try encoder.encode(manifest).prettyText()))
        for (name, rules) in families {
            var schedules: [(String, Schedule)] = []
            for rule in rules {
                for schedule in rule.kind.schedules where !defined.contains(schedule) {
                    guard let shared = context.scheduleNames[schedule] else { continue }
                    defined.insert(schedule)
                    schedules.append((shared, schedule))
                }
            }
            let file = RuleFile(format: formatVersion, schedules: schedules, rules: rules)
            files.append((name + ".json", try encoder.encode(file).prettyText()))
        }
        return files
    }

    /// Writes the policy's rule files into `directory`, creating it if needed.
    ///
    /// ```swift
    /// try RuleDirectory.write(StandardPolicy.make(), to: URL(fileURLWithPath: "MyRules"), family: StandardPolicy.family)
    /// ```
    public static func write(
        _ policy: Policy, to directory: URL, family: (Rule) -> String = { String($0.id.prefix { $0 != "." }) }
    ) throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        for (name, contents) in try files(for: policy, family: family) {
            try Data(contents.utf8).write(to: directory.appendingPathComponent(name))
        }
    }

    /// Names for the schedules more than one rule uses: the field that identifies a
    /// case (`shift`, `ticket`), numbered when several schedules share it.
    private static func sharedScheduleNames(_ rules: [Rule]) -> [Schedule: String] {
        var uses: [Schedule: Int] = [:]
        var order: [Schedule] = []
        for schedule in rules.flatMap(\.kind.schedules) {
            if uses[schedule] == nil { order.append(schedule) }
            uses[schedule, default: 0] += 1
        }
        var names: [Schedule: String] = [:]
        var taken = Set<String>()
        for schedule in order where uses[schedule, default: 0] > 1 {
            var name = schedule.cases.id + "s"
            var number = 2
            while taken.contains(name) {
                name = schedule.cases.id + "s-" + String(number)
                number += 1
            }
            taken.insert(name)
            names[schedule] = name
        }
        return names
    }

    // MARK: Reading

    /// Loads and checks the policy in `directory`.
    ///
    /// - Throws: ``RuleFileErrors`` with every problem found: unreadable files,
    ///   JSON syntax, unknown keys, kinds, event types or fields, bad values, an
    ///   unknown time zone, duplicate rule ids, rules over verdicts of rules that do
    ///   not exist, and cycles among them.
    ///
    /// ```swift
    /// let policy = try RuleDirectory.load(from: URL(fileURLWithPath: "Rules"))
    /// ```
    public static func load(from directory: URL) throws(RuleFileErrors) -> Policy {
        var contents: [String: [UInt8]] = [:]
        func read(_ name: String) {
            let url = directory.appendingPathComponent(name)
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue,
                  let data = FileManager.default.contents(atPath: url.path) else { return }
            contents[name] = Array(data)
        }
        read(policyFileName)
        guard contents[policyFileName] != nil else {
            throw RuleFileErrors([RuleFileDiagnostic(
                file: policyFileName, position: .unknown,
                message: "no readable \(policyFileName) in \(directory.path) (expected a directory of rule files)")])
        }
        if let node = try? JSONNodeParser.parse(contents[policyFileName] ?? []), case .array(let names)? = node["files"]?.value {
            for case .string(let name) in names.map(\.value) where !name.contains("/") { read(name) }
        }
        return try decode(files: contents)
    }

    /// Checks and decodes a policy from rule files held in memory, by file name:
    /// what ``load(from:)`` does once the files are read.
    ///
    /// ```swift
    /// let policy = try RuleDirectory.decode(files: ["policy.json": manifest, "attendance.json": attendance])
    /// ```
    public static func decode(files: [String: [UInt8]]) throws(RuleFileErrors) -> Policy {
        var reader = RuleDirectoryReader(files: files)
        return try reader.read()
    }
}

/// `policy.json`: what the policy is called, its zone, its files and its event types.
struct PolicyManifest: Codable {
    var format: Int
    var name: String
    var timeZone: String
    var files: [String]
    var events: EventSchema
}

/// One rule file: the schedules its rules share, and the rules.
struct RuleFile: Encodable {
    var format: Int
    var schedules: [(String, Schedule)]
    var rules: [Rule]

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: RuleFileKey.self)
        try container.encode(format, forKey: "format")
        if !schedules.isEmpty {
            var nested = container.nestedContainer(keyedBy: RuleFileKey.self, forKey: "schedules")
            for (name, schedule) in schedules { try nested.encode(schedule, forKey: RuleFileKey(stringValue: name)) }
        }
        try container.encode(rules, forKey: "rules")
    }
}

extension Rule.Kind {
    /// The schedules the kind judges, its parts' included.
    var schedules: [Schedule] {
        switch self {
        case .schedule(let rule): [rule.schedule]
        case .exchange(let rule): [rule.schedule]
        case .union(let parts): parts.flatMap(\.schedules)
        case .count, .ladder, .total, .steps, .scores, .periodic: []
        }
    }
}

extension RuleDirectory {
    /// The name of the folder of policy tests in a rule directory.
    public static let testsFolderName = "tests"

    /// The policy tests in `directory/tests`, in name order, and the problems of those
    /// that cannot be read.
    ///
    /// ```swift
    /// let (cases, problems) = RuleDirectory.tests(in: URL(fileURLWithPath: "Rules"), policy: policy)
    /// ```
    public static func tests(in directory: URL, policy: Policy) -> (cases: [PolicyTestCase], problems: [RuleFileDiagnostic]) {
        let folder = directory.appendingPathComponent(testsFolderName)
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".json") }.sorted()
        var cases: [PolicyTestCase] = []
        var problems: [RuleFileDiagnostic] = []
        for name in names {
            guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(name).path) else {
                problems.append(RuleFileDiagnostic(file: testsFolderName + "/" + name, position: .unknown, message: "cannot be read"))
                continue
            }
            do { cases.append(try PolicyTestCase.decode(name: name, bytes: Array(data), policy: policy)) } catch {
                problems.append(contentsOf: error.diagnostics)
            }
        }
        return (cases, problems)
    }
}
