/// JSON string literals, escaped as RFC 8259 requires and nothing more, so that
/// Chinese text stays readable in the output.
///
/// ```swift
/// JSONString.quoted("遲到 30 分鐘")   // "\"遲到 30 分鐘\"" (Chinese kept as it is)
/// ```
public enum JSONString {
    /// `text` as a JSON string literal, quotes included.
    ///
    /// ```swift
    /// JSONString.quoted("say \"hi\"")   // "\"say \\\"hi\\\"\""
    /// ```
    public static func quoted(_ text: String) -> String {
        // Most text needs no escape at all.
        if !text.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
            return "\"" + text + "\""
        }
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
