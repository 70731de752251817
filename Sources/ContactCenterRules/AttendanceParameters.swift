import Rulebook

/// The named parameters of the attendance rules, with the handbook's defaults.
///
/// ```swift
/// var parameters = AttendanceParameters()
/// parameters.absenceThreshold = .seconds(20 * 60)   // "more than 20 minutes"
/// ```
public struct AttendanceParameters: Sendable, Equatable, Hashable {
    /// Lateness or early leave beyond this is a day of absence (default 30 minutes).
    public var absenceThreshold: Duration = .seconds(30 * 60)
    /// Lateness or early leave up to this is not reported (default 0).
    public var grace: Duration = .zero
    /// How long before a shift's start an in-punch counts (default 2 hours).
    public var inPunchOpensBeforeStart: Duration = .seconds(2 * 3600)
    /// How long after a shift's end an out-punch counts (default 4 hours).
    public var outPunchClosesAfterEnd: Duration = .seconds(4 * 3600)
    /// How many confirmed missed punches a person may have per month (default 3).
    public var excusedMissedPunchesPerMonth = 3
    /// Clause ⑤: any unexcused lateness or early leave beyond the grace is absence.
    public var strict = false

    /// The handbook's defaults.
    ///
    /// ```swift
    /// var attendance = AttendanceParameters()   // the handbook's defaults
    /// attendance.grace = .seconds(60)
    /// ```
    public init() {}

    /// The parameters by name, as a policy reports them.
    public var named: [Policy.Parameter] {
        [
            .init("absenceThreshold", absenceThreshold.shortText),
            .init("grace", grace.shortText),
            .init("inPunchOpensBeforeStart", inPunchOpensBeforeStart.shortText),
            .init("outPunchClosesAfterEnd", outPunchClosesAfterEnd.shortText),
            .init("excusedMissedPunchesPerMonth", String(excusedMissedPunchesPerMonth)),
            .init("strict", String(strict)),
        ]
    }
}
