import Foundation
import ContactCenterRules
import Rulebook

/// The standard pack's parameters as `--set name=value` changes them, with the
/// names a policy reports (`absenceThreshold=20m`, `swapsPerMonth=4`,
/// `firstResponse[chat]=1m`).
struct ParameterSettings {
    var attendance = AttendanceParameters()
    var swaps = SwapParameters()
    var sla = SLAParameters()
    var training = TrainingParameters()
    var reviews = ReviewParameters()
    var timeZone = "Asia/Shanghai"

    static let names = [
        "absenceThreshold", "grace", "inPunchOpensBeforeStart", "outPunchClosesAfterEnd", "excusedMissedPunchesPerMonth",
        "strict", "swapsPerMonth", "minimumRest", "firstResponse", "firstResponse[CHANNEL]", "complexAnswer",
        "onboardingDays", "repaymentYears", "statutoryRepayment", "awardThreshold", "passMark", "timeZone",
    ]

    init(_ settings: [String], timeZone: String?) throws(CheckOptions.UsageError) {
        if let timeZone { self.timeZone = timeZone }
        for setting in settings {
            guard let equals = setting.firstIndex(of: "=") else {
                throw CheckOptions.UsageError(description: "--set needs name=value, not '\(setting)'")
            }
            try set(String(setting[..<equals]), String(setting[setting.index(after: equals)...]))
        }
    }

    var policy: Policy {
        StandardPolicy.make(attendance: attendance, swaps: swaps, sla: sla, training: training, reviews: reviews,
                            timeZone: timeZone)
    }

    private mutating func set(_ name: String, _ value: String) throws(CheckOptions.UsageError) {
        func duration() throws(CheckOptions.UsageError) -> Duration {
            guard let duration = Duration(text: value) else {
                throw CheckOptions.UsageError(description: "\(name) must be a duration like 30m, 90s or PT30M, not '\(value)'")
            }
            return duration
        }
        func count() throws(CheckOptions.UsageError) -> Int {
            guard let count = Int(value), count >= 0 else {
                throw CheckOptions.UsageError(description: "\(name) must be a whole number, not '\(value)'")
            }
            return count
        }
        func flag() throws(CheckOptions.UsageError) -> Bool {
            guard let flag = Bool(value) else {
                throw CheckOptions.UsageError(description: "\(name) must be true or false, not '\(value)'")
            }
            return flag
        }
        func number() throws(CheckOptions.UsageError) -> Decimal {
            guard let number = Decimal(string: value, locale: Locale(identifier: "en_US_POSIX")) else {
                throw CheckOptions.UsageError(description: "\(name) must be a number, not '\(value)'")
            }
            return number
        }
        switch name {
        case "absenceThreshold": attendance.absenceThreshold = try duration()
        case "grace": attendance.grace = try duration()
        case "inPunchOpensBeforeStart": attendance.inPunchOpensBeforeStart = try duration()
        case "outPunchClosesAfterEnd": attendance.outPunchClosesAfterEnd = try duration()
        case "excusedMissedPunchesPerMonth": attendance.excusedMissedPunchesPerMonth = try count()
        case "strict": attendance.strict = try flag()
        case "swapsPerMonth": swaps.swapsPerMonth = try count()
        case "minimumRest": swaps.minimumRest = try duration()
        case "firstResponse": sla.firstResponse = try duration()
        case "complexAnswer": sla.complexAnswer = try duration()
        case "onboardingDays": training.onboardingDays = try count()
        case "repaymentYears": training.repaymentYears = try count()
        case "statutoryRepayment": training.statutoryRepayment = try flag()
        case "awardThreshold": reviews.awardThreshold = try number()
        case "passMark": reviews.passMark = try number()
        case "timeZone": timeZone = value
        default:
            if name.hasPrefix("firstResponse["), name.hasSuffix("]") {
                sla.firstResponseByChannel[String(name.dropFirst(14).dropLast())] = try duration()
            } else {
                throw CheckOptions.UsageError(
                    description: "unknown parameter '\(name)'; the parameters are " + Self.names.joined(separator: ", "))
            }
        }
    }
}
