/// Writes verdicts as JSON Lines in the field order of the verdict format.
///
/// ```swift
/// let encoder = VerdictEncoder(calendar: calendar, language: .en)
/// encoder.line(for: verdict)
/// // {"rule":"attendance.absence","outcome":"absent","employee":"E001",...}
/// ```
public struct VerdictEncoder: Sendable {
    /// The calendar whose zone verdict times are written in.
    public var calendar: PolicyCalendar
    /// The language of messages.
    public var language: Language

    /// Creates an encoder.
    public init(calendar: PolicyCalendar, language: Language = .en) {
        self.calendar = calendar
        self.language = language
    }

    /// One verdict as a JSON object on one line, without the line end.
    public func line(for verdict: Verdict) -> String {
        var out = "{"
        func member(_ name: String, _ value: String) {
            if out.count > 1 { out += "," }
            out += "\"" + name + "\":" + value
        }
        member("rule", JSONString.quoted(verdict.rule))
        member("outcome", JSONString.quoted(verdict.outcome))
        if let employee = verdict.employee { member("employee", JSONString.quoted(employee)) }
        member("subject", JSONString.quoted(verdict.subject))
        member("time", JSONString.quoted(calendar.format(verdict.time)))
        member("reason", JSONString.quoted(verdict.reason))
        member("message", JSONString.quoted(verdict.message(in: language)))
        member("evidence", "[" + verdict.evidence.map(String.init).joined(separator: ",") + "]")
        member("source", JSONString.quoted(verdict.source))
        if let value = verdict.value { member("value", value.plainText) }
        if let amount = verdict.amount { member("amount", amount.plainText) }
        return out + "}"
    }
}
