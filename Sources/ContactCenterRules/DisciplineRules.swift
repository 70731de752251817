import Rulebook

/// The escalating penalties of `callcenter`: each counted violation moves a person one
/// tier up the ladder, counting violations in a rolling window.
///
/// ```swift
/// let others = AttendanceRules.rules()
/// let ladder = DisciplineRules.rules(DisciplineParameters(), available: Set(others.map(\.id)))
/// ```
public enum DisciplineRules {
    /// The rule ids.
    ///
    /// ```swift
    /// verdict.rule == DisciplineRules.ID.escalation   // "discipline.escalation"
    /// ```
    public enum ID {
        /// The tier a counted violation brings a person to.
        public static let escalation = "discipline.escalation"
    }

    /// `discipline.escalation` over the verdicts of `available` rules that the
    /// parameters count.
    ///
    /// ```swift
    /// let others = AttendanceRules.rules()
    /// DisciplineRules.rules(available: Set(others.map(\.id))).map(\.id)   // ["discipline.escalation"]
    /// ```
    public static func rules(_ parameters: DisciplineParameters = .init(), available: Set<String>) -> [Rule] {
        let counted = parameters.counted.filter { available.contains($0.rule) }
        guard !counted.isEmpty else { return [] }
        return [
            Rule(id: ID.escalation, title: "Escalating penalties", clause: HandbookClauses.escalation,
                 .ladder(LadderRule(counting: counted, within: parameters.window,
                                    tiers: parameters.tiers.map { LadderRule.Tier($0.outcome, amount: $0.amount, message: message($0.outcome)) }))),
        ]
    }

    private static func message(_ tier: String) -> Message {
        switch tier {
        case "warning":
            Message(en: "{employee} gets an oral warning, recorded: violation {rank} within the window ({subject}).",
                    zh: "{employee} 違反規定 ({subject}), 窗口期內第 {rank} 次, 給予口頭警告, 並記錄在案。")
        case "fine":
            Message(en: "{employee} is fined: violation {rank} within the window ({subject}).",
                    zh: "{employee} 違反規定 ({subject}), 窗口期內第 {rank} 次, 給予罰款。")
        case "demerit":
            Message(en: "{employee} gets a demerit: violation {rank} within the window ({subject}).",
                    zh: "{employee} 違反規定 ({subject}), 窗口期內第 {rank} 次, 給予記過。")
        case "dismissal":
            Message(en: "{employee}'s employment contract is terminated: violation {rank} within the window ({subject}).",
                    zh: "{employee} 違反規定 ({subject}), 窗口期內第 {rank} 次, 解除勞動合同。")
        default:
            Message(en: "{employee} reaches '\(tier)': violation {rank} within the window ({subject}).",
                    zh: "{employee} 違反規定 ({subject}), 窗口期內第 {rank} 次: \(tier)。")
        }
    }
}
