import Rulebook

/// What each rule of the pack means, in the words of policies.md and with the
/// parameters in force, so that a rule file explains itself to the analyst editing it.
struct RuleDescriptions {
    var attendance: AttendanceParameters
    var swaps: SwapParameters
    var sla: SLAParameters
    var training: TrainingParameters
    var reviews: ReviewParameters
    var discipline: DisciplineParameters

    subscript(id: String) -> String {
        let threshold = attendance.absenceThreshold.shortText
        let grace = attendance.grace == .zero ? "" : " (after a grace of \(attendance.grace.shortText))"
        return switch id {
        case "attendance.late":
            "The in-punch came after the shift's start\(grace), by at most \(threshold)."
        case "attendance.early-leave":
            "The out-punch came before the shift's end\(grace), by at most \(threshold)."
        case "attendance.absence":
            "One verdict per shift, for the first cause that holds: leave on a swapped or holiday shift, "
                + "a swapped shift nobody covered (both parties), late or early by more than \(threshold), "
                + "field work approved on a later day, or a punch missing and not excused."
        case "attendance.missed-punch":
            "A missing punch a supervisor confirmed is excused, up to \(attendance.excusedMissedPunchesPerMonth) a month per person; "
                + "the next ones are absences."
        case "handover.early-departure":
            "The outgoing person clocked out before the relief of the same team, starting when the shift ends, clocked in."
        case "swap.not-effective":
            "A swap with a step missing, naming a shift not on the roster, or approved only once the earlier shift "
                + "started does not take effect: the original roster stands."
        case "swap.limit":
            "Each party's effective swaps beyond \(swaps.swapsPerMonth) a month, by the month of the swapped shift, in approval order."
        case "swap.consecutive":
            "A party gives away a shift next to one they gave away in an earlier swap."
        case "swap.back-to-back":
            "A shift a party receives lies less than \(swaps.minimumRest.shortText) from another of their shifts."
        case "swap.holiday":
            "A party gives away a holiday shift; the swap does not take effect."
        case "sla.first-response":
            "An inquiry got its first response more than \(sla.firstResponse.shortText) after it came in, or none by then"
                + (sla.firstResponseByChannel.isEmpty ? "." : "; some channels have their own limits.")
        case "sla.complex-answer":
            "A complex inquiry got no full answer within \(sla.complexAnswer.shortText)."
        case "training.attendance":
            "Missed minutes of a course reach a third of its length (missed × 3 ≥ total): not attended, with public criticism."
        case "training.onboarding":
            "A new hire attended no onboarding session within \(training.onboardingDays) calendar days of hiring."
        case "training.refresher":
            "A supervisor or manager attended no training in a half-year the log covers fully."
        case "training.repayment":
            "Leaving within \(training.repaymentYears) years of completing a qualification or promotion course owes its cost"
                + (training.statutoryRepayment ? ", prorated by the share of the years not served." : ".")
        case "review.monthly-award":
            "The best score of each month, if at least \(reviews.awardThreshold.plainText), is awarded; ties share it."
        case "review.quarterly-award":
            "The best mean monthly score of each quarter the log covers fully, if at least \(reviews.awardThreshold.plainText)."
        case "review.annual-award":
            "The best mean monthly score of each year the log covers fully, if at least \(reviews.awardThreshold.plainText)."
        case "review.underperformance":
            "A score below \(reviews.passMark.plainText) means an interview; failing again the next month, no improvement."
        case "discipline.escalation":
            "Each counted violation moves the person one tier up ("
                + discipline.tiers.map(\.outcome).joined(separator: ", ") + "), counting those of the last \(discipline.window.shortText)."
        default: ""
        }
    }
}
