/// A set of rules, the events they read and the time zone their calendar is in.
///
/// ```swift
/// let policy = Policy(name: "attendance", schema: schema, rules: [late, absence])
/// let report = try policy.evaluate(contentsOf: URL(fileURLWithPath: "week.jsonl"))
/// ```
public struct Policy: Equatable, Sendable {
    /// A name for summaries.
    public var name: String
    /// The event types the policy reads.
    public var schema: EventSchema
    /// The rules, in the order their verdicts are reported on ties.
    public var rules: [Rule]
    /// The IANA time zone of its calendar periods, e.g. `Asia/Shanghai`.
    public var timeZone: String

    /// Creates a policy.
    public init(name: String, schema: EventSchema, rules: [Rule], timeZone: String = "Asia/Shanghai") {
        self.name = name
        self.schema = schema
        self.rules = rules
        self.timeZone = timeZone
    }
}
