/// A rule that judges each case of a ``Schedule``: for each person, the first listed
/// of its outcomes whose condition holds is their verdict, so list the most specific
/// cause first. A rule gives at most one verdict per case and person.
///
/// ```swift
/// ScheduleRule(shifts, outcomes: [
///     ScheduleOutcome("absent", reason: "late-over-threshold",
///                     when: .measure(Measure("in-punch", .after, .start()), above: .seconds(1800), atMost: nil),
///                     at: .point(.start(plus: .seconds(1800))), message: message),
/// ])
/// ```
public struct ScheduleRule: Codable, Equatable, Hashable, Sendable {
    /// The cases and what they expect.
    public var schedule: Schedule
    /// The outcomes, each with its condition.
    public var outcomes: [ScheduleOutcome]

    /// Creates a schedule rule.
    ///
    /// ```swift
    /// ScheduleOutcome("late", reason: "late", when: .measure(Measure("in-punch", .after, .start()), above: .zero, atMost: .seconds(1800)),
    ///                 at: .event("in-punch"), message: message)
    /// ```
    ///
    /// ```swift
    /// ScheduleRule(shifts, outcomes: [absentIfLate, absentIfMissing])
    /// ```
    public init(_ schedule: Schedule, outcomes: [ScheduleOutcome]) {
        self.schedule = schedule
        self.outcomes = outcomes
    }
}

/// One possible verdict of a ``ScheduleRule``.
///
/// ```swift
/// ScheduleOutcome("breached", reason: "no-response", when: .missing(.unexcused),
///                 at: .point(.start(plus: .seconds(300))), message: message)
/// ```
public struct ScheduleOutcome: Codable, Equatable, Hashable, Sendable {
    /// The verdict's outcome, e.g. `absent`.
    public var outcome: String
    /// The verdict's reason code, e.g. `late-over-threshold`.
    public var reason: String
    /// When it applies.
    public var condition: ScheduleCondition
    /// When the verdict becomes certain.
    public var time: VerdictTime
    /// The message, declared with the outcome.
    public var message: Message
    /// The clause this outcome applies, when it is not the rule's own.
    public var clause: Clause?
    /// Money the verdict carries, read through the case's join.
    public var amount: Amount?

    /// Creates an outcome.
    public init(
        _ outcome: String, reason: String, when condition: ScheduleCondition, at time: VerdictTime,
        message: Message, clause: Clause? = nil, amount: Amount? = nil
    ) {
        self.outcome = outcome
        self.reason = reason
        self.condition = condition
        self.time = time
        self.message = message
        self.clause = clause
        self.amount = amount
    }
}

/// How far an expected event is from a point of its case.
///
/// ```swift
/// Measure("out-punch", .before, .end())   // how early the out-punch came
/// ```
public struct Measure: Codable, Equatable, Hashable, Sendable {
    /// Which way the distance is counted.
    ///
    /// ```swift
    /// Measure("in-punch", .after, .start())   // how late
    /// ```
    public enum Direction: String, Codable, Sendable, CaseIterable {
        /// Event time minus the point: how late.
        case after
        /// The point minus the event time: how early.
        case before
    }

    /// The expectation whose event is measured.
    public var expectation: String
    /// The case point it is measured from.
    public var from: CasePoint
    /// Which way.
    public var direction: Direction

    /// Creates a measure.
    ///
    /// ```swift
    /// Measure("in-punch", .after, .start())
    /// ```
    public init(_ expectation: String, _ direction: Direction, _ from: CasePoint) {
        self.expectation = expectation
        self.direction = direction
        self.from = from
    }
}

/// The state of a case's missing expected events.
///
/// ```swift
/// ScheduleCondition.missing(.beyondQuota)   // confirmed, but more than the monthly allowance
/// ```
public enum MissingState: String, Codable, Sendable, CaseIterable {
    /// Something is missing and nothing covers it.
    case unexcused
    /// Covered by an excuse within its quota.
    case excused
    /// Covered by an excuse, but beyond its quota.
    case beyondQuota = "beyond-quota"
}

/// What must hold of a case for an outcome to apply.
///
/// ```swift
/// ScheduleCondition.all([.missing(.unexcused), .found("leaving")])
/// ```
public indirect enum ScheduleCondition: Codable, Equatable, Hashable, Sendable {
    /// The measured distance is more than `above` (if set) and at most `atMost` (if
    /// set); the expected event must be present.
    case measure(Measure, above: Duration?, atMost: Duration?)
    /// Some expectation is missing, in the given state.
    case missing(MissingState)
    /// The named expectation's event was found (a leaving within four years).
    case found(String)
    /// A waiver was given but refused: the case changed hands (`changedHands`) or
    /// its opening event meets ``Schedule/unwaivableWhen`` (not).
    case waiverRefused(changedHands: Bool)
    /// The case changed hands and neither party of the exchange that moved it has an
    /// expected event in its windows, nor its holder an excuse: a verdict for each party.
    case uncovered
    /// The `expectation` event (the out-punch) came before the earliest `relief` event
    /// (in-punch) of the cases of the same handover group that start when this ends.
    case leftBeforeRelief(expectation: String, relief: String)
    /// The named excuse happened on a later local date than the case's start.
    case excuseTooLate(String)
    /// All of the conditions hold.
    case all([ScheduleCondition])
}

/// When a verdict becomes certain.
///
/// ```swift
/// VerdictTime.point(.end(plus: .seconds(4 * 3600)))   // when the out-punch window closes
/// ```
public enum VerdictTime: Codable, Equatable, Hashable, Sendable {
    /// At a point of the case (e.g. the start plus the threshold).
    case point(CasePoint)
    /// At the matched event of an expectation (e.g. the in-punch).
    case event(String)
    /// At the local midnight that ends the day of the case's start.
    case endOfStartDay
}

extension ScheduleRule {
    /// The schedule is written in full, or as the name of one the rule files define
    /// under `schedules`, so that rules over the same shifts share one definition.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: RuleFileKey.self)
        container.expectOnly(["schedule", "outcomes"], decoder)
        schedule = try Schedule.decode(from: container, decoder)
        outcomes = try container.decode([ScheduleOutcome].self, forKey: "outcomes")
        guard let context = decoder.ruleFileContext else { return }
        let expectations = Set(schedule.expectations.map(\.name)), excuses = Set(schedule.excuses.map(\.name))
        for (index, outcome) in outcomes.enumerated() {
            let path = decoder.codingPath + [RuleFileKey("outcomes"), IndexCodingKey(index)]
            func check(_ name: String, among known: Set<String>, _ what: String, at key: RuleFileKey) {
                guard !known.contains(name) else { return }
                context.report(at: path + [key], "unknown \(what) '\(name)'" + RuleFileContext.suggestion(for: name, among: known)
                    + " (expected one of the schedule's \(what)s: " + known.sorted().map { "'\($0)'" }.joined(separator: ", ") + ")")
            }
            for name in outcome.condition.expectationNames { check(name, among: expectations, "expectation", at: "when") }
            for name in outcome.condition.excuseNames { check(name, among: excuses, "excuse", at: "when") }
            if case .event(let name) = outcome.time { check(name, among: expectations, "expectation", at: "at") }
            if let name = outcome.amount?.proratedBy { check(name, among: expectations, "expectation", at: "amount") }
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: RuleFileKey.self)
        try schedule.encode(into: &container, encoder)
        try container.encode(outcomes, forKey: "outcomes")
    }
}

extension Schedule {
    /// The `schedule` of a rule: inline, or the name of a schedule of the rule files.
    static func decode(from container: KeyedDecodingContainer<RuleFileKey>, _ decoder: any Decoder) throws -> Schedule {
        guard let name = try? container.decode(String.self, forKey: "schedule") else {
            return try container.decode(Schedule.self, forKey: "schedule")
        }
        let known = decoder.ruleFileContext?.schedules ?? [:]
        guard let schedule = known[name] else {
            throw DecodingError.dataCorruptedError(
                forKey: "schedule", in: container,
                debugDescription: "unknown schedule '\(name)'" + RuleFileContext.suggestion(for: name, among: Set(known.keys))
                    + " (expected a schedule object or one of the names under 'schedules': "
                    + known.keys.sorted().map { "'\($0)'" }.joined(separator: ", ") + ")")
        }
        return schedule
    }

    /// Writes the schedule's name when the rule files define it under `schedules`.
    func encode(into container: inout KeyedEncodingContainer<RuleFileKey>, _ encoder: any Encoder) throws {
        if let name = encoder.ruleFileContext?.scheduleNames[self] {
            try container.encode(name, forKey: "schedule")
        } else {
            try container.encode(self, forKey: "schedule")
        }
    }
}

extension ScheduleOutcome {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: RuleFileKey.self)
        container.expectOnly(["outcome", "reason", "when", "at", "message", "clause", "amount"], decoder)
        outcome = try container.decode(String.self, forKey: "outcome")
        reason = try container.decode(String.self, forKey: "reason")
        condition = try container.decode(ScheduleCondition.self, forKey: "when")
        time = try container.decode(VerdictTime.self, forKey: "at")
        message = try container.decode(Message.self, forKey: "message")
        clause = try container.decodeIfPresent(Clause.self, forKey: "clause")
        amount = try container.decodeIfPresent(Amount.self, forKey: "amount")
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: RuleFileKey.self)
        try container.encode(outcome, forKey: "outcome")
        try container.encode(reason, forKey: "reason")
        try container.encode(condition, forKey: "when")
        try container.encode(time, forKey: "at")
        try container.encode(message, forKey: "message")
        try container.encodeIfPresent(clause, forKey: "clause")
        try container.encodeIfPresent(amount, forKey: "amount")
    }
}

extension ScheduleCondition {
    private static let kinds = ["measure", "missing", "found", "waiverRefused", "uncovered", "leftBeforeRelief",
                                "excuseTooLate", "all"]

    /// One key naming the condition: `{"measure": {"expectation": "in-punch",
    /// "direction": "after", "from": "start", "above": "30m"}}`, `{"missing": "unexcused"}`,
    /// `{"all": [...]}`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: RuleFileKey.self)
        container.expectOnly(Set(Self.kinds), decoder)
        switch try container.oneKey(of: Self.kinds, what: "a condition") {
        case "measure":
            let measure = try container.nestedContainer(keyedBy: RuleFileKey.self, forKey: "measure")
            measure.expectOnly(["expectation", "direction", "from", "above", "atMost"], decoder)
            self = .measure(
                Measure(try measure.decode(String.self, forKey: "expectation"), try measure.choice(Measure.Direction.self, "direction"),
                        try measure.decode(CasePoint.self, forKey: "from")),
                above: try measure.durationIfPresent("above"), atMost: try measure.durationIfPresent("atMost"))
        case "missing": self = .missing(try container.choice(MissingState.self, "missing"))
        case "found": self = .found(try container.decode(String.self, forKey: "found"))
        case "waiverRefused":
            let refused = try container.nestedContainer(keyedBy: RuleFileKey.self, forKey: "waiverRefused")
            refused.expectOnly(["changedHands"], decoder)
            self = .waiverRefused(changedHands: try refused.decode(Bool.self, forKey: "changedHands"))
        case "uncovered":
            guard try container.decode(Bool.self, forKey: "uncovered") else {
                throw DecodingError.dataCorruptedError(forKey: "uncovered", in: container, debugDescription: "expected true, found false")
            }
            self = .uncovered
        case "leftBeforeRelief":
            let relief = try container.nestedContainer(keyedBy: RuleFileKey.self, forKey: "leftBeforeRelief")
            relief.expectOnly(["expectation", "relief"], decoder)
            self = .leftBeforeRelief(expectation: try relief.decode(String.self, forKey: "expectation"),
                                     relief: try relief.decode(String.self, forKey: "relief"))
        case "excuseTooLate": self = .excuseTooLate(try container.decode(String.self, forKey: "excuseTooLate"))
        default: self = .all(try container.decode([ScheduleCondition].self, forKey: "all"))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: RuleFileKey.self)
        switch self {
        case .measure(let measure, let above, let atMost):
            var nested = container.nestedContainer(keyedBy: RuleFileKey.self, forKey: "measure")
            try nested.encode(measure.expectation, forKey: "expectation")
            try nested.encode(measure.direction, forKey: "direction")
            try nested.encode(measure.from, forKey: "from")
            if let above { try nested.encode(duration: above, forKey: "above") }
            if let atMost { try nested.encode(duration: atMost, forKey: "atMost") }
        case .missing(let state): try container.encode(state, forKey: "missing")
        case .found(let name): try container.encode(name, forKey: "found")
        case .waiverRefused(let changedHands):
            var nested = container.nestedContainer(keyedBy: RuleFileKey.self, forKey: "waiverRefused")
            try nested.encode(changedHands, forKey: "changedHands")
        case .uncovered: try container.encode(true, forKey: "uncovered")
        case .leftBeforeRelief(let expectation, let relief):
            var nested = container.nestedContainer(keyedBy: RuleFileKey.self, forKey: "leftBeforeRelief")
            try nested.encode(expectation, forKey: "expectation")
            try nested.encode(relief, forKey: "relief")
        case .excuseTooLate(let name): try container.encode(name, forKey: "excuseTooLate")
        case .all(let conditions): try container.encode(conditions, forKey: "all")
        }
    }
}

extension ScheduleCondition {
    /// The expectations the condition names.
    var expectationNames: [String] {
        switch self {
        case .measure(let measure, _, _): [measure.expectation]
        case .found(let name): [name]
        case .leftBeforeRelief(let expectation, let relief): [expectation, relief]
        case .all(let conditions): conditions.flatMap(\.expectationNames)
        case .missing, .waiverRefused, .uncovered, .excuseTooLate: []
        }
    }

    /// The excuses the condition names.
    var excuseNames: [String] {
        switch self {
        case .excuseTooLate(let name): [name]
        case .all(let conditions): conditions.flatMap(\.excuseNames)
        case .measure, .found, .leftBeforeRelief, .missing, .waiverRefused, .uncovered: []
        }
    }
}

extension VerdictTime {
    /// `"end-of-start-day"`, `{"point": "end"}` or `{"event": "in-punch"}`.
    public init(from decoder: any Decoder) throws {
        if let word = try? decoder.singleValueContainer().decode(String.self) {
            guard word == "end-of-start-day" else {
                throw DecodingError.dataCorrupted(.init(
                    codingPath: decoder.codingPath,
                    debugDescription: "expected 'end-of-start-day', {\"point\": ...} or {\"event\": ...}, found the string \(JSONString.quoted(word))"))
            }
            self = .endOfStartDay
            return
        }
        let container = try decoder.container(keyedBy: RuleFileKey.self)
        container.expectOnly(["point", "event"], decoder)
        switch try container.oneKey(of: ["point", "event"], what: "a verdict time") {
        case "point": self = .point(try container.decode(CasePoint.self, forKey: "point"))
        default: self = .event(try container.decode(String.self, forKey: "event"))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        switch self {
        case .endOfStartDay:
            var container = encoder.singleValueContainer()
            try container.encode("end-of-start-day")
        case .point(let point):
            var container = encoder.container(keyedBy: RuleFileKey.self)
            try container.encode(point, forKey: "point")
        case .event(let name):
            var container = encoder.container(keyedBy: RuleFileKey.self)
            try container.encode(name, forKey: "event")
        }
    }
}
