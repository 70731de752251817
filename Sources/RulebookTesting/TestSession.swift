import Rulebook

/// A streaming evaluation driven by a fixed clock: the test writes events, moves
/// the clock, and sees what became certain by then.
///
/// ```swift
/// var session = try TestSession(policy: policy)
/// session.log.inquiry("T1", at: "10:00", to: "E1")
/// let changes = try session.advance(to: "10:05")     // the breach is certain now
/// expectVerdicts(changes.issued, [ExpectedVerdict("sla.first-response", "breached")])
/// ```
public struct TestSession: Sendable {
    /// The log being written; events are fed when the clock reaches their time.
    public var log: TestLog
    /// The clock: the time of the last ``advance(to:)``.
    public private(set) var now: Instant = .distantPast
    /// Every verdict issued and not retracted so far.
    public private(set) var inForce: [Verdict] = []
    private var evaluation: Evaluation
    private var fed = 0

    /// Creates a session for `policy` over an empty log in the policy's zone.
    ///
    /// ```swift
    /// var session = try TestSession(policy: StandardPolicy.make())
    /// ```
    public init(policy: Policy, day: String = "2026-03-02") throws {
        evaluation = try Evaluation(policy: policy)
        log = TestLog(timeZone: policy.timeZone, day: day)
    }

    /// Feeds the unfed lines whose time is at or before `time` (and raw lines), in
    /// line order, then advances the evaluation to `time`.
    ///
    /// - Returns: what was issued and retracted by this step.
    ///
    /// ```swift
    /// let changes = try session.advance(to: "09:31")
    /// ```
    public mutating func advance(to time: String) throws -> VerdictChanges {
        if let problem = log.problems.first { throw problem }
        let instant = try log.instant(time)
        feed { lineTime in lineTime.map { $0 <= instant } ?? true }
        now = instant
        return apply(evaluation.advance(to: instant))
    }

    /// Feeds every remaining line and finishes: the log is complete.
    ///
    /// ```swift
    /// let rest = try session.finish()
    /// ```
    public mutating func finish() throws -> VerdictChanges {
        if let problem = log.problems.first { throw problem }
        feed { _ in true }
        return apply(evaluation.finish())
    }

    private mutating func feed(where shouldFeed: (Instant?) -> Bool) {
        while fed < log.lines.count {
            // Lines are fed in file order: a later line waits for an earlier one.
            guard shouldFeed(log.times[fed]) else { break }
            evaluation.feed(line: log.lines[fed], number: fed + 1)
            fed += 1
        }
    }

    private mutating func apply(_ changes: VerdictChanges) -> VerdictChanges {
        for verdict in changes.retracted {
            if let index = inForce.firstIndex(of: verdict) { inForce.remove(at: index) }
        }
        inForce.append(contentsOf: changes.issued)
        inForce.sort(by: Verdict.outputOrder)
        return changes
    }
}
