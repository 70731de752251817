/// Builds the rules of a policy from statements: rules, arrays of rules, `if`,
/// `switch` and `for`.
///
/// ```swift
/// let policy = Policy(name: "desk", schema: schema) {
///     replyWithinFiveMinutes
///     if strict { replyWithinOneMinuteOnChat }
///     Rule.limit("desk.weekly-breaches", counting: ["desk.reply"], atMost: 2, per: .isoWeek,
///                clause: clause, message: message)
/// }
/// ```
@resultBuilder
public enum RulesBuilder {
    /// One rule.
    ///
    /// ```swift
    /// Policy(name: "desk", schema: schema) { reply }
    /// ```
    public static func buildExpression(_ rule: Rule) -> [Rule] { [rule] }
    /// Several rules, such as a family of the standard pack.
    ///
    /// ```swift
    /// Policy(name: "desk", schema: schema) { AttendanceRules.rules() }
    /// ```
    public static func buildExpression(_ rules: [Rule]) -> [Rule] { rules }
    /// The first statement.
    ///
    /// ```swift
    /// Policy(name: "desk", schema: schema) { reply; escalation }
    /// ```
    public static func buildPartialBlock(first: [Rule]) -> [Rule] { first }
    /// Each further statement.
    ///
    /// ```swift
    /// Policy(name: "desk", schema: schema) { reply; escalation; threeLates }
    /// ```
    public static func buildPartialBlock(accumulated: [Rule], next: [Rule]) -> [Rule] { accumulated + next }
    /// An `if` without `else`.
    ///
    /// ```swift
    /// Policy(name: "desk", schema: schema) { if strict { threeLates } }
    /// ```
    public static func buildOptional(_ rules: [Rule]?) -> [Rule] { rules ?? [] }
    /// The first branch of an `if`-`else` or `switch`.
    ///
    /// ```swift
    /// Policy(name: "desk", schema: schema) { if strict { threeLates } else { fiveLates } }
    /// ```
    public static func buildEither(first rules: [Rule]) -> [Rule] { rules }
    /// The second branch of an `if`-`else` or `switch`.
    ///
    /// ```swift
    /// Policy(name: "desk", schema: schema) { if strict { threeLates } else { fiveLates } }
    /// ```
    public static func buildEither(second rules: [Rule]) -> [Rule] { rules }
    /// A `for` loop.
    ///
    /// ```swift
    /// Policy(name: "desk", schema: schema) { for channel in ["phone", "chat"] { reply(on: channel) } }
    /// ```
    public static func buildArray(_ groups: [[Rule]]) -> [Rule] { groups.flatMap { $0 } }
    /// An empty block.
    ///
    /// ```swift
    /// Policy(name: "empty", schema: schema) {}
    /// ```
    public static func buildBlock() -> [Rule] { [] }
}

extension Policy {
    /// Creates a policy whose rules are written as statements.
    ///
    /// ```swift
    /// let policy = Policy(name: "desk", schema: schema, timeZone: "Asia/Shanghai") {
    ///     reply
    ///     if strict { threeLates }
    /// }
    /// ```
    public init(
        name: String, schema: EventSchema, timeZone: String = "Asia/Shanghai", parameters: [Parameter] = [],
        @RulesBuilder rules: () -> [Rule]
    ) {
        self.init(name: name, schema: schema, rules: rules(), timeZone: timeZone, parameters: parameters)
    }
}

extension Rule {
    /// A rule that gives a verdict for each verdict of `rules` beyond the `limit`-th
    /// of a person in a calendar period: "at most 2 early leaves a week".
    ///
    /// ```swift
    /// Rule.limit("attendance.early-leaves-per-week", counting: ["attendance.early-leave"],
    ///            atMost: 2, per: .isoWeek, clause: clause, message: message)
    /// ```
    public static func limit(
        _ id: String, counting rules: [String], outcomes: [String]? = nil, atMost limit: Int, per unit: CalendarUnit,
        outcome: String = "exceeded", clause: Clause, message: Message
    ) -> Rule {
        Rule(id: id, title: id, clause: clause,
             .count(CountRule(.verdicts(rules: rules, outcomes: outcomes), per: .calendar(unit), limit: limit,
                              outcome: outcome, reason: "over-limit", message: message)))
    }

    /// A rule that turns every `every`-th verdict of `rules` of a person in a calendar
    /// period into one verdict: "3 lates in a month count as one absence".
    ///
    /// ```swift
    /// Rule.every(3, of: ["attendance.late"], per: .month, "attendance.three-lates", outcome: "absent",
    ///            clause: clause, message: message)
    /// ```
    public static func every(
        _ every: Int, of rules: [String], per unit: CalendarUnit, _ id: String, outcome: String,
        clause: Clause, message: Message
    ) -> Rule {
        Rule(id: id, title: id, clause: clause,
             .count(CountRule(.verdicts(rules: rules), per: .calendar(unit), limit: every, trigger: .everyLimitth,
                              outcome: outcome, reason: "every-\(every)", message: message)))
    }

    /// A ladder climbed with the verdicts of `rules` in a rolling window.
    ///
    /// ```swift
    /// Rule.ladder("desk.discipline", counting: ["desk.reply"], within: .seconds(365 * 86_400),
    ///             tiers: [.init("warning", message: warning), .init("fine", amount: 50, message: fine)],
    ///             clause: clause)
    /// ```
    public static func ladder(
        _ id: String, counting rules: [String], within window: Duration, tiers: [LadderRule.Tier], clause: Clause
    ) -> Rule {
        Rule(id: id, title: id, clause: clause,
             .ladder(LadderRule(counting: rules.map { LadderRule.Counted($0) }, within: window, tiers: tiers)))
    }
}
