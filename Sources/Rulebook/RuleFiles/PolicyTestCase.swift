import Foundation

/// A policy test: a small log and the verdicts some rules must give for it, the way
/// `opa test` checks a policy. Kept as a JSON file under a rule directory's `tests/`:
///
/// ```json
/// {
///   "description": "More than 30 minutes late counts as a day's absence",
///   "rules": ["attendance.absence", "attendance.late"],
///   "events": [
///     {"type": "shift.scheduled", "time": "2026-03-01T10:00:00+08:00", "employee": "E01", "shift": "S1",
///      "start": "2026-03-02T09:00:00+08:00", "end": "2026-03-02T18:00:00+08:00"},
///     {"type": "clock.in", "time": "2026-03-02T09:41:00+08:00", "employee": "E01"}
///   ],
///   "expect": [{"rule": "attendance.absence", "employee": "E01", "subject": "S1", "outcome": "absent"}]
/// }
/// ```
///
/// The verdicts of the rules in `rules` (by default, the rules `expect` names) must
/// be exactly those expected; other rules' verdicts are not looked at. An expected
/// verdict gives its rule and outcome, and any of `employee`, `subject`, `reason`,
/// `time` and `value` to check those too.
public struct PolicyTestCase: Sendable {
    /// One verdict a test expects; fields left `nil` are not checked.
    ///
    /// ```swift
    /// let test = try PolicyTestCase.decode(name: "late.json", bytes: bytes, policy: policy)
    /// test.expected.first?.rule   // "attendance.absence"
    /// ```
    public struct Expected: Sendable, Equatable, CustomStringConvertible {
        /// The rule that must give it.
        public var rule: String
        /// Its outcome.
        public var outcome: String
        /// The person it names, or `nil` to accept any.
        public var employee: String?
        /// Its subject, or `nil` to accept any.
        public var subject: String?
        /// Its reason, or `nil` to accept any.
        public var reason: String?
        /// When it becomes certain, or `nil` to accept any.
        public var time: Instant?
        /// Its value, or `nil` to accept any.
        public var value: Decimal?
        /// The expectation as written in the file.
        public var text: String

        /// Whether `verdict` is this one.
        ///
        /// ```swift
        /// let found = report.verdicts.contains(where: expected.matches)
        /// ```
        public func matches(_ verdict: Verdict) -> Bool {
            verdict.rule == rule && verdict.outcome == outcome
                && (employee == nil || verdict.employee == employee) && (subject == nil || verdict.subject == subject)
                && (reason == nil || verdict.reason == reason) && (time == nil || verdict.time == time)
                && (value == nil || verdict.value == value)
        }

        public var description: String { text }
    }

    /// What running a test gave.
    ///
    /// ```swift
    /// let result = try test.run(with: policy)
    /// if !result.passed { print(result.missing, result.unexpected.map(\.rule)) }
    /// ```
    public struct Result: Sendable {
        /// Expected verdicts that did not come.
        public var missing: [Expected]
        /// Verdicts of the rules under test that were not expected.
        public var unexpected: [Verdict]
        /// Events of the test that the policy rejected, at their place in the test file.
        public var rejectedEvents: [RuleFileDiagnostic]

        /// Whether the test passed.
        public var passed: Bool { missing.isEmpty && unexpected.isEmpty && rejectedEvents.isEmpty }
    }

    /// The file's name, e.g. `attendance-absence.json`.
    public var name: String
    /// What the test shows.
    public var description: String
    /// The rules whose verdicts are checked.
    public var rules: Set<String>
    /// The log, one JSON object per line.
    public var events: [String]
    /// Where each event is written in the test file.
    public var eventPositions: [SourcePosition]
    /// The verdicts expected.
    public var expected: [Expected]

    /// Evaluates the test's log with `policy` and compares the verdicts.
    ///
    /// ```swift
    /// let result = try test.run(with: policy)
    /// print(result.passed ? "PASS" : "FAIL", test.name)
    /// ```
    public func run(with policy: Policy) throws(PolicyError) -> Result {
        var rejected: [RuleFileDiagnostic] = []
        let report = try policy.evaluate(lines: events) { diagnostic in
            // An unknown event type is skipped by design, in tests as in logs.
            guard diagnostic.severity == .error else { return }
            let position = eventPositions.indices.contains(diagnostic.line - 1) ? eventPositions[diagnostic.line - 1] : .unknown
            rejected.append(RuleFileDiagnostic(file: "tests/" + name, position: position, message: "event rejected: " + diagnostic.message))
        }
        var unexpected = report.verdicts.filter { rules.contains($0.rule) }
        var missing: [Expected] = []
        for expectation in expected {
            if let index = unexpected.firstIndex(where: expectation.matches) {
                unexpected.remove(at: index)
            } else {
                missing.append(expectation)
            }
        }
        return Result(missing: missing, unexpected: unexpected, rejectedEvents: rejected)
    }

    /// Reads a test file, checking the rules it names against `policy`.
    ///
    /// - Throws: ``RuleFileErrors`` locating every problem in the file.
    ///
    /// ```swift
    /// let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: "Rules/tests/late.json")))
    /// let test = try PolicyTestCase.decode(name: "late.json", bytes: bytes, policy: policy)
    /// ```
    public static func decode(name: String, bytes: [UInt8], policy: Policy) throws(RuleFileErrors) -> PolicyTestCase {
        let file = "tests/" + name
        let root: JSONNode
        do { root = try JSONNodeParser.parse(bytes) } catch {
            throw RuleFileErrors([RuleFileDiagnostic(file: file, position: error.position, message: error.message)])
        }
        var problems: [RuleFileDiagnostic] = []
        func problem(_ node: JSONNode, _ message: String) {
            problems.append(RuleFileDiagnostic(file: file, position: node.position, message: message))
        }
        guard case .object(let members) = root.value else {
            throw RuleFileErrors([RuleFileDiagnostic(file: file, position: root.position, message: "expected an object, found \(root.summary)")])
        }
        let known: Set<String> = ["description", "rules", "events", "expect"]
        for member in members where !known.contains(member.key) {
            problems.append(RuleFileDiagnostic(
                file: file, position: member.keyPosition,
                message: "unknown key '\(member.key)'" + RuleFileContext.suggestion(for: member.key, among: known)
                    + " (expected 'description', 'rules', 'events', 'expect')"))
        }
        let ruleIDs = Set(policy.rules.map(\.id))
        func ruleID(_ node: JSONNode) -> String? {
            guard case .string(let id) = node.value else {
                problem(node, "expected a rule id, found \(node.summary)")
                return nil
            }
            guard ruleIDs.contains(id) else {
                problem(node, "unknown rule '\(id)'" + RuleFileContext.suggestion(for: id, among: ruleIDs)
                        + " (expected the id of a rule of the policy)")
                return nil
            }
            return id
        }
        var description = ""
        if let node = root["description"] {
            if case .string(let text) = node.value { description = text } else { problem(node, "expected a string, found \(node.summary)") }
        }
        var events: [String] = []
        var positions: [SourcePosition] = []
        if let node = root["events"], case .array(let elements) = node.value {
            for element in elements {
                guard case .object = element.value else {
                    problem(element, "expected an event object, found \(element.summary)")
                    continue
                }
                events.append(element.compactText)
                positions.append(element.position)
            }
        } else {
            problem(root["events"] ?? root, "expected 'events', an array of event objects as in a log")
        }
        var expected: [Expected] = []
        if let node = root["expect"], case .array(let elements) = node.value {
            for element in elements {
                if let expectation = Self.expected(element, ruleID: ruleID, problem: problem) { expected.append(expectation) }
            }
        } else {
            problem(root["expect"] ?? root, "expected 'expect', an array of expected verdicts (empty when none)")
        }
        var rules = Set(expected.map(\.rule))
        if let node = root["rules"] {
            if case .array(let elements) = node.value {
                rules = Set(elements.compactMap(ruleID))
            } else {
                problem(node, "expected an array of rule ids, found \(node.summary)")
            }
        } else if expected.isEmpty {
            problem(root, "expected 'rules' naming the rules checked, since 'expect' names none")
        }
        guard problems.isEmpty else { throw RuleFileErrors(problems) }
        return PolicyTestCase(name: name, description: description, rules: rules, events: events,
                              eventPositions: positions, expected: expected)
    }

    private static func expected(
        _ node: JSONNode, ruleID: (JSONNode) -> String?, problem: (JSONNode, String) -> Void
    ) -> Expected? {
        guard case .object(let members) = node.value else {
            problem(node, "expected a verdict object, found \(node.summary)")
            return nil
        }
        var fields: [String: String] = [:]
        var rule: String?
        var time: Instant?
        var value: Decimal?
        for member in members {
            switch (member.key, member.value.value) {
            case ("rule", _):
                rule = ruleID(member.value)
            case ("outcome", .string(let text)), ("employee", .string(let text)), ("subject", .string(let text)),
                 ("reason", .string(let text)):
                fields[member.key] = text
            case ("time", .string(let text)):
                do { time = try RFC3339.parse(text) } catch { problem(member.value, "expected a time like 2026-03-02T09:41:00+08:00, found \(member.value.summary)") }
            case ("value", .number(let text)):
                value = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX"))
            case ("outcome", _), ("employee", _), ("subject", _), ("reason", _), ("time", _):
                problem(member.value, "expected a string, found \(member.value.summary)")
            case ("value", _):
                problem(member.value, "expected a number, found \(member.value.summary)")
            default:
                problems(member, problem)
            }
        }
        guard let outcome = fields["outcome"] else {
            problem(node, "missing the key 'outcome' (an expected verdict names its rule and outcome)")
            return nil
        }
        guard let rule else {
            if node["rule"] == nil { problem(node, "missing the key 'rule' (an expected verdict names its rule and outcome)") }
            return nil
        }
        return Expected(rule: rule, outcome: outcome, employee: fields["employee"], subject: fields["subject"],
                        reason: fields["reason"], time: time, value: value, text: node.compactText)
    }

    private static func problems(_ member: JSONNode.Member, _ problem: (JSONNode, String) -> Void) {
        let known: Set<String> = ["rule", "outcome", "employee", "subject", "reason", "time", "value"]
        problem(JSONNode(.null, at: member.keyPosition), "unknown key '\(member.key)'" + RuleFileContext.suggestion(for: member.key, among: known)
                + " (expected " + known.sorted().map { "'\($0)'" }.joined(separator: ", ") + ")")
    }
}
