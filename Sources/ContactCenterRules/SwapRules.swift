import Rulebook

/// The shift-swap rules of `taobao-swap`, over the exchanges of the attendance
/// schedule: an effective swap rewrites the roster attendance is judged on, and each
/// swap is judged for its effectiveness, the monthly limit, consecutive swaps,
/// back-to-back shifts and holiday shifts.
///
/// ```swift
/// let rules = SwapRules.rules(SwapParameters(), attendance: AttendanceParameters())
/// rules.map(\.id)   // ["swap.not-effective", "swap.limit", ...]
/// ```
public enum SwapRules {
    /// The rule ids.
    ///
    /// ```swift
    /// verdict.rule == SwapRules.ID.limit   // "swap.limit"
    /// ```
    public enum ID {
        /// A step missing, a shift not scheduled, or approved too late.
        public static let notEffective = "swap.not-effective"
        /// A person's swaps beyond the monthly limit.
        public static let limit = "swap.limit"
        /// A party gives away a shift next to one they gave away before.
        public static let consecutive = "swap.consecutive"
        /// A party ends up with too little rest between shifts.
        public static let backToBack = "swap.back-to-back"
        /// A party gives away a holiday shift.
        public static let holiday = "swap.holiday"
    }

    /// The five swap rules with the given parameters, over the shifts of `attendance`.
    ///
    /// ```swift
    /// var swaps = SwapParameters()
    /// swaps.swapsPerMonth = 4
    /// let rules = SwapRules.rules(swaps)
    /// ```
    public static func rules(_ parameters: SwapParameters = .init(), attendance: AttendanceParameters = .init()) -> [Rule] {
        let shifts = AttendanceRules.shifts(attendance)
        func rule(_ id: String, _ title: String, _ clause: Clause, _ judgement: ExchangeRule.Judgement, _ outcome: String,
                  _ reason: String, _ message: Message, byReason: [String: Message] = [:]) -> Rule {
            Rule(id: id, title: title, clause: clause,
                 .exchange(ExchangeRule(shifts, judgement, outcome: outcome, reason: reason, message: message,
                                        messagesByReason: byReason)))
        }
        return [
            rule(ID.notEffective, "Swap not effective", HandbookClauses.swapEffective, .notEffective, "not-effective",
                 "not-effective", Message(
                    en: "Swap {subject} did not take effect (a step missing, a shift not scheduled, or approved too late); the original roster stands.",
                    zh: "換班 {subject} 未生效 (手續不全、班次不存在或批准過晚), 按原排班執行。"),
                 byReason: [
                    "missing-step": Message(
                        en: "Swap {subject} did not take effect: {missing} missing; the original roster stands.",
                        zh: "換班 {subject} 未生效: 缺少 {missing}, 按原排班執行。"),
                    "case-not-scheduled": Message(
                        en: "Swap {subject} did not take effect: it names a shift that is not on the roster; the original roster stands.",
                        zh: "換班 {subject} 未生效: 所換班次不在排班表上, 按原排班執行。"),
                    "decided-too-late": Message(
                        en: "Swap {subject} did not take effect: the manager approved it only when the earlier shift had started; the original roster stands.",
                        zh: "換班 {subject} 未生效: 部門經理在較早班次開始後才批准, 按原排班執行。"),
                 ]),
            rule(ID.limit, "At most \(parameters.swapsPerMonth) swaps a month", HandbookClauses.swapLimit,
                 .limit(parameters.swapsPerMonth, per: .month), "exceeded", "over-monthly-limit", Message(
                    en: "Swap {subject} is {employee}'s swap number {value} this month, over the limit of {limit}.",
                    zh: "換班 {subject} 為 {employee} 本月第 {value} 次換班, 超過每月 {limit} 次的上限。")),
            rule(ID.consecutive, "No consecutive swaps", HandbookClauses.swapConsecutive, .consecutive, "violation",
                 "consecutive-swap", Message(
                    en: "In swap {subject}, {employee} gives away a shift next to one they already gave away in an earlier swap.",
                    zh: "換班 {subject} 中, {employee} 換出的班次與其先前換出的班次相連, 不允許連續換班。")),
            rule(ID.backToBack, "No back-to-back shifts", HandbookClauses.swapConsecutive,
                 .backToBack(minimumRest: parameters.minimumRest), "violation", "back-to-back-shifts", Message(
                    en: "Swap {subject} leaves {employee} less than \(DurationWords.en(parameters.minimumRest)) of rest between two shifts.",
                    zh: "換班 {subject} 使 {employee} 兩個班次之間休息不足 \(DurationWords.zh(parameters.minimumRest)), 不允許連班。")),
            rule(ID.holiday, "No swapping holiday shifts", HandbookClauses.swapHoliday, .frozen, "violation",
                 "holiday-shift", Message(
                    en: "In swap {subject}, {employee} tries to give away a holiday shift; holiday duty cannot be swapped.",
                    zh: "換班 {subject} 中, {employee} 換出節假日班次, 節假日當班人員不允許換班。")),
        ]
    }
}
