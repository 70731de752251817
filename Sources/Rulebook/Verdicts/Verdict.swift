import Foundation

/// What a rule concluded about one case, with everything needed to audit it.
///
/// A verdict names its rule and the clause it applies, the person and case, when it
/// became certain, a reason code and a readable message, and the line numbers of
/// the events it rests on.
///
/// ```swift
/// for verdict in report.verdicts where verdict.rule == "attendance.absence" {
///     print(verdict.employee ?? "-", verdict.subject, verdict.message(in: .zh), verdict.evidence)
/// }
/// ```
public struct Verdict: Hashable, Sendable {
    /// What the verdicts of one outcome of a rule say alike: held once and shared by
    /// reference, as a long log has hundreds of thousands of verdicts and each would
    /// otherwise carry its own copies of five strings.
    final class Statement: Sendable {
        let rule: String
        let outcome: String
        let reason: String
        let template: Message
        let source: String

        init(rule: String, outcome: String, reason: String, template: Message, source: String) {
            self.rule = rule
            self.outcome = outcome
            self.reason = reason
            self.template = template
            self.source = source
        }

        func with(
            rule: String? = nil, outcome: String? = nil, reason: String? = nil, template: Message? = nil, source: String? = nil
        ) -> Statement {
            Statement(rule: rule ?? self.rule, outcome: outcome ?? self.outcome, reason: reason ?? self.reason,
                      template: template ?? self.template, source: source ?? self.source)
        }
    }

    private(set) var statement: Statement

    /// The rule's id, e.g. `attendance.absence`.
    public var rule: String {
        get { statement.rule }
        set { statement = statement.with(rule: newValue) }
    }
    /// The outcome, e.g. `absent`.
    public var outcome: String {
        get { statement.outcome }
        set { statement = statement.with(outcome: newValue) }
    }
    /// The person it concerns, if any.
    public var employee: String?
    /// The case: a shift, ticket, swap or course id, or a period label.
    public var subject: String
    /// When it became certain.
    public var time: Instant
    /// A short reason code, e.g. `late-over-threshold`.
    public var reason: String {
        get { statement.reason }
        set { statement = statement.with(reason: newValue) }
    }
    /// The message template.
    public var template: Message {
        get { statement.template }
        set { statement = statement.with(template: newValue) }
    }
    /// The values the template's placeholders are filled with.
    public var arguments: [String: String]
    /// The 1-based line numbers of the events it rests on, ascending.
    public var evidence: [Int] {
        get { evidenceLines.lines }
        set { evidenceLines = EvidenceLines(newValue) }
    }
    private(set) var evidenceLines: EvidenceLines
    /// The clause it applies, as `source: text`.
    public var source: String {
        get { statement.source }
        set { statement = statement.with(source: newValue) }
    }
    /// The measured quantity: minutes late, a count, missed minutes.
    public var value: Decimal?
    /// Money: a fine, an award, a repayment.
    public var amount: Decimal?

    /// Creates a verdict; evidence is sorted and deduplicated.
    ///
    /// ```swift
    /// Verdict(rule: "desk.reply", outcome: "breached", employee: "A1", subject: "T1", time: deadline, reason: "no-reply",
    ///         template: Message(en: "{subject} never answered", zh: "{subject} 未回覆"), evidence: [3], source: clause.citation)
    /// ```
    public init(
        rule: String, outcome: String, employee: String?, subject: String, time: Instant,
        reason: String, template: Message, arguments: [String: String] = [:], evidence: [Int],
        source: String, value: Decimal? = nil, amount: Decimal? = nil
    ) {
        self.init(statement: Statement(rule: rule, outcome: outcome, reason: reason, template: template, source: source),
                  employee: employee, subject: subject, time: time, arguments: arguments, evidence: evidence,
                  value: value, amount: amount)
    }

    /// Creates a verdict saying `statement`, which other verdicts share.
    init(
        statement: Statement, employee: String?, subject: String, time: Instant, arguments: [String: String] = [:],
        evidence: [Int], value: Decimal? = nil, amount: Decimal? = nil
    ) {
        var lines = evidence
        lines.sortAndRemoveDuplicates()
        self.init(statement: statement, employee: employee, subject: subject, time: time, arguments: arguments,
                  evidenceLines: EvidenceLines(lines), value: value, amount: amount)
    }

    /// Creates a verdict saying `statement` from evidence already kept as it is stored.
    init(
        statement: Statement, employee: String?, subject: String, time: Instant, arguments: [String: String],
        evidenceLines: EvidenceLines, value: Decimal?, amount: Decimal?
    ) {
        self.statement = statement
        self.employee = employee
        self.subject = subject
        self.time = time
        self.arguments = arguments
        self.evidenceLines = evidenceLines
        self.value = value
        self.amount = amount
    }

    /// Whether two verdicts say the same in every field.
    public static func == (lhs: Verdict, rhs: Verdict) -> Bool {
        (lhs.statement === rhs.statement
            || (lhs.rule == rhs.rule && lhs.outcome == rhs.outcome && lhs.reason == rhs.reason
                && lhs.template == rhs.template && lhs.source == rhs.source))
            && lhs.employee == rhs.employee && lhs.subject == rhs.subject && lhs.time == rhs.time
            && lhs.arguments == rhs.arguments && lhs.evidenceLines == rhs.evidenceLines && lhs.value == rhs.value
            && lhs.amount == rhs.amount
    }

    /// Hashes every field, as `==` compares them.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(rule)
        hasher.combine(outcome)
        hasher.combine(employee)
        hasher.combine(subject)
        hasher.combine(time)
        hasher.combine(reason)
        hasher.combine(template)
        hasher.combine(arguments)
        hasher.combine(evidenceLines)
        hasher.combine(source)
        hasher.combine(value)
        hasher.combine(amount)
    }

    /// The message in `language`, placeholders filled in.
    ///
    /// ```swift
    /// verdict.message(in: .zh)   // "E02 於班次 S-E02-0302 遲到 30 分鐘。"
    /// ```
    public func message(in language: Language = .en) -> String {
        template.rendered(in: language) { name in
            switch filling(of: name) {
            case .text(let text): text
            case .value: value?.plainText
            case .amount: amount?.plainText
            case nil: nil
            }
        }
    }

    /// The message in `language` as the inside of a JSON string, appended to `bytes`;
    /// `valueText` and `amountText` are the UTF-8 of ``value`` and ``amount`` as plain
    /// text, which the caller writes too.
    func appendMessage(
        _ pieces: [EscapedPiece], valueText: [UInt8]?, amountText: [UInt8]?, escapedTo bytes: inout [UInt8]
    ) {
        for piece in pieces {
            guard let name = piece.placeholder else {
                bytes.append(contentsOf: piece.escaped)
                continue
            }
            // A number needs no escaping; a placeholder without a filling stays as written.
            switch filling(of: name) {
            case .text(let text): JSONString.appendEscaped(text[...], to: &bytes)
            case .value: bytes.append(contentsOf: valueText ?? piece.escaped)
            case .amount: bytes.append(contentsOf: amountText ?? piece.escaped)
            case nil: bytes.append(contentsOf: piece.escaped)
            }
        }
    }

    /// A piece of a message template with its text escaped for JSON, ready to write.
    struct EscapedPiece {
        var escaped: [UInt8]
        var placeholder: String?
    }

    /// The pieces of this verdict's message template in `language`, escaped.
    func escapedPieces(in language: Language) -> [EscapedPiece] {
        template.pieces(in: language).map { piece in
            var escaped: [UInt8] = []
            JSONString.appendEscaped(piece.text, to: &escaped)
            return EscapedPiece(escaped: escaped, placeholder: piece.placeholder)
        }
    }

    /// The identity of what this verdict says alike with others: verdicts of one
    /// statement share a message template.
    var statementIdentity: ObjectIdentifier { ObjectIdentifier(statement) }

    /// What fills a message's placeholder: text, or one of the numbers, which the
    /// caller writes as it writes them elsewhere.
    private enum Filling {
        case text(String)
        case value
        case amount
    }

    /// What fills placeholder `name`: an argument of that name first, else the
    /// employee or the subject, else the value or the amount; `nil` for none.
    private func filling(of name: String) -> Filling? {
        if let text = argument(name) { return .text(text) }
        switch name {
        case "value": return .value
        case "amount": return .amount
        default: return nil
        }
    }

    /// The text of a placeholder other than the numbers: an argument of that name, else
    /// the employee or the subject.
    private func argument(_ name: String) -> String? {
        // Messages name few arguments: comparing a handful of short keys is quicker
        // than hashing one.
        if arguments.count <= 4 {
            for (key, argument) in arguments where key == name { return argument }
        } else if let argument = arguments[name] {
            return argument
        }
        switch name {
        case "employee": return employee ?? ""
        case "subject": return subject
        default: return nil
        }
    }

    /// Output order: by time, then rule, subject, employee, outcome and reason, and
    /// then evidence, value and amount, so that the same input always gives the same
    /// sequence, however the verdicts were gathered.
    ///
    /// ```swift
    /// let ordered = verdicts.sorted(by: Verdict.outputOrder)
    /// ```
    public static func outputOrder(_ lhs: Verdict, _ rhs: Verdict) -> Bool {
        if lhs.time != rhs.time { return lhs.time < rhs.time }
        if lhs.rule != rhs.rule { return lhs.rule < rhs.rule }
        if lhs.subject != rhs.subject { return lhs.subject < rhs.subject }
        if lhs.employee != rhs.employee { return (lhs.employee ?? "") < (rhs.employee ?? "") }
        if lhs.outcome != rhs.outcome { return lhs.outcome < rhs.outcome }
        if lhs.reason != rhs.reason { return lhs.reason < rhs.reason }
        if lhs.evidenceLines != rhs.evidenceLines { return lhs.evidence.lexicographicallyPrecedes(rhs.evidence) }
        if lhs.value != rhs.value { return (lhs.value ?? .leastFiniteMagnitude) < (rhs.value ?? .leastFiniteMagnitude) }
        return (lhs.amount ?? .leastFiniteMagnitude) < (rhs.amount ?? .leastFiniteMagnitude)
    }
}

extension Array where Element == Verdict {
    /// The verdicts in ``Verdict/outputOrder(_:_:)``.
    ///
    /// ```swift
    /// let ordered = (attendance + sla).inOutputOrder()
    /// ```
    public func inOutputOrder() -> [Verdict] {
        var ordered = self
        ordered.sortInOutputOrder()
        return ordered
    }

    /// Sorts the verdicts into ``Verdict/outputOrder(_:_:)`` in place. Positions are
    /// sorted rather than the verdicts themselves, which are large to move, and each
    /// verdict is then moved once, so that a large report is never held twice.
    ///
    /// ```swift
    /// var verdicts = attendance + sla
    /// verdicts.sortInOutputOrder()
    /// ```
    public mutating func sortInOutputOrder() {
        var order = withUnsafeBufferPointer { verdicts in
            // Most pairs differ in time: compare that in place before copying verdicts.
            indices.sorted { first, second in
                let a = verdicts[first].time, b = verdicts[second].time
                return a != b ? a < b : Verdict.outputOrder(verdicts[first], verdicts[second])
            }
        }
        withUnsafeMutableBufferPointer { verdicts in
            guard let base = verdicts.baseAddress else { return }
            // Position `i` takes the verdict at `order[i]`: follow each cycle of the
            // permutation, marking a position done by pointing it at itself.
            for start in order.indices where order[start] != start {
                let held = (base + start).move()
                var position = start
                while true {
                    let source = order[position]
                    order[position] = position
                    if source == start {
                        (base + position).initialize(to: held)
                        break
                    }
                    (base + position).moveInitialize(from: base + source, count: 1)
                    position = source
                }
            }
        }
    }
}
