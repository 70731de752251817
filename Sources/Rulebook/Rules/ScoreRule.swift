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
    ///
    /// ```swift
    /// ScoreRule.Judgement.below(60, first: ScoreOutcome("interview", reason: "below-pass-mark", message: first),
    ///                           repeated: ScoreOutcome("no-improvement", reason: "below-pass-mark-again", message: again))
    /// ```
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
    ///
    /// ```swift
    /// ScoreRule(records, .best(per: .quarter, atLeast: 90, amount: nil, outcome: "awarded", reason: "best-mean-score", message: message))
    /// ```
    public init(_ records: ScoreRecords, _ judgement: Judgement) {
        self.records = records
        self.judgement = judgement
    }
}

/// One outcome of a score rule.
///
/// ```swift
/// ScoreOutcome("interview", reason: "below-pass-mark", message: message)
/// ```
public struct ScoreOutcome: Codable, Equatable, Hashable, Sendable {
    /// The outcome, e.g. `interview`.
    public var outcome: String
    /// The reason code.
    public var reason: String
    /// The message; `{value}` is the score, `{limit}` the pass mark.
    public var message: Message

    /// Creates a score outcome.
    ///
    /// ```swift
    /// ScoreOutcome("no-improvement", reason: "below-pass-mark-again", message: message)
    /// ```
    public init(_ outcome: String, reason: String, message: Message) {
        self.outcome = outcome
        self.reason = reason
        self.message = message
    }
}

/// Monthly scores carried by events: who, which month (`YYYY-MM`) and the score.
///
/// ```swift
/// ScoreRecords(EventSelector("review.scored"), person: "employee", month: "period", score: "score")
/// ```
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
    ///
    /// ```swift
    /// ScoreRecords(EventSelector("review.scored"), person: "employee", month: "period", score: "score")
    /// ```
    public init(_ events: EventSelector, person: String, month: String, score: String) {
        self.events = events
        self.person = person
        self.month = month
        self.score = score
    }
}

extension ScoreRule {
    /// The records, and one key naming the judgement: `best` or `below`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: RuleFileKey.self)
        container.expectOnly(["records", "best", "below"], decoder)
        records = try container.decode(ScoreRecords.self, forKey: "records")
        switch try container.oneKey(of: ["best", "below"], what: "a judgement of scores") {
        case "best":
            let best = try container.nestedContainer(keyedBy: RuleFileKey.self, forKey: "best")
            best.expectOnly(["per", "atLeast", "amount", "outcome", "reason", "message"], decoder)
            let wording = try best.verdictWording()
            judgement = .best(
                per: try best.choice(CalendarUnit.self, "per"), atLeast: try best.decode(Decimal.self, forKey: "atLeast"),
                amount: try best.decodeIfPresent(Decimal.self, forKey: "amount"),
                outcome: wording.outcome, reason: wording.reason, message: wording.message)
        default:
            let below = try container.nestedContainer(keyedBy: RuleFileKey.self, forKey: "below")
            below.expectOnly(["passMark", "first", "repeated"], decoder)
            judgement = .below(try below.decode(Decimal.self, forKey: "passMark"),
                               first: try below.decode(ScoreOutcome.self, forKey: "first"),
                               repeated: try below.decode(ScoreOutcome.self, forKey: "repeated"))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: RuleFileKey.self)
        try container.encode(records, forKey: "records")
        switch judgement {
        case .best(let per, let atLeast, let amount, let outcome, let reason, let message):
            var best = container.nestedContainer(keyedBy: RuleFileKey.self, forKey: "best")
            try best.encode(per, forKey: "per")
            try best.encode(atLeast, forKey: "atLeast")
            try best.encodeIfPresent(amount, forKey: "amount")
            try best.encode(outcome: outcome, reason: reason, message: message)
        case .below(let passMark, let first, let repeated):
            var below = container.nestedContainer(keyedBy: RuleFileKey.self, forKey: "below")
            try below.encode(passMark, forKey: "passMark")
            try below.encode(first, forKey: "first")
            try below.encode(repeated, forKey: "repeated")
        }
    }
}

extension ScoreOutcome {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: RuleFileKey.self)
        container.expectOnly(["outcome", "reason", "message"], decoder)
        let wording = try container.verdictWording()
        self.init(wording.outcome, reason: wording.reason, message: wording.message)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: RuleFileKey.self)
        try container.encode(outcome: outcome, reason: reason, message: message)
    }
}

extension ScoreRecords {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: RuleFileKey.self)
        container.expectOnly(["events", "person", "month", "score"], decoder)
        events = try container.decode(EventSelector.self, forKey: "events")
        person = try container.field("person", of: events, decoder)
        month = try container.field("month", of: events, decoder)
        score = try container.field("score", of: events, decoder)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: RuleFileKey.self)
        try container.encode(events, forKey: "events")
        try container.encode(person, forKey: "person")
        try container.encode(month, forKey: "month")
        try container.encode(score, forKey: "score")
    }
}
