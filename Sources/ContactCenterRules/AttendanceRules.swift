import Rulebook

/// The attendance rules of `toolbox-attendance`, built from Rulebook's schedule
/// combinator: a shift is a case owned by its employee, expecting an in-punch and
/// an out-punch in windows around it.
///
/// ```swift
/// var attendance = AttendanceParameters()
/// attendance.absenceThreshold = .seconds(20 * 60)
/// let rules = AttendanceRules.rules(attendance) + [AttendanceRules.handover(attendance)]
/// ```
public enum AttendanceRules {
    /// The rule ids.
    ///
    /// ```swift
    /// verdict.rule == AttendanceRules.ID.absence   // "attendance.absence"
    /// ```
    public enum ID {
        /// Late by more than the grace, at most the threshold.
        public static let late = "attendance.late"
        /// Left early by more than the grace, at most the threshold.
        public static let earlyLeave = "attendance.early-leave"
        /// A day of absence, whatever the cause; at most one per shift.
        public static let absence = "attendance.absence"
        /// A missing punch confirmed by a supervisor, within the monthly allowance.
        public static let missedPunch = "attendance.missed-punch"
    }

    /// The shifts and what each expects.
    ///
    /// ```swift
    /// let shifts = AttendanceRules.shifts(AttendanceParameters())
    /// shifts.expectations.map(\.name)   // ["in-punch", "out-punch"]
    /// ```
    public static func shifts(_ parameters: AttendanceParameters) -> Schedule {
        let outWindowCloses = CasePoint.end(plus: parameters.outPunchClosesAfterEnd)
        return Schedule(
            cases: CaseSource(EventSelector("shift.scheduled"), id: "shift", owner: "employee",
                              start: .field("start"), end: .field("end")),
            expectations: [
                Expectation("in-punch", EventSelector("clock.in"), correlation: .owner(field: "employee"),
                            pick: .earliest, from: .start(minus: parameters.inPunchOpensBeforeStart), to: .end()),
                Expectation("out-punch", EventSelector("clock.out"), correlation: .owner(field: "employee"),
                            pick: .latest, from: .start(), to: outWindowCloses),
            ],
            excuses: [
                Excuse("field-work",
                       CaseReference(EventSelector("fieldwork.approved"), caseField: "shift", ownerField: "employee"),
                       covers: ["in-punch"], timing: .sameLocalDate),
                Excuse("confirmation",
                       CaseReference(EventSelector("punch.confirmed"), caseField: "shift", ownerField: "employee"),
                       covers: ["in-punch", "out-punch"],
                       quota: .atMost(parameters.excusedMissedPunchesPerMonth, per: .month)),
            ],
            waivers: [CaseReference(EventSelector("leave.approved"), caseField: "shift", ownerField: "employee")],
            exemptions: [
                PersonReference(EventSelector("exemption.granted"), field: "employee"),
                PersonReference(EventSelector("employee.hired", where: .equals("role", ["executive"])), field: "employee"),
            ],
            closes: outWindowCloses,
            exchanges: swaps,
            unwaivableWhen: [.isTrue("holiday")],
            handoverGroup: "team")
    }

    /// Shift swaps: four steps naming the swap; the approval decides, and must come
    /// strictly before the earlier shift starts; holiday shifts cannot be swapped.
    public static let swaps = Exchange(
        id: "swap",
        steps: [
            .init("requested", EventSelector("swap.requested")), .init("consented", EventSelector("swap.consented")),
            .init("registered", EventSelector("swap.registered")), .init("approved", EventSelector("swap.approved")),
        ],
        proposal: "requested", decision: "approved",
        first: .init(person: "employee", case: "shift"), second: .init(person: "counterpart", case: "counterpartShift"),
        frozenWhen: [.isTrue("holiday")])

    /// `attendance.late`, `attendance.early-leave`, `attendance.absence` and
    /// `attendance.missed-punch` with the given parameters.
    ///
    /// ```swift
    /// AttendanceRules.rules().map(\.id)   // ["attendance.late", "attendance.early-leave", ...]
    /// ```
    public static func rules(_ parameters: AttendanceParameters = .init()) -> [Rule] {
        let schedule = shifts(parameters)
        let threshold = parameters.absenceThreshold
        let grace = parameters.grace
        let outWindowCloses = VerdictTime.point(.end(plus: parameters.outPunchClosesAfterEnd))
        let lateBy = Measure("in-punch", .after, .start())
        let earlyBy = Measure("out-punch", .before, .end())

        let late = Rule(
            id: ID.late, title: "Late for a shift", clause: HandbookClauses.lateOrEarly,
            .schedule(ScheduleRule(schedule, outcomes: parameters.strict ? [] : [
                ScheduleOutcome("late", reason: "late", when: .measure(lateBy, above: grace, atMost: threshold),
                                at: .event("in-punch"), message: Messages.late),
            ])))
        let earlyLeave = Rule(
            id: ID.earlyLeave, title: "Left a shift early", clause: HandbookClauses.lateOrEarly,
            .schedule(ScheduleRule(schedule, outcomes: parameters.strict ? [] : [
                ScheduleOutcome("early-leave", reason: "early-leave",
                                when: .measure(earlyBy, above: grace, atMost: threshold),
                                at: outWindowCloses, message: Messages.earlyLeave),
            ])))

        let absenceBound = parameters.strict ? grace : threshold
        let lateClause = parameters.strict ? HandbookClauses.strictLateness : HandbookClauses.lateOrEarly
        let absence = Rule(
            id: ID.absence, title: "Absent from a shift", clause: HandbookClauses.lateOrEarly,
            .schedule(ScheduleRule(schedule, outcomes: [
                ScheduleOutcome("absent", reason: "leave-on-swapped-shift", when: .waiverRefused(changedHands: true),
                                at: .point(.start()), message: Messages.leaveOnSwappedShift, clause: HandbookClauses.swapLeave),
                ScheduleOutcome("absent", reason: "leave-on-holiday-shift", when: .waiverRefused(changedHands: false),
                                at: .point(.start()), message: Messages.leaveOnHolidayShift, clause: HandbookClauses.swapHoliday),
                ScheduleOutcome("absent", reason: "swapped-shift-uncovered", when: .uncovered,
                                at: outWindowCloses, message: Messages.swappedShiftUncovered, clause: HandbookClauses.swapUncovered),
                ScheduleOutcome("absent", reason: "late-over-threshold",
                                when: .measure(lateBy, above: absenceBound, atMost: nil),
                                at: parameters.strict ? .event("in-punch") : .point(.start(plus: threshold)),
                                message: parameters.strict ? Messages.lateStrict : Messages.lateOverThreshold,
                                clause: lateClause),
                ScheduleOutcome("absent", reason: "early-leave-over-threshold",
                                when: .measure(earlyBy, above: absenceBound, atMost: nil),
                                at: outWindowCloses,
                                message: parameters.strict ? Messages.earlyStrict : Messages.earlyOverThreshold,
                                clause: lateClause),
                ScheduleOutcome("absent", reason: "field-work-approved-late", when: .excuseTooLate("field-work"),
                                at: .endOfStartDay, message: Messages.fieldWorkApprovedLate,
                                clause: HandbookClauses.fieldWork),
                ScheduleOutcome("absent", reason: "missed-punch-not-confirmed", when: .missing(.unexcused),
                                at: outWindowCloses, message: Messages.missedPunchNotConfirmed,
                                clause: HandbookClauses.noPunchNoApproval),
                ScheduleOutcome("absent", reason: "missed-punch-over-allowance", when: .missing(.beyondQuota),
                                at: outWindowCloses, message: Messages.missedPunchOverAllowance,
                                clause: HandbookClauses.missedPunch),
            ])))
        let missedPunch = Rule(
            id: ID.missedPunch, title: "Missed punch confirmed", clause: HandbookClauses.missedPunch,
            .schedule(ScheduleRule(schedule, outcomes: [
                ScheduleOutcome("excused", reason: "missed-punch-confirmed", when: .missing(.excused),
                                at: outWindowCloses, message: Messages.missedPunchConfirmed),
            ])))
        return [late, earlyLeave, absence, missedPunch]
    }

    /// `handover.early-departure`: on a shift with a `team`, the out-punch came before
    /// the earliest in-punch of the relief (a shift of the same team starting exactly
    /// when this one ends); needs both punches.
    ///
    /// ```swift
    /// let rule = AttendanceRules.handover()
    /// rule.id   // "handover.early-departure"
    /// ```
    public static func handover(_ parameters: AttendanceParameters = .init()) -> Rule {
        Rule(id: "handover.early-departure", title: "Leaving before the relief arrives", clause: HandbookClauses.handover,
             .schedule(ScheduleRule(shifts(parameters), outcomes: [
                ScheduleOutcome("violation", reason: "left-before-relief",
                                when: .leftBeforeRelief(expectation: "out-punch", relief: "in-punch"),
                                at: .point(.end(plus: parameters.outPunchClosesAfterEnd)),
                                message: Message(
                                    en: "{employee} clocked out from shift {subject} {value} minutes before the relief clocked in.",
                                    zh: "{employee} 於班次 {subject} 在接班人到崗前 {value} 分鐘離臺。")),
             ])))
    }

    /// The messages of the attendance verdicts, in English and Chinese.
    enum Messages {
        static let late = Message(
            en: "{employee} clocked in {value} minutes late for shift {subject}.",
            zh: "{employee} 於班次 {subject} 遲到 {value} 分鐘。")
        static let earlyLeave = Message(
            en: "{employee} clocked out {value} minutes early from shift {subject}.",
            zh: "{employee} 於班次 {subject} 早退 {value} 分鐘。")
        static let lateOverThreshold = Message(
            en: "{employee} clocked in {value} minutes late for shift {subject}; more than {limit} minutes counts as a day of absence.",
            zh: "{employee} 於班次 {subject} 遲到 {value} 分鐘, 超過 {limit} 分鐘, 按曠工一天處理。")
        static let earlyOverThreshold = Message(
            en: "{employee} clocked out {value} minutes early from shift {subject}; more than {limit} minutes counts as a day of absence.",
            zh: "{employee} 於班次 {subject} 早退 {value} 分鐘, 超過 {limit} 分鐘, 按曠工一天處理。")
        static let lateStrict = Message(
            en: "{employee} clocked in {value} minutes late for shift {subject} without approved leave; under the strict rule this counts as absence.",
            zh: "{employee} 於班次 {subject} 遲到 {value} 分鐘, 未履行請假手續, 按曠工處理。")
        static let earlyStrict = Message(
            en: "{employee} clocked out {value} minutes early from shift {subject} without approved leave; under the strict rule this counts as absence.",
            zh: "{employee} 於班次 {subject} 早退 {value} 分鐘, 未履行請假手續, 按曠工處理。")
        static let missedPunchNotConfirmed = Message(
            en: "{employee} has a missing punch for shift {subject} and no supervisor confirmed it; this counts as absence.",
            zh: "{employee} 於班次 {subject} 漏打卡, 且無主管確認, 按曠工處理。")
        static let missedPunchOverAllowance = Message(
            en: "{employee}'s confirmed missed punch for shift {subject} is number {rank} this month, over the {limit} allowed; this counts as absence.",
            zh: "{employee} 於班次 {subject} 漏打卡, 為本月第 {rank} 次, 超過 {limit} 次, 按曠工處理。")
        static let missedPunchConfirmed = Message(
            en: "{employee}'s missed punch for shift {subject} was confirmed by a supervisor (number {rank} of {limit} allowed this month); counted as normal attendance.",
            zh: "{employee} 於班次 {subject} 漏打卡, 經主管確認 (本月第 {rank} 次, 上限 {limit} 次), 按考勤正常處理。")
        static let leaveOnSwappedShift = Message(
            en: "{employee} took leave on shift {subject}, which changed hands in a swap; leave on a swapped or returned shift is not honoured and counts as absence.",
            zh: "{employee} 在換班或還班的班次 {subject} 請假, 換班和還班均不得請假, 按曠工處理。")
        static let leaveOnHolidayShift = Message(
            en: "{employee} took leave on holiday shift {subject}; holiday duty allows no leave, so this counts as absence.",
            zh: "{employee} 在節假日班次 {subject} 請假, 節假日當班人員不允許請假, 按曠工處理。")
        static let swappedShiftUncovered = Message(
            en: "Shift {subject} changed hands in a swap and nobody covered it; {employee}, a party to the swap, is counted absent.",
            zh: "班次 {subject} 換班後無人到崗, 造成空班, 換班當事人 {employee} 按曠工處理。")
        static let fieldWorkApprovedLate = Message(
            en: "{employee}'s field work during shift {subject} was approved on a later day, not the same day; this counts as absence.",
            zh: "{employee} 於班次 {subject} 外出, 未在當日內完成審批, 按曠工處理。")
    }
}
