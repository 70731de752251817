extension JSONNode {
    /// The node as one line of JSON: `{"limit": 3, "per": "month"}`.
    public var compactText: String {
        var text = ""
        writeCompact(to: &text)
        return text
    }

    /// The node as a rule file lays it out: two spaces of indentation, and any array
    /// or object that fits in `width` columns on one line.
    ///
    /// The layout depends only on the node, so the same rules always give the same bytes.
    ///
    /// ```swift
    /// print(try RuleFileEncoder().encode(rule).prettyText())
    /// ```
    public func prettyText(width: Int = 100) -> String {
        var text = ""
        writePretty(to: &text, indent: 0, width: width)
        text += "\n"
        return text
    }

    private func writeCompact(to text: inout String) {
        switch value {
        case .null: text += "null"
        case .bool(let flag): text += flag ? "true" : "false"
        case .number(let number): text += number
        case .string(let string): text += JSONString.quoted(string)
        case .array(let elements):
            text += "["
            for (offset, element) in elements.enumerated() {
                if offset > 0 { text += ", " }
                element.writeCompact(to: &text)
            }
            text += "]"
        case .object(let members):
            text += "{"
            for (offset, member) in members.enumerated() {
                if offset > 0 { text += ", " }
                text += JSONString.quoted(member.key) + ": "
                member.value.writeCompact(to: &text)
            }
            text += "}"
        }
    }

    /// `prefix` is what precedes the node on its line (a key), so the fit is judged
    /// on the whole line.
    private func writePretty(to text: inout String, indent: Int, width: Int, prefix: Int = 0) {
        let compact = compactText
        let fits = indent + prefix + compact.count + 1 <= width
        let padding = String(repeating: " ", count: indent + 2)
        switch value {
        case .array(let elements) where !fits && !elements.isEmpty:
            text += "[\n"
            for (offset, element) in elements.enumerated() {
                text += padding
                element.writePretty(to: &text, indent: indent + 2, width: width)
                text += offset == elements.count - 1 ? "\n" : ",\n"
            }
            text += String(repeating: " ", count: indent) + "]"
        case .object(let members) where !fits && !members.isEmpty:
            text += "{\n"
            for (offset, member) in members.enumerated() {
                let key = JSONString.quoted(member.key) + ": "
                text += padding + key
                member.value.writePretty(to: &text, indent: indent + 2, width: width, prefix: key.count)
                text += offset == members.count - 1 ? "\n" : ",\n"
            }
            text += String(repeating: " ", count: indent) + "}"
        default:
            text += compact
        }
    }
}
