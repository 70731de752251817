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
    ///
    /// ```swift
    /// Schedule(cases: CaseSource(EventSelector("ticket.opened"), id: "ticket", owner: "agent", start: .eventTime, end: .eventTime),
    ///          expectations: [Expectation("reply", EventSelector("ticket.replied"), correlation: .caseID(field: "ticket"))],
    ///          closes: .start(plus: .seconds(300)))
    /// ```
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
///
/// ```swift
/// CaseSource(EventSelector("inquiry.received"), id: "ticket", owner: "employee",
///            start: .eventTime, end: .eventTime, keeps: .earliest)
/// ```
public struct CaseSource: Codable, Equatable, Hashable, Sendable {
    /// Which of several events opening the same id defines the case.
    ///
    /// ```swift
    /// CaseSource(EventSelector("inquiry.received"), id: "ticket", owner: nil, start: .eventTime, end: .eventTime,
    ///            keeps: .earliest)   // the first inquiry of a ticket opens it
    /// ```
    public enum Keeps: String, Codable, Sendable, CaseIterable {
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
    ///
    /// ```swift
    /// CaseSource(EventSelector("training.completed"), id: "course", owner: "employee",
    ///            start: .eventTime, end: .eventTime, perOwner: true)
    /// ```
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
///
/// ```swift
/// CaseSource(EventSelector("shift.scheduled"), id: "shift", owner: "employee", start: .field("start"), end: .field("end"))
/// ```
public enum TimeSource: Codable, Equatable, Hashable, Sendable {
    /// The event's `time`.
    case eventTime
    /// A field holding a time.
    case field(String)
}

/// A point relative to a case: its start or end, moved by calendar years and days
/// in the policy's zone, then by an elapsed duration.
///
/// ```swift
/// CasePoint.start(minus: .seconds(7200))   // two hours before the shift
/// CasePoint.start(years: 4)               // four calendar years after
/// ```
public struct CasePoint: Codable, Equatable, Hashable, Sendable {
    /// The end of the case a point is anchored to.
    ///
    /// ```swift
    /// CasePoint(.end, .seconds(14_400))   // four hours after the case ends
    /// ```
    public enum Anchor: String, Codable, Sendable, CaseIterable {
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
    ///
    /// ```swift
    /// CasePoint(.start, years: 4)   // four calendar years after the start
    /// ```
    ///
    /// ```swift
    /// Expectation("response", EventSelector("inquiry.responded"), correlation: .caseID(field: "ticket"),
    ///             person: "employee")
    /// ```
    public init(_ anchor: Anchor, _ offset: Duration = .zero, years: Int = 0, days: Int = 0) {
        self.anchor = anchor
        self.offset = offset
        self.years = years
        self.days = days
    }

    /// The start plus calendar years and days.
    ///
    /// ```swift
    /// CasePoint.start(days: 7)   // a week later on the calendar
    /// ```
    public static func start(years: Int = 0, days: Int = 0) -> CasePoint { CasePoint(.start, years: years, days: days) }

    /// The start plus `offset`.
    ///
    /// ```swift
    /// CasePoint.start(plus: .seconds(300))   // five minutes after
    /// ```
    public static func start(plus offset: Duration = .zero) -> CasePoint { CasePoint(.start, offset) }
    /// The start minus `offset`.
    ///
    /// ```swift
    /// CasePoint.start(minus: .seconds(7200))   // two hours before
    /// ```
    public static func start(minus offset: Duration) -> CasePoint { CasePoint(.start, .zero - offset) }
    /// The end plus `offset`.
    ///
    /// ```swift
    /// CasePoint.end(plus: .seconds(4 * 3600))   // four hours after the end
    /// ```
    public static func end(plus offset: Duration = .zero) -> CasePoint { CasePoint(.end, offset) }
    /// The end minus `offset`.
    ///
    /// ```swift
    /// CasePoint.end(minus: .seconds(1800))   // half an hour before the end
    /// ```
    public static func end(minus offset: Duration) -> CasePoint { CasePoint(.end, .zero - offset) }
}

/// How an expected event is tied to its case.
///
/// ```swift
/// Expectation("response", EventSelector("inquiry.responded"), correlation: .caseID(field: "ticket"))
/// ```
public enum Correlation: Codable, Equatable, Hashable, Sendable {
    /// The event's `field` names the case's owner (a punch by the rostered person).
    case owner(field: String)
    /// The event's `field` names the case id (a reply naming the ticket).
    case caseID(field: String)
}

/// An event a case expects, looked for in a window around the case.
///
/// ```swift
/// Expectation("in-punch", EventSelector("clock.in"), correlation: .owner(field: "employee"),
///             from: .start(minus: .seconds(7200)), to: .end())
/// ```
public struct Expectation: Codable, Equatable, Hashable, Sendable {
    /// Which of several matching events counts.
    ///
    /// ```swift
    /// Expectation("out-punch", EventSelector("clock.out"), correlation: .owner(field: "employee"), pick: .latest)
    /// ```
    public enum Pick: String, Codable, Sendable, CaseIterable {
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
///
/// ```swift
/// CaseReference(EventSelector("leave.approved"), caseField: "shift", ownerField: "employee")
/// ```
public struct CaseReference: Codable, Equatable, Hashable, Sendable {
    /// The referring events.
    public var events: EventSelector
    /// The field naming the case id.
    public var caseField: String
    /// The field naming the person; when set, it must be the case's owner.
    public var ownerField: String?

    /// Creates a case reference.
    ///
    /// ```swift
    /// CaseReference(EventSelector("punch.confirmed"), caseField: "shift", ownerField: "employee")
    /// ```
    public init(_ events: EventSelector, caseField: String, ownerField: String? = nil) {
        self.events = events
        self.caseField = caseField
        self.ownerField = ownerField
    }
}

/// Events that name a person.
///
/// ```swift
/// PersonReference(EventSelector("exemption.granted"), field: "employee")
/// ```
public struct PersonReference: Codable, Equatable, Hashable, Sendable {
    /// The events.
    public var events: EventSelector
    /// The field naming the person.
    public var field: String

    /// Creates a person reference.
    ///
    /// ```swift
    /// PersonReference(EventSelector("employee.left"), field: "employee")
    /// ```
    public init(_ events: EventSelector, field: String) {
        self.events = events
        self.field = field
    }
}

/// Events that cover missing expected events of a case.
///
/// ```swift
/// Excuse("confirmation", CaseReference(EventSelector("punch.confirmed"), caseField: "shift", ownerField: "employee"),
///        covers: ["in-punch", "out-punch"], quota: .atMost(3, per: .month))
/// ```
public struct Excuse: Codable, Equatable, Hashable, Sendable {
    /// When an excusing event must happen to count.
    ///
    /// ```swift
    /// Excuse("field-work", reference, covers: ["in-punch"], timing: .sameLocalDate)
    /// ```
    public enum Timing: String, Codable, Sendable, CaseIterable {
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
    ///
    /// ```swift
    /// Excuse("field-work", CaseReference(EventSelector("fieldwork.approved"), caseField: "shift", ownerField: "employee"),
    ///        covers: ["in-punch"], timing: .sameLocalDate)
    /// ```
    public init(_ name: String, _ reference: CaseReference, covers: [String], timing: Timing = .any, quota: Quota? = nil) {
        self.name = name
        self.reference = reference
        self.covers = covers
        self.timing = timing
        self.quota = quota
    }
}

/// At most `limit` excuses per person and calendar period, ranked by case start.
///
/// ```swift
/// Quota.atMost(3, per: .month)
/// ```
public struct Quota: Codable, Equatable, Hashable, Sendable {
    /// How many cases it may excuse.
    public var limit: Int
    /// The calendar period of the case's start that the limit applies to.
    public var per: CalendarUnit

    /// Creates a quota: `.atMost(3, per: .month)`.
    ///
    /// ```swift
    /// Quota.atMost(3, per: .month)
    /// ```
    public static func atMost(_ limit: Int, per unit: CalendarUnit) -> Quota { Quota(limit: limit, per: unit) }
}

extension Schedule {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: RuleFileKey.self)
        container.expectOnly(["cases", "expectations", "excuses", "waivers", "exemptions", "closes", "exchanges",
                              "unwaivableWhen", "handoverGroup"], decoder)
        cases = try container.decode(CaseSource.self, forKey: "cases")
        expectations = try container.decode([Expectation].self, forKey: "expectations")
        excuses = try container.decodeIfPresent([Excuse].self, forKey: "excuses") ?? []
        waivers = try container.decodeIfPresent([CaseReference].self, forKey: "waivers") ?? []
        exemptions = try container.decodeIfPresent([PersonReference].self, forKey: "exemptions") ?? []
        closes = try container.decode(CasePoint.self, forKey: "closes")
        exchanges = try container.decodeIfPresent(Exchange.self, forKey: "exchanges")
        unwaivableWhen = try container.decodeIfPresent([FieldCondition].self, forKey: "unwaivableWhen") ?? []
        handoverGroup = try container.fieldIfPresent("handoverGroup", of: cases.events, decoder)
        let names = Set(expectations.map(\.name))
        for (index, excuse) in excuses.enumerated() {
            for name in excuse.covers where !names.contains(name) {
                decoder.ruleFileContext?.report(
                    at: decoder.codingPath + [RuleFileKey("excuses"), IndexCodingKey(index), RuleFileKey("covers")],
                    "unknown expectation '\(name)'" + RuleFileContext.suggestion(for: name, among: names)
                        + " (expected one of the schedule's expectations: " + names.sorted().map { "'\($0)'" }.joined(separator: ", ") + ")")
            }
        }
        for (index, condition) in unwaivableWhen.enumerated() {
            decoder.ruleFileContext?.check(
                field: condition.field, of: cases.events,
                at: decoder.codingPath + [RuleFileKey("unwaivableWhen"), IndexCodingKey(index), RuleFileKey("field")])
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: RuleFileKey.self)
        try container.encode(cases, forKey: "cases")
        try container.encode(expectations, forKey: "expectations")
        try container.encode(excuses, forKey: "excuses", unless: [])
        try container.encode(waivers, forKey: "waivers", unless: [])
        try container.encode(exemptions, forKey: "exemptions", unless: [])
        try container.encode(closes, forKey: "closes")
        try container.encodeIfPresent(exchanges, forKey: "exchanges")
        try container.encode(unwaivableWhen, forKey: "unwaivableWhen", unless: [])
        try container.encodeIfPresent(handoverGroup, forKey: "handoverGroup")
    }
}

extension CaseSource {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: RuleFileKey.self)
        container.expectOnly(["events", "id", "owner", "start", "end", "keeps", "perOwner", "join"], decoder)
        events = try container.decode(EventSelector.self, forKey: "events")
        id = try container.field("id", of: events, decoder)
        owner = try container.fieldIfPresent("owner", of: events, decoder)
        start = try container.decode(TimeSource.self, forKey: "start")
        end = try container.decode(TimeSource.self, forKey: "end")
        keeps = try container.contains("keeps") ? container.choice(Keeps.self, "keeps") : .latest
        perOwner = try container.decodeIfPresent(Bool.self, forKey: "perOwner") ?? false
        join = try container.decodeIfPresent(Join.self, forKey: "join")
        let context = decoder.ruleFileContext
        for (key, source) in [("start", start), ("end", end)] {
            if case .field(let name) = source { context?.check(field: name, of: events, at: decoder.codingPath + [RuleFileKey(stringValue: key)]) }
        }
        if let join { context?.check(field: join.field, of: events, at: decoder.codingPath + [RuleFileKey("join"), RuleFileKey("field")]) }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: RuleFileKey.self)
        try container.encode(events, forKey: "events")
        try container.encode(id, forKey: "id")
        try container.encodeIfPresent(owner, forKey: "owner")
        try container.encode(start, forKey: "start")
        try container.encode(end, forKey: "end")
        try container.encode(keeps, forKey: "keeps", unless: .latest)
        try container.encode(perOwner, forKey: "perOwner", unless: false)
        try container.encodeIfPresent(join, forKey: "join")
    }
}

extension TimeSource {
    /// `"time"` for the event's own time; otherwise the name of a time field.
    public init(from decoder: any Decoder) throws {
        let name = try decoder.singleValueContainer().decode(String.self)
        self = name == "time" ? .eventTime : .field(name)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .eventTime: try container.encode("time")
        case .field(let name): try container.encode(name)
        }
    }
}

extension CasePoint {
    /// `"start"` or `"end"` alone, or `{"anchor": "end", "offset": "4h", "years": 4, "days": 7}`
    /// with only what is not zero.
    public init(from decoder: any Decoder) throws {
        if let anchor = try? decoder.singleValueContainer().decode(String.self) {
            guard let known = Anchor(rawValue: anchor) else {
                throw DecodingError.dataCorrupted(.init(
                    codingPath: decoder.codingPath,
                    debugDescription: "expected 'start', 'end' or an object with 'anchor', found the string \(JSONString.quoted(anchor))"))
            }
            self.init(known)
            return
        }
        let container = try decoder.container(keyedBy: RuleFileKey.self)
        container.expectOnly(["anchor", "offset", "years", "days"], decoder)
        self.init(try container.choice(Anchor.self, "anchor"), try container.durationIfPresent("offset") ?? .zero,
                  years: try container.decodeIfPresent(Int.self, forKey: "years") ?? 0,
                  days: try container.decodeIfPresent(Int.self, forKey: "days") ?? 0)
    }

    public func encode(to encoder: any Encoder) throws {
        if offset == .zero, years == 0, days == 0 {
            var container = encoder.singleValueContainer()
            try container.encode(anchor.rawValue)
            return
        }
        var container = encoder.container(keyedBy: RuleFileKey.self)
        try container.encode(anchor.rawValue, forKey: "anchor")
        if offset != .zero { try container.encode(duration: offset, forKey: "offset") }
        try container.encode(years, forKey: "years", unless: 0)
        try container.encode(days, forKey: "days", unless: 0)
    }
}

extension Correlation {
    /// `{"owner": "employee"}` or `{"case": "ticket"}`: the field of the expected event.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: RuleFileKey.self)
        container.expectOnly(["owner", "case"], decoder)
        switch try container.oneKey(of: ["owner", "case"], what: "a correlation") {
        case "owner": self = .owner(field: try container.decode(String.self, forKey: "owner"))
        default: self = .caseID(field: try container.decode(String.self, forKey: "case"))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: RuleFileKey.self)
        switch self {
        case .owner(let field): try container.encode(field, forKey: "owner")
        case .caseID(let field): try container.encode(field, forKey: "case")
        }
    }

    var field: String {
        switch self {
        case .owner(let field), .caseID(let field): field
        }
    }
}

extension Expectation {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: RuleFileKey.self)
        container.expectOnly(["name", "events", "correlation", "pick", "from", "to", "person", "join"], decoder)
        name = try container.decode(String.self, forKey: "name")
        events = try container.decode(EventSelector.self, forKey: "events")
        correlation = try container.decode(Correlation.self, forKey: "correlation")
        pick = try container.contains("pick") ? container.choice(Pick.self, "pick") : .earliest
        from = try container.decodeIfPresent(CasePoint.self, forKey: "from")
        to = try container.decodeIfPresent(CasePoint.self, forKey: "to")
        person = try container.fieldIfPresent("person", of: events, decoder)
        join = try container.decodeIfPresent(Join.self, forKey: "join")
        let context = decoder.ruleFileContext
        context?.check(field: correlation.field, of: events,
                       at: decoder.codingPath + [RuleFileKey("correlation"), RuleFileKey(stringValue: correlation.key)])
        if let join { context?.check(field: join.field, of: events, at: decoder.codingPath + [RuleFileKey("join"), RuleFileKey("field")]) }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: RuleFileKey.self)
        try container.encode(name, forKey: "name")
        try container.encode(events, forKey: "events")
        try container.encode(correlation, forKey: "correlation")
        try container.encode(pick, forKey: "pick", unless: .earliest)
        try container.encodeIfPresent(from, forKey: "from")
        try container.encodeIfPresent(to, forKey: "to")
        try container.encodeIfPresent(person, forKey: "person")
        try container.encodeIfPresent(join, forKey: "join")
    }
}

extension Correlation {
    fileprivate var key: String {
        switch self {
        case .owner: "owner"
        case .caseID: "case"
        }
    }
}

extension CaseReference {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: RuleFileKey.self)
        container.expectOnly(["events", "caseField", "ownerField"], decoder)
        events = try container.decode(EventSelector.self, forKey: "events")
        caseField = try container.field("caseField", of: events, decoder)
        ownerField = try container.fieldIfPresent("ownerField", of: events, decoder)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: RuleFileKey.self)
        try container.encode(events, forKey: "events")
        try container.encode(caseField, forKey: "caseField")
        try container.encodeIfPresent(ownerField, forKey: "ownerField")
    }
}

extension PersonReference {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: RuleFileKey.self)
        container.expectOnly(["events", "field"], decoder)
        events = try container.decode(EventSelector.self, forKey: "events")
        field = try container.field("field", of: events, decoder)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: RuleFileKey.self)
        try container.encode(events, forKey: "events")
        try container.encode(field, forKey: "field")
    }
}

extension Excuse {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: RuleFileKey.self)
        container.expectOnly(["name", "reference", "covers", "timing", "quota"], decoder)
        name = try container.decode(String.self, forKey: "name")
        reference = try container.decode(CaseReference.self, forKey: "reference")
        covers = try container.decode([String].self, forKey: "covers")
        timing = try container.contains("timing") ? container.choice(Timing.self, "timing") : .any
        quota = try container.decodeIfPresent(Quota.self, forKey: "quota")
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: RuleFileKey.self)
        try container.encode(name, forKey: "name")
        try container.encode(reference, forKey: "reference")
        try container.encode(covers, forKey: "covers")
        try container.encode(timing, forKey: "timing", unless: .any)
        try container.encodeIfPresent(quota, forKey: "quota")
    }
}

extension Quota {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: RuleFileKey.self)
        container.expectOnly(["limit", "per"], decoder)
        limit = try container.decode(Int.self, forKey: "limit")
        per = try container.choice(CalendarUnit.self, "per")
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: RuleFileKey.self)
        try container.encode(limit, forKey: "limit")
        try container.encode(per, forKey: "per")
    }
}
