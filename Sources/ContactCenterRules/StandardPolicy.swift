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
    public static func make(
        attendance: AttendanceParameters = .init(), swaps: SwapParameters = .init(), sla: SLAParameters = .init(),
        training: TrainingParameters = .init(), reviews: ReviewParameters = .init(),
        discipline: DisciplineParameters = .init(), timeZone: String = "Asia/Shanghai"
    ) -> Policy {
        let rules = AttendanceRules.rules(attendance) + [AttendanceRules.handover(attendance)]
            + SwapRules.rules(swaps, attendance: attendance) + SLARules.rules(sla) + TrainingRules.rules(training)
            + ReviewRules.rules(reviews)
        let escalation = DisciplineRules.rules(discipline, available: Set(rules.map(\.id)))
        return Policy(name: "contact-center standard pack", schema: ContactCenterEvents.schema,
                      rules: rules + escalation, timeZone: timeZone,
                      parameters: [.init("timeZone", timeZone)] + attendance.named + swaps.named + sla.named + training.named + reviews.named + discipline.named)
    }
}
