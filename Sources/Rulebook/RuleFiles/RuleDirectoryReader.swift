/// Reads a directory's rule files in two passes, collecting every problem: first the
/// manifest and the shared schedules, then each rule on its own, then what holds
/// across rules (ids, references, cycles).
struct RuleDirectoryReader {
    let files: [String: [UInt8]]
    private var diagnostics: [RuleFileDiagnostic] = [] {
        didSet {
            // Past the cap, problems are counted, not kept or located.
            if diagnostics.count > Self.maximumDiagnostics {
                unreported += diagnostics.count - Self.maximumDiagnostics
                diagnostics.removeLast(diagnostics.count - Self.maximumDiagnostics)
            }
        }
    }
    /// The most problems one load reports; the rest are counted.
    static let maximumDiagnostics = 1000
    private var unreported = 0
    private var fileOrder: [String] = [RuleDirectory.policyFileName]

    init(files: [String: [UInt8]]) {
        self.files = files
    }

    /// A rule and where it was written.
    private struct Located {
        var rule: Rule
        var file: String
        var root: JSONNode
        var index: Int

        func position(_ path: [RuleFilePath.Component]) -> SourcePosition {
            RuleFilePath.position(of: [.key("rules"), .index(index)] + path, in: root)
        }
    }

    mutating func read() throws(RuleFileErrors) -> Policy {
        let manifestFile = RuleDirectory.policyFileName
        guard let root = parse(manifestFile) else { throw finished() }
        let context = RuleFileContext(schema: nil)
        var decoder = RuleFileDecoder()
        decoder.userInfo = context.userInfo
        checkKeys(root, ["format", "name", "timeZone", "files", "events"], file: manifestFile)
        let manifest: PolicyManifest
        do {
            manifest = try decoder.decode(PolicyManifest.self, from: root)
        } catch {
            diagnostics.append(RuleFileDiagnostic(error, file: manifestFile, root: root))
            throw finished()
        }
        report(context, file: manifestFile, root: root)
        checkFormat(manifest.format, file: manifestFile, root: root)
        do { _ = try PolicyCalendar(timeZone: manifest.timeZone) } catch {
            diagnostics.append(RuleFileDiagnostic(
                file: manifestFile, position: RuleFilePath.position(of: [.key("timeZone")], in: root),
                message: "unknown time zone '\(manifest.timeZone)' (expected an IANA name like Asia/Shanghai or Europe/Berlin)"))
        }

        var ruleFiles: [(name: String, root: JSONNode)] = []
        for (index, name) in manifest.files.enumerated() {
            guard files[name] != nil else {
                diagnostics.append(RuleFileDiagnostic(
                    file: manifestFile, position: RuleFilePath.position(of: [.key("files"), .index(index)], in: root),
                    message: "the rule file '\(name)' listed here cannot be read (expected a file of that name next to \(manifestFile))"))
                continue
            }
            fileOrder.append(name)
            guard let fileRoot = parse(name) else { continue }
            checkKeys(fileRoot, ["format", "schedules", "rules"], file: name)
            if let format = fileRoot["format"] {
                if case .number(let text) = format.value, let version = Int(text) {
                    checkFormat(version, file: name, root: fileRoot)
                } else {
                    diagnostics.append(RuleFileDiagnostic(file: name, position: format.position,
                                                          message: "expected the format version 1, found \(format.summary)"))
                }
            } else {
                diagnostics.append(RuleFileDiagnostic(file: name, position: fileRoot.position, message: "missing the key 'format' (expected \"format\": 1)"))
            }
            ruleFiles.append((name, fileRoot))
        }

        let schedules = readSchedules(ruleFiles, schema: manifest.events)
        var located: [Located] = []
        for (name, fileRoot) in ruleFiles {
            guard let rules = fileRoot["rules"] else {
                diagnostics.append(RuleFileDiagnostic(file: name, position: fileRoot.position, message: "missing the key 'rules' (expected an array of rules)"))
                continue
            }
            guard case .array(let elements) = rules.value else {
                diagnostics.append(RuleFileDiagnostic(file: name, position: rules.position, message: "expected an array of rules, found \(rules.summary)"))
                continue
            }
            for (index, element) in elements.enumerated() {
                let context = RuleFileContext(schema: manifest.events)
                context.schedules = schedules
                var decoder = RuleFileDecoder()
                decoder.userInfo = context.userInfo
                do {
                    let rule = try decoder.decode(Rule.self, from: element, codingPath: [RuleFileKey("rules"), IndexCodingKey(index)])
                    located.append(Located(rule: rule, file: name, root: fileRoot, index: index))
                } catch {
                    diagnostics.append(RuleFileDiagnostic(error, file: name, root: fileRoot))
                }
                report(context, file: name, root: fileRoot)
            }
        }
        checkAcrossRules(located, complete: diagnostics.isEmpty)
        guard diagnostics.isEmpty else { throw finished() }
        return Policy(name: manifest.name, schema: manifest.events, rules: located.map(\.rule), timeZone: manifest.timeZone)
    }

    // MARK: Files

    private mutating func parse(_ name: String) -> JSONNode? {
        do {
            let root = try JSONNodeParser.parse(files[name] ?? [])
            guard case .object = root.value else {
                diagnostics.append(RuleFileDiagnostic(file: name, position: root.position, message: "expected an object, found \(root.summary)"))
                return nil
            }
            return root
        } catch {
            diagnostics.append(RuleFileDiagnostic(file: name, position: error.position, message: error.message))
            return nil
        }
    }

    private mutating func checkKeys(_ root: JSONNode, _ known: Set<String>, file: String) {
        guard case .object(let members) = root.value else { return }
        for member in members where !known.contains(member.key) {
            diagnostics.append(RuleFileDiagnostic(
                file: file, position: member.keyPosition,
                message: "unknown key '\(member.key)'" + RuleFileContext.suggestion(for: member.key, among: known)
                    + " (expected " + known.sorted().map { "'\($0)'" }.joined(separator: ", ") + ")"))
        }
    }

    private mutating func checkFormat(_ version: Int, file: String, root: JSONNode) {
        guard version != RuleDirectory.formatVersion else { return }
        diagnostics.append(RuleFileDiagnostic(
            file: file, position: RuleFilePath.position(of: [.key("format")], in: root),
            message: "expected the format version \(RuleDirectory.formatVersion), found \(version)"))
    }

    private mutating func report(_ context: RuleFileContext, file: String, root: JSONNode) {
        unreported += context.unrecorded
        for problem in context.problems {
            diagnostics.append(RuleFileDiagnostic(
                file: file, position: RuleFilePath.position(of: problem.path, in: root, onKey: problem.onKey), message: problem.message))
        }
    }

    /// The named schedules of every file, which any rule of any file may refer to.
    private mutating func readSchedules(_ ruleFiles: [(name: String, root: JSONNode)], schema: EventSchema) -> [String: Schedule] {
        var schedules: [String: Schedule] = [:]
        var definedIn: [String: String] = [:]
        for (name, root) in ruleFiles {
            guard let node = root["schedules"] else { continue }
            guard case .object(let members) = node.value else {
                diagnostics.append(RuleFileDiagnostic(file: name, position: node.position,
                                                      message: "expected an object of named schedules, found \(node.summary)"))
                continue
            }
            for member in members {
                if let other = definedIn[member.key] {
                    diagnostics.append(RuleFileDiagnostic(file: name, position: member.keyPosition,
                                                          message: "the schedule '\(member.key)' is already defined in \(other)"))
                    continue
                }
                let context = RuleFileContext(schema: schema)
                var decoder = RuleFileDecoder()
                decoder.userInfo = context.userInfo
                do {
                    schedules[member.key] = try decoder.decode(
                        Schedule.self, from: member.value, codingPath: [RuleFileKey("schedules"), RuleFileKey(stringValue: member.key)])
                    definedIn[member.key] = name
                } catch {
                    diagnostics.append(RuleFileDiagnostic(error, file: name, root: root))
                }
                report(context, file: name, root: root)
            }
        }
        return schedules
    }

    // MARK: Across rules

    /// - Parameter complete: whether every rule was read; if not, a reference to a
    ///   rule that does not exist may be one that could not be read, and is not blamed.
    private mutating func checkAcrossRules(_ located: [Located], complete: Bool) {
        let dependencies = RuleDependencies(located.map(\.rule))
        for (earlier, later) in dependencies.duplicates.map({ (located[$0.earlier], located[$0.later]) }) {
            diagnostics.append(RuleFileDiagnostic(
                file: later.file, position: later.position([.key("id")]),
                message: "the rule id '\(later.rule.id)' is already used at \(earlier.file):\(earlier.position([.key("id")])) "
                    + "(two versions of one rule need 'effective' periods that do not overlap)"))
        }
        for (index, position, input) in dependencies.unknownInputs where complete {
            let entry = located[index]
            let path: [RuleFilePath.Component] = switch entry.rule.kind {
            case .ladder: [.key("ladder"), .key("counts"), .index(position)]
            default: [.key("count"), .key("counts"), .key("verdicts"), .index(position)]
            }
            diagnostics.append(RuleFileDiagnostic(
                file: entry.file, position: entry.position(path),
                message: "unknown rule '\(input)'" + RuleFileContext.suggestion(for: input, among: Set(dependencies.indicesByID.keys))
                    + " (expected the id of a rule of this policy whose verdicts are read)"))
        }
        for entry in located {
            if case .union(let parts) = entry.rule.kind {
                for (index, part) in parts.enumerated() where !part.readsEvents {
                    diagnostics.append(RuleFileDiagnostic(
                        file: entry.file, position: entry.position([.key("union"), .index(index)]),
                        message: "expected a part that reads events (schedule, total or steps), found a rule over verdicts"))
                }
            }
        }
        for cycle in dependencies.cycles {
            guard let first = cycle.first.map({ located[$0] }) else { continue }
            diagnostics.append(RuleFileDiagnostic(
                file: first.file, position: first.position([.key("id")]),
                message: "rules read each other's verdicts in a cycle: " + cycle.map { located[$0].rule.id }.joined(separator: " -> ")))
        }
    }

    private func finished() -> RuleFileErrors {
        let rank = Dictionary(fileOrder.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        var sorted = diagnostics.sorted {
            (rank[$0.file] ?? Int.max, $0.position) < (rank[$1.file] ?? Int.max, $1.position)
        }
        if unreported > 0 {
            sorted.append(RuleFileDiagnostic(
                file: sorted.last?.file ?? RuleDirectory.policyFileName, position: .unknown,
                message: "\(unreported) more problems not shown; fix those above and load again"))
        }
        return RuleFileErrors(sorted)
    }
}

extension Rule.Kind {
    /// Whether the kind reads events rather than other rules' verdicts.
    var readsEvents: Bool {
        switch self {
        case .count, .ladder: false
        case .schedule, .total, .steps, .scores, .periodic, .exchange: true
        case .union(let parts): parts.allSatisfy(\.readsEvents)
        }
    }
}
