/// Counts events or verdicts per person in a window, and gives a verdict when the
/// count passes a limit.
///
/// ```swift
/// // At most 2 early leaves per ISO week: the 3rd and later get a verdict.
/// CountRule(.verdicts(rules: ["attendance.early-leave"]), per: .calendar(.isoWeek), limit: 2, ...)
/// ```
public struct CountRule: Codable, Equatable, Hashable, Sendable {
    /// What is counted.
    public enum Input: Codable, Equatable, Hashable, Sendable {
        /// Events, per the person in `person`; `subject` names the field used as the
        /// verdict's subject (the event's type when `nil`).
        case events(EventSelector, person: String, subject: String?)
        /// Verdicts of other rules (optionally only some outcomes), per employee.
        case verdicts(rules: [String], outcomes: [String]? = nil)
    }

    /// Which counted items get a verdict.
    public enum Trigger: String, Codable, Sendable {
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
