/// A rule that judges each case of a ``Schedule``: for each person, the first listed
/// of its outcomes whose condition holds is their verdict, so list the most specific
/// cause first. A rule gives at most one verdict per case and person.
public struct ScheduleRule: Codable, Equatable, Hashable, Sendable {
    /// The cases and what they expect.
    public var schedule: Schedule
    /// The outcomes, each with its condition.
    public var outcomes: [ScheduleOutcome]

    /// Creates a schedule rule.
    public init(_ schedule: Schedule, outcomes: [ScheduleOutcome]) {
        self.schedule = schedule
        self.outcomes = outcomes
    }
}

/// One possible verdict of a ``ScheduleRule``.
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
public struct Measure: Codable, Equatable, Hashable, Sendable {
    /// Which way the distance is counted.
    public enum Direction: String, Codable, Sendable {
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
    public init(_ expectation: String, _ direction: Direction, _ from: CasePoint) {
        self.expectation = expectation
        self.direction = direction
        self.from = from
    }
}

/// The state of a case's missing expected events.
public enum MissingState: String, Codable, Sendable {
    /// Something is missing and nothing covers it.
    case unexcused
    /// Covered by an excuse within its quota.
    case excused
    /// Covered by an excuse, but beyond its quota.
    case beyondQuota = "beyond-quota"
}

/// What must hold of a case for an outcome to apply.
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
public enum VerdictTime: Codable, Equatable, Hashable, Sendable {
    /// At a point of the case (e.g. the start plus the threshold).
    case point(CasePoint)
    /// At the matched event of an expectation (e.g. the in-punch).
    case event(String)
    /// At the local midnight that ends the day of the case's start.
    case endOfStartDay
}
