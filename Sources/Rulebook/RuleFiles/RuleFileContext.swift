/// What decoding a rule file knows beyond the value at hand: the schema that event
/// types and fields are checked against, the schedules rules refer to by name, and
/// the problems found so far.
///
/// Problems that do not stop a value from being built (an unknown field, a misspelt
/// key) are collected here rather than thrown, so one pass reports all of them.
final class RuleFileContext {
    /// One problem, at a coding path.
    struct Problem {
        var path: [RuleFilePath.Component]
        /// Whether it points at the key rather than its value.
        var onKey: Bool
        var message: String
    }

    let schema: EventSchema?
    /// Named schedules, for decoding rules that refer to one.
    var schedules: [String: Schedule] = [:]
    /// Names of schedules, for encoding rules that share one.
    var scheduleNames: [Schedule: String] = [:]
    private(set) var problems: [Problem] = []

    init(schema: EventSchema?) {
        self.schema = schema
    }

    // Creating a key from a constant cannot fail; the optional only satisfies the API.
    static let userInfoKey = CodingUserInfoKey(rawValue: "rulebook.rule-file-context")

    var userInfo: [CodingUserInfoKey: Any] {
        guard let key = Self.userInfoKey else { return [:] }
        return [key: self]
    }

    /// The most problems one context keeps: a hostile file could otherwise make
    /// millions, each located by a walk through the file.
    static let maximumProblems = 200

    /// Problems beyond ``maximumProblems``, counted only.
    private(set) var unrecorded = 0

    func report(at path: [any CodingKey], onKey: Bool = false, _ message: String) {
        guard problems.count < Self.maximumProblems else {
            unrecorded += 1
            return
        }
        problems.append(Problem(path: RuleFilePath.components(path), onKey: onKey, message: message))
    }

    /// Reports an event type the schema does not have.
    func check(type: String, at path: [any CodingKey]) {
        guard let schema, schema.types[type] == nil else { return }
        report(at: path, "unknown event type '\(type)'" + Self.suggestion(for: type, among: Set(schema.types.keys)))
    }

    /// Reports a field that none of the selected event types has.
    func check(field: String, of events: EventSelector, at path: [any CodingKey]) {
        guard let schema else { return }
        let known = events.types.compactMap { schema.types[$0] }
        guard !known.isEmpty else { return }  // the unknown type is reported already
        let fields = Set(known.flatMap { ($0.required + $0.optional).map(\.name) })
        guard !fields.contains(field) else { return }
        let types = known.map { "'\($0.name)'" }.joined(separator: ", ")
        report(at: path, "unknown field '\(field)' of event type \(types)" + Self.suggestion(for: field, among: fields)
            + " (its fields: " + fields.sorted().map { "'\($0)'" }.joined(separator: ", ") + ")")
    }

    /// ` (did you mean 'x'?)` for the closest of `candidates` within two edits, or nothing.
    static func suggestion(for word: String, among candidates: Set<String>) -> String {
        let scored = candidates.map { ($0, editDistance(word, $0)) }.filter { $0.1 <= 2 }
        guard let best = scored.min(by: { ($0.1, $0.0) < ($1.1, $1.0) }) else { return "" }
        return " (did you mean '\(best.0)'?)"
    }

    private static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a.unicodeScalars), b = Array(b.unicodeScalars)
        guard !a.isEmpty else { return b.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in stride(from: 1, through: b.count, by: 1) {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}

extension Decoder {
    /// The rule-file context, when a ``RuleFileDecoder`` is reading a rule file.
    var ruleFileContext: RuleFileContext? {
        RuleFileContext.userInfoKey.flatMap { userInfo[$0] as? RuleFileContext }
    }
}

extension Encoder {
    /// The rule-file context, when a ``RuleFileEncoder`` is writing a rule file.
    var ruleFileContext: RuleFileContext? {
        RuleFileContext.userInfoKey.flatMap { userInfo[$0] as? RuleFileContext }
    }
}

/// Paths into a rule file's JSON, and the places they lead to.
enum RuleFilePath {
    enum Component: Hashable {
        case key(String)
        case index(Int)
    }

    static func components(_ path: [any CodingKey]) -> [Component] {
        path.map { key in key.intValue.map(Component.index) ?? .key(key.stringValue) }
    }

    /// The position of the value at `path` in `root` (or of its key, with `onKey`);
    /// where the path leaves the file, the deepest position it reached.
    static func position(of path: [Component], in root: JSONNode, onKey: Bool = false) -> SourcePosition {
        var node = root
        var position = root.position
        for (index, component) in path.enumerated() {
            switch (component, node.value) {
            case (.key(let key), .object(let members)):
                guard let member = members.first(where: { $0.key == key }) else { return position }
                node = member.value
                position = onKey && index == path.count - 1 ? member.keyPosition : node.position
            case (.index(let index), .array(let elements)) where elements.indices.contains(index):
                node = elements[index]
                position = node.position
            default:
                return position
            }
        }
        return position
    }
}
