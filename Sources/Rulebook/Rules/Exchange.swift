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
    public struct Side: Codable, Equatable, Hashable, Sendable {
        /// The field naming the person.
        public var person: String
        /// The field naming the case they give away.
        public var `case`: String

        /// Creates a side.
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
public struct ExchangeRule: Codable, Equatable, Hashable, Sendable {
    /// What is judged of each exchange.
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
