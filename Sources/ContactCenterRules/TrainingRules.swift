import Rulebook

/// The training rules of `toolbox-training`.
///
/// ```swift
/// TrainingRules.rules(TrainingParameters()).map(\.id)
/// // ["training.attendance", "training.onboarding", "training.refresher", "training.repayment"]
/// ```
public enum TrainingRules {
    /// The rule ids.
    ///
    /// ```swift
    /// verdict.rule == TrainingRules.ID.attendance   // "training.attendance"
    /// ```
    public enum ID {
        /// Missed minutes reached a third of a course.
        public static let attendance = "training.attendance"
        /// No onboarding session within a week of hiring.
        public static let onboarding = "training.onboarding"
        /// Left within four years of qualification or promotion training.
        public static let repayment = "training.repayment"
        /// A supervisor or manager without training in a covered half-year.
        public static let refresher = "training.refresher"
    }

    /// `training.attendance`: missed minutes (scheduled − attended, one record per
    /// session, the latest winning) reaching a third of the course's total, in exact
    /// decimals; reported once, the moment it is reached. A course never scheduled
    /// is not judged.
    ///
    /// ```swift
    /// var training = TrainingParameters()
    /// training.onboardingDays = 10
    /// let rules = TrainingRules.rules(training)
    /// ```
    public static func rules(_ parameters: TrainingParameters = .init()) -> [Rule] {
        [attendance, onboarding(parameters), refresher, repayment(parameters)]
    }

    /// `training.refresher`: a person whose latest hiring names them `supervisor` or
    /// `manager`, employed during a calendar half-year the log covers fully, with no
    /// session attended (attended minutes above 0) in it; certain at its end.
    static let refresher = Rule(
        id: ID.refresher, title: "Half-yearly training for managers", clause: HandbookClauses.refresher,
        .periodic(PeriodicRule(
            per: .halfYear,
            qualifying: PersonReference(EventSelector("employee.hired", where: .equals("role", ["supervisor", "manager"])),
                                        field: "employee"),
            employedFrom: PersonReference(EventSelector("employee.hired"), field: "employee"),
            employedUntil: PersonReference(EventSelector("employee.left"), field: "employee"),
            required: PersonReference(EventSelector("training.attended", where: .greaterThan("attendedMinutes", 0)),
                                      field: "employee"),
            outcome: "overdue", reason: "no-training-in-half-year",
            message: Message(en: "{employee}, a supervisor or manager, attended no training in {subject}.",
                             zh: "{employee} 為主管級人員, {subject} 期間未參加任何培訓。"))))

    static let attendance: Rule =
            Rule(id: ID.attendance, title: "Missing a third of a course", clause: HandbookClauses.trainingAbsence,
                 .total(TotalRule(
                    EventSelector("training.attended"), person: "employee", subject: "course", distinctBy: "session",
                    quantity: .difference("scheduledMinutes", "attendedMinutes"), reaches: .atLeast,
                    bound: .fraction(1, 3, of: ReferencedValue(EventSelector("course.scheduled"), key: "course", value: "totalMinutes")),
                    outcome: "not-attended", reason: "missed-a-third",
                    message: Message(
                        en: "{employee} missed {value} minutes of course {subject}, reaching a third of it ({limit} minutes); this counts as not attending, with a public notice of criticism.",
                        zh: "{employee} 在課程 {subject} 累計缺勤 {value} 分鐘, 達到課程總量的 1/3 ({limit} 分鐘), 按未參加培訓處理, 並進行通報批評。"))))

    /// `training.onboarding`: no session of an `onboarding` course from the earliest
    /// hiring to `onboardingDays` calendar days later, inclusive; the subject is the
    /// employee.
    static func onboarding(_ parameters: TrainingParameters) -> Rule {
        let due = CasePoint.start(days: parameters.onboardingDays)
        return Rule(
            id: ID.onboarding, title: "Onboarding within a week", clause: HandbookClauses.onboarding,
            .schedule(ScheduleRule(
                Schedule(
                    cases: CaseSource(EventSelector("employee.hired"), id: "employee", owner: "employee",
                                      start: .eventTime, end: .eventTime, keeps: .earliest),
                    expectations: [
                        Expectation("onboarding-session", EventSelector("training.attended"), correlation: .owner(field: "employee"),
                                    from: .start(), to: due, join: courseOfKind(["onboarding"])),
                    ],
                    closes: due),
                outcomes: [
                    ScheduleOutcome("overdue", reason: "no-onboarding-session", when: .missing(.unexcused), at: .point(due),
                                    message: Message(
                                        en: "{employee} attended no onboarding session within \(parameters.onboardingDays) days of being hired.",
                                        zh: "{employee} 入職後 \(parameters.onboardingDays) 天內未參加入職培訓。")),
                ])))
    }

    /// `training.repayment`: leaving at most `repaymentYears` calendar years after
    /// completing a `qualification` or `promotion` course (to the instant, inclusive)
    /// owes the course's `cost`, or its unserved share under the statutory option.
    static func repayment(_ parameters: TrainingParameters) -> Rule {
        let end = CasePoint.start(years: parameters.repaymentYears)
        return Rule(
            id: ID.repayment, title: "Repaying training on leaving", clause: HandbookClauses.repayment,
            .schedule(ScheduleRule(
                Schedule(
                    cases: CaseSource(EventSelector("training.completed"), id: "course", owner: "employee",
                                      start: .eventTime, end: .eventTime, perOwner: true,
                                      join: courseOfKind(["qualification", "promotion"])),
                    expectations: [
                        Expectation("leaving", EventSelector("employee.left"), correlation: .owner(field: "employee"),
                                    from: .start(), to: end),
                    ],
                    closes: end),
                outcomes: [
                    ScheduleOutcome("owed", reason: "left-within-\(parameters.repaymentYears)-years", when: .found("leaving"),
                                    at: .event("leaving"),
                                    message: parameters.statutoryRepayment
                                        ? Message(en: "{employee} left within \(parameters.repaymentYears) years of finishing course {subject}; the unserved share of its cost is to be repaid.",
                                                  zh: "{employee} 自培訓 {subject} 結束起 \(parameters.repaymentYears) 年內離職, 按未服務期限比例賠償培訓費用。")
                                        : Message(en: "{employee} left within \(parameters.repaymentYears) years of finishing course {subject}; its cost is to be repaid in full.",
                                                  zh: "{employee} 自培訓 {subject} 結束起 \(parameters.repaymentYears) 年內離職, 須全額賠償培訓費用。"),
                                    amount: Amount(field: "cost", proratedBy: parameters.statutoryRepayment ? "leaving" : nil)),
                ])))
    }

    /// Courses whose latest `course.scheduled` has one of `kinds`.
    private static func courseOfKind(_ kinds: [String]) -> Join {
        Join(field: "course", EventSelector("course.scheduled", where: .equals("kind", kinds)), key: "course")
    }
}
