import Foundation

/// What judging keeps so as not to work a thing out twice: the facts of the cases
/// read in one judging step, and the minutes of durations.
///
/// A measured delay becomes a verdict's value in minutes, a decimal division unless
/// the delay is a multiple of three seconds, and the delays of a log are the same few
/// hundred values over and over: worked out once, they cost a lookup.
struct JudgingMemo: Sendable {
    /// Per case, its own facts, or `nil` for a case that gets no verdicts. They hold
    /// for one judging step only: events change them between steps.
    var facts: [Symbol: ScheduleProgram.CaseFacts?] = [:]
    private var minutes: [Duration: Decimal] = [:]

    /// The most facts one judging step keeps: they only save recomputing a
    /// neighbour's facts (a quota rank, a relief), and a batch run's step would
    /// otherwise hold the facts of every case of the log at once.
    static let factsLimit = 1024
    /// The most durations kept; past it they are forgotten and worked out again.
    static let minutesLimit = 4096

    /// Forgets the facts, at the start of a judging step or once there are too many.
    mutating func forgetFacts(unlessFewerThan limit: Int = 0) {
        if facts.count >= limit { facts.removeAll(keepingCapacity: true) }
    }

    /// ``Swift/Duration/minutes`` of `duration`.
    mutating func minutes(of duration: Duration) -> Decimal {
        if let known = minutes[duration] { return known }
        if minutes.count >= Self.minutesLimit { minutes.removeAll(keepingCapacity: true) }
        let value = duration.minutes
        minutes[duration] = value
        return value
    }
}
