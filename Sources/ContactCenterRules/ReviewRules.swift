import Foundation
import Rulebook

/// The review, reward and underperformance rules of `callcenter`, `presales` and
/// `order-taker`, over monthly `review.scored` events (the latest score of a person
/// and month counts).
///
/// ```swift
/// ReviewRules.rules(ReviewParameters()).map(\.id)
/// // ["review.monthly-award", "review.quarterly-award", "review.annual-award", "review.underperformance"]
/// ```
public enum ReviewRules {
    /// The rule ids.
    ///
    /// ```swift
    /// verdict.rule == ReviewRules.ID.underperformance   // "review.underperformance"
    /// ```
    public enum ID {
        /// The best score of the month.
        public static let monthlyAward = "review.monthly-award"
        /// The best mean monthly score of a fully covered quarter.
        public static let quarterlyAward = "review.quarterly-award"
        /// The best mean monthly score of a fully covered year.
        public static let annualAward = "review.annual-award"
        /// A failed review: an interview, or no improvement after a failed month.
        public static let underperformance = "review.underperformance"
    }

    static let scores = ScoreRecords(EventSelector("review.scored"), person: "employee", month: "period", score: "score")

    /// The four review rules with the given parameters.
    ///
    /// ```swift
    /// var reviews = ReviewParameters()
    /// reviews.awardThreshold = 95
    /// let rules = ReviewRules.rules(reviews)
    /// ```
    public static func rules(_ parameters: ReviewParameters = .init()) -> [Rule] {
        [
            award(ID.monthlyAward, "Monthly outstanding agent", per: .month, amount: parameters.monthlyAwardAmount,
                  parameters, en: "the month", zh: "月度"),
            award(ID.quarterlyAward, "Quarterly outstanding agent", per: .quarter, amount: parameters.quarterlyAwardAmount,
                  parameters, en: "the quarter", zh: "季度"),
            award(ID.annualAward, "Annual outstanding agent", per: .year, amount: parameters.annualAwardAmount,
                  parameters, en: "the year", zh: "年度"),
            Rule(id: ID.underperformance, title: "Failing a review", clause: HandbookClauses.underperformance,
                 .scores(ScoreRule(scores, .below(
                    parameters.passMark,
                    first: ScoreOutcome("interview", reason: "below-pass-mark", message: Message(
                        en: "{employee} scored {value} in the {subject} review, below the pass mark of {limit}: a performance interview is due.",
                        zh: "{employee} 在 {subject} 考核得分 {value}, 低於合格線 {limit}, 進行績效面談。")),
                    repeated: ScoreOutcome("no-improvement", reason: "failed-again", message: Message(
                        en: "{employee} scored {value} in the {subject} review, below the pass mark of {limit} again after failing the month before: no improvement, to be handled under company rules.",
                        zh: "{employee} 在 {subject} 考核得分 {value}, 連續兩月低於合格線 {limit}, 仍無改進, 按照公司相關規定進行處理。")))))),
        ]
    }

    private static func award(
        _ id: String, _ title: String, per unit: CalendarUnit, amount: Decimal?, _ parameters: ReviewParameters,
        en period: String, zh periodZh: String
    ) -> Rule {
        let score = unit == .month ? "score" : "mean monthly score"
        let scoreZh = unit == .month ? "得分" : "月均得分"
        return Rule(id: id, title: title, clause: HandbookClauses.award,
                    .scores(ScoreRule(scores, .best(
                        per: unit, atLeast: parameters.awardThreshold, amount: amount, outcome: "awarded",
                        reason: "best-\(score.replacingOccurrences(of: " ", with: "-"))",
                        message: Message(
                            en: "{employee} has the best \(score) of \(period) {subject} ({value}, at least {limit}) and is awarded outstanding agent.",
                            zh: "{employee} 以{scoreZh} {value} 獲評 {subject} \(periodZh)優秀客服 (不低於 {limit})。"
                                .replacingOccurrences(of: "{scoreZh}", with: scoreZh))))))
    }
}
