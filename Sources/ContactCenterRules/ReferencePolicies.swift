import Rulebook

/// The benchmark's four reduced policies (P1-P4), written with Rulebook's
/// combinators: lateness and absence without swaps, the swap limit, training
/// attendance, and the first-response SLA with a longer limit for complex inquiries.
///
/// They are deliberately smaller than the handbook's rules, so that any engine can
/// express them and a hand-written C program can check every verdict count.
///
/// ```swift
/// let report = try ReferencePolicies.make().evaluate(logAt: "bench.jsonl")
/// // the verdict counts of the four reduced policies the C baseline computes
/// ```
public enum ReferencePolicies {
    /// The four rules over the standard event schema, in Shanghai time.
    ///
    /// ```swift
    /// ReferencePolicies.make().rules.map(\.id)   // ["P1", "P2", "P3", "P4"]
    /// ```
    public static func make() -> Policy {
        Policy(name: "reference policies P1-P4", schema: ContactCenterEvents.schema,
               rules: [lateness, swapLimit, trainingAttendance, firstResponse])
    }

    static let clause = Clause(source: "benchmark", text: "reference policies P1-P4")
    static let message = Message(en: "{subject}: {employee}", zh: "{subject}: {employee}")

    /// P1: an in-punch more than 30 minutes late, or none and no confirmation of the
    /// shift by anyone, is an absence; swaps are not applied.
    static let lateness = Rule(
        id: "P1", title: "Lateness and absence", clause: clause,
        .schedule(ScheduleRule(
            Schedule(
                cases: CaseSource(EventSelector("shift.scheduled"), id: "shift", owner: "employee",
                                  start: .field("start"), end: .field("end"), keeps: .earliest),
                expectations: [Expectation("in-punch", EventSelector("clock.in"), correlation: .owner(field: "employee"),
                                           from: .start(minus: .seconds(7200)), to: .end())],
                excuses: [Excuse("confirmation", CaseReference(EventSelector("punch.confirmed"), caseField: "shift"),
                                 covers: ["in-punch"])],
                closes: .end()),
            outcomes: [
                ScheduleOutcome("absent", reason: "late", when: .measure(Measure("in-punch", .after, .start()),
                                                                          above: .seconds(1800), atMost: nil),
                                at: .point(.start(plus: .seconds(1800))), message: message),
                ScheduleOutcome("absent", reason: "missing", when: .missing(.unexcused), at: .point(.end()), message: message),
            ])))

    /// P2: each person's swaps with all four steps, beyond the third in the month of
    /// the requested shift's start, in approval order.
    static let swapLimit = Rule(
        id: "P2", title: "Swap limit", clause: clause,
        .exchange(ExchangeRule(
            Schedule(cases: CaseSource(EventSelector("shift.scheduled"), id: "shift", owner: "employee",
                                       start: .field("start"), end: .field("end"), keeps: .earliest),
                     expectations: [], closes: .end(),
                     exchanges: Exchange(id: "swap", steps: AttendanceRules.swaps.steps, proposal: "requested",
                                         decision: "approved", first: AttendanceRules.swaps.first,
                                         second: AttendanceRules.swaps.second)),
            .limit(3, per: .month), outcome: "swap-limit-exceeded", reason: "over-limit", message: message)))

    /// P3: missed minutes of all a person's sessions of a course reaching a third of it.
    static let trainingAttendance = Rule(
        id: "P3", title: "Training attendance", clause: clause,
        .total(TotalRule(EventSelector("training.attended"), person: "employee", subject: "course",
                         quantity: .difference("scheduledMinutes", "attendedMinutes"), reaches: .atLeast,
                         bound: .fraction(1, 3, of: ReferencedValue(EventSelector("course.scheduled"), key: "course",
                                                                    value: "totalMinutes")),
                         outcome: "not-attended", reason: "missed-a-third", message: message)))

    /// P4: no first response, or one more than 5 minutes after the inquiry (30 for a
    /// complex one).
    static let firstResponse = Rule(
        id: "P4", title: "First response", clause: clause,
        .union([
            responseDeadline(EventSelector("inquiry.received", where: .equals("complexity", ["complex"])), .seconds(1800)),
            responseDeadline(EventSelector("inquiry.received", where: .notEquals("complexity", ["complex"])), .seconds(300)),
        ]))

    private static func responseDeadline(_ inquiries: EventSelector, _ limit: Duration) -> Rule.Kind {
        .schedule(ScheduleRule(
            Schedule(cases: CaseSource(inquiries, id: "ticket", owner: "employee", start: .eventTime, end: .eventTime,
                                       keeps: .earliest),
                     expectations: [Expectation("response", EventSelector("inquiry.responded"), correlation: .caseID(field: "ticket"))],
                     closes: .start(plus: limit)),
            outcomes: [
                ScheduleOutcome("sla-breached", reason: "late",
                                when: .measure(Measure("response", .after, .start()), above: limit, atMost: nil),
                                at: .point(.start(plus: limit)), message: message),
                ScheduleOutcome("sla-breached", reason: "none", when: .missing(.unexcused), at: .point(.start(plus: limit)),
                                message: message),
            ]))
    }
}
