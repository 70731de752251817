/// Cases that change hands: two people agree, in several steps, to exchange two
/// cases (a shift swap). An effective exchange gives each party's case to the other,
/// and exchanges apply in the order of their deciding step.
///
/// An exchange is effective when every step is present, both cases exist, neither is
/// frozen, and the earliest deciding step comes strictly before the earlier of the
/// two cases starts.
///
/// ```swift
/// Exchange(id: "swap", steps: [...], proposal: "requested", decision: "approved",
///          first: .init(person: "employee", case: "shift"),
///          second: .init(person: "counterpart", case: "counterpartShift"),
///          frozenWhen: [.isTrue("holiday")])
/// ```
public struct Exchange: Codable, Equatable, Hashable, Sendable {
    /// One party: the fields of the proposal naming the person and the case they give.
    ///
    /// ```swift
    /// Exchange.Side(person: "counterpart", case: "counterpartShift")
    /// ```
    public struct Side: Codable, Equatable, Hashable, Sendable {
        /// The field naming the person.
        public var person: String
        /// The field naming the case they give away.
        public var `case`: String

        /// Creates a side.
        ///
        /// ```swift
        /// Exchange.Side(person: "employee", case: "shift")
        /// ```
        public init(person: String, case: String) {
            self.person = person
            self.case = `case`
        }
    }

    /// The field naming the exchange in every step.
    public var id: String
    /// The steps.
    public var steps: [StepsRule.Step]
    /// The step that names the parties and cases.
    public var proposal: String
    /// The step that decides it: exchanges apply in the order of its earliest time.
    public var decision: String
    /// The proposing party.
    public var first: Side
    /// The other party.
    public var second: Side
    /// Conditions on a case's opening event that forbid exchanging it (a holiday).
    public var frozenWhen: [FieldCondition]

    /// Creates an exchange.
    ///
    /// ```swift
    /// Exchange(id: "swap", steps: [.init("requested", EventSelector("swap.requested")), .init("approved", EventSelector("swap.approved"))],
    ///          proposal: "requested", decision: "approved",
    ///          first: .init(person: "employee", case: "shift"), second: .init(person: "counterpart", case: "counterpartShift"))
    /// ```
    public init(
        id: String, steps: [StepsRule.Step], proposal: String, decision: String, first: Side, second: Side,
        frozenWhen: [FieldCondition] = []
    ) {
        self.id = id
        self.steps = steps
        self.proposal = proposal
        self.decision = decision
        self.first = first
        self.second = second
        self.frozenWhen = frozenWhen
    }
}

/// A rule over the exchanges of a schedule: one verdict per exchange and party.
///
/// ```swift
/// ExchangeRule(shifts, .limit(3, per: .month), outcome: "exceeded", reason: "over-monthly-limit", message: message)
/// ```
public struct ExchangeRule: Codable, Equatable, Hashable, Sendable {
    /// What is judged of each exchange.
    ///
    /// ```swift
    /// ExchangeRule.Judgement.backToBack(minimumRest: .seconds(3600))
    /// ```
    public enum Judgement: Codable, Equatable, Hashable, Sendable {
        /// Not effective: a step missing, a case unknown, or decided too late (frozen
        /// cases excepted); names the proposer; certain when the earlier case starts.
        case notEffective
        /// A party's effective exchanges beyond `limit` per calendar period of the
        /// first case's start, in decision order; certain at the decision.
        case limit(Int, per: CalendarUnit)
        /// A party gives away a case next to one they gave away in an earlier
        /// effective exchange, with no case of theirs starting between the two.
        case consecutive
        /// A case a party receives lies less than `minimumRest` (later start minus
        /// earlier end; overlap counts) from another of their cases after the exchange.
        case backToBack(minimumRest: Duration)
        /// A party's given case is frozen, whatever the steps.
        case frozen
    }

    /// The schedule whose cases are exchanged; it must declare ``Schedule/exchanges``.
    public var schedule: Schedule
    /// What is judged.
    public var judgement: Judgement
    /// The verdict's outcome.
    public var outcome: String
    /// The verdict's reason.
    public var reason: String
    /// The message; `{subject}` is the exchange, `{value}` a count where there is one.
    public var message: Message
    /// Messages for particular reasons, where one rule has several (`missing-step`,
    /// `case-not-scheduled`, `decided-too-late`); `{missing}` lists missing steps.
    public var messagesByReason: [String: Message]

    /// Creates an exchange rule.
    ///
    /// ```swift
    /// ExchangeRule(shifts, .consecutive, outcome: "violation", reason: "consecutive-swap", message: message)
    /// ```
    public init(
        _ schedule: Schedule, _ judgement: Judgement, outcome: String, reason: String, message: Message,
        messagesByReason: [String: Message] = [:]
    ) {
        self.schedule = schedule
        self.judgement = judgement
        self.outcome = outcome
        self.reason = reason
        self.message = message
        self.messagesByReason = messagesByReason
    }
}

extension Exchange {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: RuleFileKey.self)
        container.expectOnly(["id", "steps", "proposal", "decision", "first", "second", "frozenWhen"], decoder)
        id = try container.decode(String.self, forKey: "id")
        steps = try container.decode([StepsRule.Step].self, forKey: "steps")
        proposal = try container.decode(String.self, forKey: "proposal")
        decision = try container.decode(String.self, forKey: "decision")
        first = try container.decode(Side.self, forKey: "first")
        second = try container.decode(Side.self, forKey: "second")
        frozenWhen = try container.decodeIfPresent([FieldCondition].self, forKey: "frozenWhen") ?? []
        guard let context = decoder.ruleFileContext else { return }
        let names = Set(steps.map(\.name))
        for key in ["proposal", "decision"] {
            let step = key == "proposal" ? proposal : decision
            if !names.contains(step) {
                context.report(at: decoder.codingPath + [RuleFileKey(stringValue: key)], "unknown step '\(step)'"
                    + RuleFileContext.suggestion(for: step, among: names) + " (expected one of "
                    + steps.map { "'\($0.name)'" }.joined(separator: ", ") + ")")
            }
        }
        guard let proposed = steps.first(where: { $0.name == proposal })?.events else { return }
        for step in steps { context.check(field: id, of: step.events, at: decoder.codingPath + [RuleFileKey("id")]) }
        for (key, side) in [("first", first), ("second", second)] {
            context.check(field: side.person, of: proposed, at: decoder.codingPath + [RuleFileKey(stringValue: key), RuleFileKey("person")])
            context.check(field: side.case, of: proposed, at: decoder.codingPath + [RuleFileKey(stringValue: key), RuleFileKey("case")])
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: RuleFileKey.self)
        try container.encode(id, forKey: "id")
        try container.encode(steps, forKey: "steps")
        try container.encode(proposal, forKey: "proposal")
        try container.encode(decision, forKey: "decision")
        try container.encode(first, forKey: "first")
        try container.encode(second, forKey: "second")
        try container.encode(frozenWhen, forKey: "frozenWhen", unless: [])
    }
}

extension Exchange.Side {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: RuleFileKey.self)
        container.expectOnly(["person", "case"], decoder)
        self.init(person: try container.decode(String.self, forKey: "person"), case: try container.decode(String.self, forKey: "case"))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: RuleFileKey.self)
        try container.encode(person, forKey: "person")
        try container.encode(self.case, forKey: "case")
    }
}

extension ExchangeRule {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: RuleFileKey.self)
        container.expectOnly(["schedule", "judgement", "outcome", "reason", "message", "messagesByReason"], decoder)
        schedule = try Schedule.decode(from: container, decoder)
        judgement = try container.decode(Judgement.self, forKey: "judgement")
        (outcome, reason, message) = try container.verdictWording()
        messagesByReason = try container.decodeIfPresent([String: Message].self, forKey: "messagesByReason") ?? [:]
        if schedule.exchanges == nil {
            throw DecodingError.dataCorruptedError(
                forKey: "schedule", in: container, debugDescription: "expected a schedule that declares 'exchanges'")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: RuleFileKey.self)
        try schedule.encode(into: &container, encoder)
        try container.encode(judgement, forKey: "judgement")
        try container.encode(outcome: outcome, reason: reason, message: message)
        if !messagesByReason.isEmpty {
            var nested = container.nestedContainer(keyedBy: RuleFileKey.self, forKey: "messagesByReason")
            for (reason, message) in messagesByReason.sorted(by: { $0.key < $1.key }) {
                try nested.encode(message, forKey: RuleFileKey(stringValue: reason))
            }
        }
    }
}

extension ExchangeRule.Judgement {
    /// `"not-effective"`, `"consecutive"`, `"frozen"`, `{"limit": 3, "per": "month"}` or
    /// `{"minimumRest": "12h"}`.
    public init(from decoder: any Decoder) throws {
        if let word = try? decoder.singleValueContainer().decode(String.self) {
            switch word {
            case "not-effective": self = .notEffective
            case "consecutive": self = .consecutive
            case "frozen": self = .frozen
            default:
                throw DecodingError.dataCorrupted(.init(
                    codingPath: decoder.codingPath,
                    debugDescription: "expected 'not-effective', 'consecutive', 'frozen', {\"limit\": ..., \"per\": ...} or {\"minimumRest\": ...}, found the string \(JSONString.quoted(word))"))
            }
            return
        }
        let container = try decoder.container(keyedBy: RuleFileKey.self)
        if container.contains("minimumRest") {
            container.expectOnly(["minimumRest"], decoder)
            self = .backToBack(minimumRest: try container.duration("minimumRest"))
        } else {
            container.expectOnly(["limit", "per"], decoder)
            self = .limit(try container.decode(Int.self, forKey: "limit"), per: try container.choice(CalendarUnit.self, "per"))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        switch self {
        case .notEffective, .consecutive, .frozen:
            var container = encoder.singleValueContainer()
            try container.encode(self == .notEffective ? "not-effective" : self == .consecutive ? "consecutive" : "frozen")
        case .limit(let limit, let per):
            var container = encoder.container(keyedBy: RuleFileKey.self)
            try container.encode(limit, forKey: "limit")
            try container.encode(per, forKey: "per")
        case .backToBack(let rest):
            var container = encoder.container(keyedBy: RuleFileKey.self)
            try container.encode(duration: rest, forKey: "minimumRest")
        }
    }
}
