/// Cases that happen at a scheduled time, and the events each case expects.
///
/// A schedule opens one case per id (a shift, a ticket), owned by a person, with a
/// start and an end. Each ``Expectation`` looks for an event in a window around the
/// case: a punch near a shift, a reply after an inquiry. ``Excuse``s cover missing
/// events, ``waivers`` cancel a case, and ``exemptions`` take a person out of the
/// schedule. Rules over a schedule (``ScheduleRule``) turn what was found into
/// verdicts; rules over the same schedule share one index.
///
/// ```swift
/// let shifts = Schedule(
///     cases: CaseSource(EventSelector("shift.scheduled"), id: "shift", owner: "employee",
///                       start: .field("start"), end: .field("end")),
///     expectations: [Expectation("in-punch", EventSelector("clock.in"),
///                                from: .start(minus: .seconds(7200)), to: .end())],
///     closes: .end(plus: .seconds(14_400)))
/// ```
public struct Schedule: Codable, Equatable, Hashable, Sendable {
    /// Where cases come from.
    public var cases: CaseSource
    /// The events each case expects.
    public var expectations: [Expectation]
    /// Events that cover missing expected events.
    public var excuses: [Excuse]
    /// Events that cancel a case entirely (approved leave).
    public var waivers: [CaseReference]
    /// Events that exempt their person from the whole schedule, at any time.
    public var exemptions: [PersonReference]
    /// When a case can first be judged: after this point nothing it expects is still
    /// due. Later corrections revise the verdict.
    public var closes: CasePoint
    /// How cases change hands, if they can.
    public var exchanges: Exchange?
    /// Conditions on a case's opening event under which a waiver is refused (leave on
    /// a holiday shift); a waiver of a case that changed hands is refused too.
    public var unwaivableWhen: [FieldCondition]
    /// A field of the opening event that groups cases into a handover chain: a case
    /// hands over to those of the same group that start when it ends.
    public var handoverGroup: String?

    /// Creates a schedule.
    public init(
        cases: CaseSource,
        expectations: [Expectation],
        excuses: [Excuse] = [],
        waivers: [CaseReference] = [],
        exemptions: [PersonReference] = [],
        closes: CasePoint,
        exchanges: Exchange? = nil,
        unwaivableWhen: [FieldCondition] = [],
        handoverGroup: String? = nil
    ) {
        self.cases = cases
        self.expectations = expectations
        self.excuses = excuses
        self.waivers = waivers
        self.exemptions = exemptions
        self.closes = closes
        self.exchanges = exchanges
        self.unwaivableWhen = unwaivableWhen
        self.handoverGroup = handoverGroup
    }
}

/// The events that open cases, and which of their fields give the case's id, owner
/// and times. If an id is opened again, the latest event (by time, then line) wins,
/// or the earliest when ``keeps`` says so.
public struct CaseSource: Codable, Equatable, Hashable, Sendable {
    /// Which of several events opening the same id defines the case.
    public enum Keeps: String, Codable, Sendable {
        /// The latest (a rescheduled shift).
        case latest
        /// The earliest (the first inquiry of a ticket).
        case earliest
    }

    /// The events that open or reschedule a case.
    public var events: EventSelector
    /// The field holding the case id.
    public var id: String
    /// The field holding the person the case belongs to, if any.
    public var owner: String?
    /// The case's start.
    public var start: TimeSource
    /// The case's end.
    public var end: TimeSource
    /// Which event defines a case opened more than once.
    public var keeps: Keeps
    /// Whether ids are per owner: the case is (owner, id), such as an employee's
    /// course, rather than a globally unique shift.
    public var perOwner: Bool
    /// A join the opening event must meet for the case to be judged at all.
    public var join: Join?

    /// Creates a case source.
    public init(
        _ events: EventSelector, id: String, owner: String?, start: TimeSource, end: TimeSource, keeps: Keeps = .latest,
        perOwner: Bool = false, join: Join? = nil
    ) {
        self.events = events
        self.id = id
        self.owner = owner
        self.start = start
        self.end = end
        self.keeps = keeps
        self.perOwner = perOwner
        self.join = join
    }
}

/// Where an instant comes from: the event's own time or one of its time fields.
public enum TimeSource: Codable, Equatable, Hashable, Sendable {
    /// The event's `time`.
    case eventTime
    /// A field holding a time.
    case field(String)
}

/// A point relative to a case: its start or end, moved by calendar years and days
/// in the policy's zone, then by an elapsed duration.
public struct CasePoint: Codable, Equatable, Hashable, Sendable {
    /// The end of the case a point is anchored to.
    public enum Anchor: String, Codable, Sendable {
        /// The case's start.
        case start
        /// The case's end.
        case end
    }

    /// The case time it is relative to.
    public var anchor: Anchor
    /// How far after (positive) or before (negative) the anchor, elapsed.
    public var offset: Duration
    /// Calendar years after the anchor (29 February to 28 February).
    public var years: Int
    /// Calendar days after the anchor, to the same local time.
    public var days: Int

    /// Creates a point `years` and `days` on the calendar, then `offset`, after `anchor`.
    public init(_ anchor: Anchor, _ offset: Duration = .zero, years: Int = 0, days: Int = 0) {
        self.anchor = anchor
        self.offset = offset
        self.years = years
        self.days = days
    }

    /// The start plus calendar years and days.
    public static func start(years: Int = 0, days: Int = 0) -> CasePoint { CasePoint(.start, years: years, days: days) }

    /// The start plus `offset`.
    public static func start(plus offset: Duration = .zero) -> CasePoint { CasePoint(.start, offset) }
    /// The start minus `offset`.
    public static func start(minus offset: Duration) -> CasePoint { CasePoint(.start, .zero - offset) }
    /// The end plus `offset`.
    public static func end(plus offset: Duration = .zero) -> CasePoint { CasePoint(.end, offset) }
    /// The end minus `offset`.
    public static func end(minus offset: Duration) -> CasePoint { CasePoint(.end, .zero - offset) }
}

/// How an expected event is tied to its case.
public enum Correlation: Codable, Equatable, Hashable, Sendable {
    /// The event's `field` names the case's owner (a punch by the rostered person).
    case owner(field: String)
    /// The event's `field` names the case id (a reply naming the ticket).
    case caseID(field: String)
}

/// An event a case expects, looked for in a window around the case.
public struct Expectation: Codable, Equatable, Hashable, Sendable {
    /// Which of several matching events counts.
    public enum Pick: String, Codable, Sendable {
        /// The earliest (the first line among equal times).
        case earliest
        /// The latest (the first line among equal times).
        case latest
    }

    /// The name outcomes refer to, e.g. `in-punch`.
    public var name: String
    /// The events that can meet it.
    public var events: EventSelector
    /// How such an event is tied to the case.
    public var correlation: Correlation
    /// Which matching event counts.
    public var pick: Pick
    /// The window's first instant (inclusive); `nil` for no lower bound.
    public var from: CasePoint?
    /// The window's last instant (inclusive); `nil` for no upper bound.
    public var to: CasePoint?
    /// A field of the matched event naming a person: who a verdict names when the
    /// case itself has no owner (the agent who first responded).
    public var person: String?
    /// A join an event must meet to count (a session of an onboarding course).
    public var join: Join?

    /// Creates an expectation.
    public init(
        _ name: String, _ events: EventSelector, correlation: Correlation,
        pick: Pick = .earliest, from: CasePoint? = nil, to: CasePoint? = nil, person: String? = nil, join: Join? = nil
    ) {
        self.name = name
        self.events = events
        self.correlation = correlation
        self.pick = pick
        self.from = from
        self.to = to
        self.person = person
        self.join = join
    }
}

/// Events that refer to a case by its id, made by the case's owner.
public struct CaseReference: Codable, Equatable, Hashable, Sendable {
    /// The referring events.
    public var events: EventSelector
    /// The field naming the case id.
    public var caseField: String
    /// The field naming the person; when set, it must be the case's owner.
    public var ownerField: String?

    /// Creates a case reference.
    public init(_ events: EventSelector, caseField: String, ownerField: String? = nil) {
        self.events = events
        self.caseField = caseField
        self.ownerField = ownerField
    }
}

/// Events that name a person.
public struct PersonReference: Codable, Equatable, Hashable, Sendable {
    /// The events.
    public var events: EventSelector
    /// The field naming the person.
    public var field: String

    /// Creates a person reference.
    public init(_ events: EventSelector, field: String) {
        self.events = events
        self.field = field
    }
}

/// Events that cover missing expected events of a case.
public struct Excuse: Codable, Equatable, Hashable, Sendable {
    /// When an excusing event must happen to count.
    public enum Timing: String, Codable, Sendable {
        /// At any time.
        case any
        /// On the local date of the case's start; a later date is "too late", an
        /// earlier one excuses nothing.
        case sameLocalDate = "same-local-date"
    }

    /// The name outcomes refer to, e.g. `confirmation`.
    public var name: String
    /// The excusing events and how they name the case.
    public var reference: CaseReference
    /// The expectations whose absence it covers.
    public var covers: [String]
    /// When it must happen.
    public var timing: Timing
    /// How many cases of one person it may excuse per period; `nil` for no limit.
    public var quota: Quota?

    /// Creates an excuse.
    public init(_ name: String, _ reference: CaseReference, covers: [String], timing: Timing = .any, quota: Quota? = nil) {
        self.name = name
        self.reference = reference
        self.covers = covers
        self.timing = timing
        self.quota = quota
    }
}

/// At most `limit` excuses per person and calendar period, ranked by case start.
public struct Quota: Codable, Equatable, Hashable, Sendable {
    /// How many cases it may excuse.
    public var limit: Int
    /// The calendar period of the case's start that the limit applies to.
    public var per: CalendarUnit

    /// Creates a quota: `.atMost(3, per: .month)`.
    public static func atMost(_ limit: Int, per unit: CalendarUnit) -> Quota { Quota(limit: limit, per: unit) }
}
