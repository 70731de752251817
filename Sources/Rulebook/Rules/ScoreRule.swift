import Foundation

/// Judges monthly scores: the latest score of each person and month counts.
///
/// ```swift
/// // The best score of each month, if at least 90; ties share the award.
/// ScoreRule(ScoreRecords(EventSelector("review.scored"), person: "employee", month: "period", score: "score"),
///           .best(per: .month, atLeast: 90, amount: nil, outcome: "awarded", reason: "best-score", message: ...))
/// ```
public struct ScoreRule: Codable, Equatable, Hashable, Sendable {
    /// What is judged.
    public enum Judgement: Codable, Equatable, Hashable, Sendable {
        /// The best of each period gets a verdict, if at least `atLeast`; ties share
        /// it. Over a month the score is the month's; over longer periods it is the
        /// person's mean monthly score, exact, for periods the log covers fully.
        case best(per: CalendarUnit, atLeast: Decimal, amount: Decimal?, outcome: String, reason: String, message: Message)
        /// Each score below `passMark` gets a verdict; `repeated` applies instead when
        /// the person's previous calendar month also fell below it.
        case below(Decimal, first: ScoreOutcome, repeated: ScoreOutcome)
    }

    /// Where the scores come from.
    public var records: ScoreRecords
    /// What is judged.
    public var judgement: Judgement

    /// Creates a score rule.
    public init(_ records: ScoreRecords, _ judgement: Judgement) {
        self.records = records
        self.judgement = judgement
    }
}

/// One outcome of a score rule.
public struct ScoreOutcome: Codable, Equatable, Hashable, Sendable {
    /// The outcome, e.g. `interview`.
    public var outcome: String
    /// The reason code.
    public var reason: String
    /// The message; `{value}` is the score, `{limit}` the pass mark.
    public var message: Message

    /// Creates a score outcome.
    public init(_ outcome: String, reason: String, message: Message) {
        self.outcome = outcome
        self.reason = reason
        self.message = message
    }
}

/// Monthly scores carried by events: who, which month (`YYYY-MM`) and the score.
public struct ScoreRecords: Codable, Equatable, Hashable, Sendable {
    /// The scoring events.
    public var events: EventSelector
    /// The field naming the person.
    public var person: String
    /// The field naming the month, `YYYY-MM`.
    public var month: String
    /// The numeric field holding the score.
    public var score: String

    /// Creates score records.
    public init(_ events: EventSelector, person: String, month: String, score: String) {
        self.events = events
        self.person = person
        self.month = month
        self.score = score
    }
}
