/// Counts events or verdicts per person in a window, and gives a verdict when the
/// count passes a limit.
///
/// ```swift
/// // At most 2 early leaves per ISO week: the 3rd and later get a verdict.
/// CountRule(.verdicts(rules: ["attendance.early-leave"]), per: .calendar(.isoWeek), limit: 2, ...)
/// ```
public struct CountRule: Codable, Equatable, Hashable, Sendable {
    /// What is counted.
    ///
    /// ```swift
    /// CountRule.Input.events(EventSelector("swap.approved"), person: "employee", subject: "swap")
    /// ```
    public enum Input: Codable, Equatable, Hashable, Sendable {
        /// Events, per the person in `person`; `subject` names the field used as the
        /// verdict's subject (the event's type when `nil`).
        case events(EventSelector, person: String, subject: String?)
        /// Verdicts of other rules (optionally only some outcomes), per employee.
        case verdicts(rules: [String], outcomes: [String]? = nil)
    }

    /// Which counted items get a verdict.
    ///
    /// ```swift
    /// CountRule(.verdicts(rules: ["attendance.late"]), per: .calendar(.month), limit: 3, trigger: .everyLimitth,
    ///           outcome: "absent", reason: "three-lates", message: message)
    /// ```
    public enum Trigger: String, Codable, Sendable, CaseIterable {
        /// Every item after the `limit`-th in its window.
        case eachBeyondLimit = "each-beyond-limit"
        /// Every `limit`-th item in its window (3 lates make one absence).
        case everyLimitth = "every-limit-th"
    }

    /// What is counted.
    public var input: Input
    /// The window items are counted in.
    public var window: Window
    /// The limit.
    public var limit: Int
    /// Which items get a verdict.
    public var trigger: Trigger
    /// The verdict's outcome.
    public var outcome: String
    /// The verdict's reason.
    public var reason: String
    /// The verdict's message; `{value}` is the count, `{limit}` the limit.
    public var message: Message

    /// Creates a count rule.
    ///
    /// ```swift
    /// CountRule(.verdicts(rules: ["attendance.early-leave"]), per: .calendar(.isoWeek), limit: 2,
    ///           outcome: "too-many-early-leaves", reason: "early-leave-limit", message: message)
    /// ```
    public init(
        _ input: Input, per window: Window, limit: Int, trigger: Trigger = .eachBeyondLimit,
        outcome: String, reason: String, message: Message
    ) {
        self.input = input
        self.window = window
        self.limit = limit
        self.trigger = trigger
        self.outcome = outcome
        self.reason = reason
        self.message = message
    }
}

extension CountRule {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: RuleFileKey.self)
        container.expectOnly(["counts", "per", "limit", "trigger", "outcome", "reason", "message"], decoder)
        input = try container.decode(Input.self, forKey: "counts")
        window = try container.decode(Window.self, forKey: "per")
        limit = try container.decode(Int.self, forKey: "limit")
        trigger = try container.contains("trigger") ? container.choice(Trigger.self, "trigger") : .eachBeyondLimit
        (outcome, reason, message) = try container.verdictWording()
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: RuleFileKey.self)
        try container.encode(input, forKey: "counts")
        try container.encode(window, forKey: "per")
        try container.encode(limit, forKey: "limit")
        try container.encode(trigger, forKey: "trigger", unless: .eachBeyondLimit)
        try container.encode(outcome: outcome, reason: reason, message: message)
    }
}

extension CountRule.Input {
    /// `{"verdicts": ["attendance.late"], "outcomes": [...]}` or
    /// `{"events": "clock.in", "person": "employee", "subject": "shift"}`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: RuleFileKey.self)
        switch try container.oneKey(of: ["verdicts", "events"], what: "what is counted") {
        case "verdicts":
            container.expectOnly(["verdicts", "outcomes"], decoder)
            self = .verdicts(rules: try container.decode([String].self, forKey: "verdicts"),
                             outcomes: try container.decodeIfPresent([String].self, forKey: "outcomes"))
        default:
            container.expectOnly(["events", "person", "subject"], decoder)
            let events = try container.decode(EventSelector.self, forKey: "events")
            self = .events(events, person: try container.field("person", of: events, decoder),
                           subject: try container.fieldIfPresent("subject", of: events, decoder))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: RuleFileKey.self)
        switch self {
        case .verdicts(let rules, let outcomes):
            try container.encode(rules, forKey: "verdicts")
            try container.encodeIfPresent(outcomes, forKey: "outcomes")
        case .events(let events, let person, let subject):
            try container.encode(events, forKey: "events")
            try container.encode(person, forKey: "person")
            try container.encodeIfPresent(subject, forKey: "subject")
        }
    }
}
