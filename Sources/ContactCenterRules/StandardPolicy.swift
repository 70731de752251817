import Rulebook

/// The standard policy pack: every rule of the contact-center handbooks that is
/// encoded so far, with its parameters.
///
/// ```swift
/// let policy = StandardPolicy.make()                           // the defaults
/// var stricter = AttendanceParameters(); stricter.absenceThreshold = .seconds(1200)
/// let variant = StandardPolicy.make(attendance: stricter, timeZone: "Asia/Taipei")
/// ```
public enum StandardPolicy {
    /// The standard policy with the given parameters.
    ///
    /// ```swift
    /// let policy = StandardPolicy.make(timeZone: "Asia/Taipei")
    /// let report = try policy.evaluate(logAt: "week.jsonl")
    /// ```
    public static func make(
        attendance: AttendanceParameters = .init(), swaps: SwapParameters = .init(), sla: SLAParameters = .init(),
        training: TrainingParameters = .init(), reviews: ReviewParameters = .init(),
        discipline: DisciplineParameters = .init(), timeZone: String = "Asia/Shanghai"
    ) -> Policy {
        let rules = AttendanceRules.rules(attendance) + [AttendanceRules.handover(attendance)]
            + SwapRules.rules(swaps, attendance: attendance) + SLARules.rules(sla) + TrainingRules.rules(training)
            + ReviewRules.rules(reviews)
        let escalation = DisciplineRules.rules(discipline, available: Set(rules.map(\.id)))
        let descriptions = RuleDescriptions(attendance: attendance, swaps: swaps, sla: sla, training: training,
                                            reviews: reviews, discipline: discipline)
        let described = (rules + escalation).map { rule in
            var rule = rule
            rule.description = descriptions[rule.id]
            return rule
        }
        return Policy(name: "contact-center standard pack", schema: ContactCenterEvents.schema,
                      rules: described, timeZone: timeZone,
                      parameters: [.init("timeZone", timeZone)] + attendance.named + swaps.named + sla.named + training.named + reviews.named + discipline.named)
    }
}

extension StandardPolicy {
    /// The rule file a rule of the pack belongs in: one per family of policies.md
    /// (`attendance`, `swaps`, `sla`, `training`, `reviews`, `discipline`); handover
    /// rules go with attendance.
    ///
    /// ```swift
    /// try RuleDirectory.write(StandardPolicy.make(), to: URL(fileURLWithPath: "Rules"), family: StandardPolicy.family)
    /// ```
    public static func family(of rule: Rule) -> String {
        let prefix = String(rule.id.prefix { $0 != "." })
        return switch prefix {
        case "handover": "attendance"
        case "swap": "swaps"
        case "review": "reviews"
        default: prefix
        }
    }
}
