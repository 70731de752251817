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
    /// The named parameters its rules were built with, in order, so a report can
    /// say which values were in force (`absenceThreshold = 30m`).
    public var parameters: [Parameter]

    /// A named parameter and its value, as text.
    ///
    /// ```swift
    /// Policy.Parameter("absenceThreshold", "30m")
    /// ```
    public struct Parameter: Equatable, Hashable, Sendable {
        /// The parameter's name, e.g. `absenceThreshold`.
        public var name: String
        /// Its value, e.g. `30m`.
        public var value: String

        /// Creates a parameter.
        ///
        /// ```swift
        /// Policy.Parameter("swapsPerMonth", "3")
        /// ```
        public init(_ name: String, _ value: String) {
            self.name = name
            self.value = value
        }
    }

    /// Creates a policy.
    ///
    /// ```swift
    /// let policy = Policy(name: "desk", schema: schema, rules: [reply], timeZone: "Asia/Taipei")
    /// ```
    public init(
        name: String, schema: EventSchema, rules: [Rule], timeZone: String = "Asia/Shanghai", parameters: [Parameter] = []
    ) {
        self.name = name
        self.schema = schema
        self.rules = rules
        self.timeZone = timeZone
        self.parameters = parameters
    }
}
