import ContactCenterRules
import Foundation
import Rulebook
import RulebookTesting
import Testing

@Suite("Reviews, rewards and underperformance")
struct ReviewTests {
    /// Reviews dated 1, 2, 3 ... April at 10:00 (or all at `reviewed`), with a punch
    /// at `coverFrom` and `to` to set the span of time the log covers.
    static func reviews(_ scores: [(String, String, TestValue)], coverFrom: String? = nil, to: String? = nil,
                        reviewed: String? = nil) -> TestLog {
        var log = TestLog()
        if let coverFrom { log.clockIn("X", at: coverFrom) }
        for (index, (employee, period, score)) in scores.enumerated() {
            log.review(employee, period: period, score: score, at: reviewed ?? "2026-04-0\(index % 9 + 1) 10:00")
        }
        if let to { log.clockIn("X", at: to) }
        return log
    }

    static func verdicts(_ log: TestLog, _ rule: String) throws -> [Verdict] {
        try log.evaluate(StandardPolicy.make()).verdicts.filter { $0.rule == rule }
    }

    @Test func theBestScoreOfTheMonthIsAwardedAndTiesShare() throws {
        let log = Self.reviews([("E1", "2026-03", 95), ("E2", "2026-03", 97), ("E3", "2026-03", 97), ("E4", "2026-04", 89)])
        let awards = try Self.verdicts(log, "review.monthly-award")
        expectVerdicts(awards, [
            ExpectedVerdict("review.monthly-award", "awarded", employee: "E2", subject: "2026-03", value: 97, evidence: [1, 2, 3]),
            ExpectedVerdict("review.monthly-award", "awarded", employee: "E3", subject: "2026-03", value: 97),
        ])
        #expect(awards.first?.time == (try log.instant("2026-04-03 10:00")))
        #expect(awards.first?.amount == nil)
    }

    @Test("The award threshold is inclusive", arguments: [(TestValue.number("90"), true), (.number("89.99"), false)])
    func threshold(score: TestValue, awarded: Bool) throws {
        #expect(try Self.verdicts(Self.reviews([("E1", "2026-03", score)]), "review.monthly-award").count == (awarded ? 1 : 0))
    }

    @Test func theLatestScoreOfAPersonAndMonthCounts() throws {
        var log = TestLog()
        log.review("E1", period: "2026-03", score: 99, at: "2026-04-01 10:00")
        log.review("E2", period: "2026-03", score: 95, at: "2026-04-01 11:00")
        log.review("E1", period: "2026-03", score: 91, at: "2026-04-02 10:00")
        expectVerdicts(try Self.verdicts(log, "review.monthly-award"),
                       [ExpectedVerdict("review.monthly-award", "awarded", employee: "E2", subject: "2026-03")])
    }

    @Test("Quarterly awards need the log to cover the whole quarter", arguments: [
        ("2026-01-01 00:00", "2026-04-01 00:00", true), ("2026-01-01 00:00:01", "2026-04-01 00:00", false),
        ("2026-01-01 00:00", "2026-03-31 23:59", false),
    ])
    func quarterCoverage(from: String, to: String, awarded: Bool) throws {
        let log = Self.reviews([("E1", "2026-01", 90), ("E1", "2026-02", 91), ("E1", "2026-03", 92), ("E2", "2026-01", 95)],
                               coverFrom: from, to: to, reviewed: "2026-03-31 12:00")
        let awards = try Self.verdicts(log, "review.quarterly-award")
        // E2's mean over the one month scored (95) beats E1's mean of 91.
        expectVerdicts(awards, awarded ? [ExpectedVerdict("review.quarterly-award", "awarded", employee: "E2",
                                                          subject: "2026-Q1", value: 95)] : [])
    }

    @Test("A failed review means an interview; failing again, no improvement", arguments: [
        ([("2026-02", TestValue.number("59")), ("2026-03", .number("58"))], ["interview", "no-improvement"]),
        ([("2026-02", .number("60")), ("2026-03", .number("59.5"))], ["interview"]),
        ([("2026-01", .number("50")), ("2026-03", .number("50"))], ["interview", "interview"]),
    ])
    func underperformance(scores: [(String, TestValue)], outcomes: [String]) throws {
        let log = Self.reviews(scores.map { ("E1", $0.0, $0.1) })
        #expect(try Self.verdicts(log, "review.underperformance").map(\.outcome) == outcomes)
    }

    @Test func noImprovementCountsTowardsDiscipline() throws {
        let log = Self.reviews([("E1", "2026-02", 40), ("E1", "2026-03", 40)])
        expectVerdicts(try Self.verdicts(log, "discipline.escalation"),
                       [ExpectedVerdict("discipline.escalation", "warning", employee: "E1", subject: "2026-03")])
    }

    @Test func awardAmountsAreParameters() throws {
        var reviews = ReviewParameters()
        reviews.monthlyAwardAmount = 500
        let verdicts = try Self.reviews([("E1", "2026-03", 95)]).evaluate(StandardPolicy.make(reviews: reviews)).verdicts
        #expect(verdicts.first { $0.rule == "review.monthly-award" }?.amount == 500)
    }
}
