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
        member("rule", Self.quoted(verdict.rule))
        member("outcome", Self.quoted(verdict.outcome))
        if let employee = verdict.employee { member("employee", Self.quoted(employee)) }
        member("subject", Self.quoted(verdict.subject))
        member("time", Self.quoted(calendar.format(verdict.time)))
        member("reason", Self.quoted(verdict.reason))
        member("message", Self.quoted(verdict.message(in: language)))
        member("evidence", "[" + verdict.evidence.map(String.init).joined(separator: ",") + "]")
        member("source", Self.quoted(verdict.source))
        if let value = verdict.value { member("value", value.plainText) }
        if let amount = verdict.amount { member("amount", amount.plainText) }
        return out + "}"
    }

    /// `text` as a JSON string literal.
    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case let s where s.value < 0x20:
                let hex = String(s.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
