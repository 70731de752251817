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
    public struct Parameter: Equatable, Hashable, Sendable {
        /// The parameter's name, e.g. `absenceThreshold`.
        public var name: String
        /// Its value, e.g. `30m`.
        public var value: String

        /// Creates a parameter.
        public init(_ name: String, _ value: String) {
            self.name = name
            self.value = value
        }
    }

    /// Creates a policy.
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

extension Duration {
    /// The duration written as a person would: `30m`, `2h`, `90s`, `1.5s`.
    public var shortText: String {
        let nanoseconds = self.nanoseconds
        for (unit, size) in [("d", Int64(86_400_000_000_000)), ("h", 3_600_000_000_000), ("m", 60_000_000_000),
                             ("s", 1_000_000_000)] where nanoseconds != 0 && nanoseconds % size == 0 {
            return String(nanoseconds / size) + unit
        }
        if nanoseconds == 0 { return "0s" }
        var fraction = String(nanoseconds % 1_000_000_000 < 0 ? -nanoseconds % 1_000_000_000 : nanoseconds % 1_000_000_000)
        fraction = String(repeating: "0", count: 9 - fraction.count) + fraction
        while fraction.hasSuffix("0") { fraction.removeLast() }
        return String(nanoseconds / 1_000_000_000) + "." + fraction + "s"
    }
}
