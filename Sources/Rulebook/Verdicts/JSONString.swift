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
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count + 2)
        append(text, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends `text` as a JSON string literal, quotes included, as UTF-8.
    static func append(_ text: String, to bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "\""))
        // A native string's bytes are read in place; going through a substring cost
        // more than escaping the id.
        if text.utf8.withContiguousStorageIfAvailable({ appendEscaped($0, to: &bytes) }) == nil {
            appendEscaped(text[...], to: &bytes)
        }
        bytes.append(UInt8(ascii: "\""))
    }

    /// Appends the inside of `text`'s JSON string literal, without quotes: pieces of a
    /// string written one after another, as a message and the values filling it in.
    static func appendEscaped(_ text: Substring, to bytes: inout [UInt8]) {
        if text.utf8.withContiguousStorageIfAvailable({ appendEscaped($0, to: &bytes) }) != nil { return }
        var copy = String(text)
        copy.withUTF8 { appendEscaped($0, to: &bytes) }
    }

    /// Appends `text` escaped, copying the runs that need no escape whole: most text
    /// has none at all.
    private static func appendEscaped(_ text: UnsafeBufferPointer<UInt8>, to bytes: inout [UInt8]) {
        var start = 0
        for (index, byte) in text.enumerated() where byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[start..<index]))
            start = index + 1
            switch byte {
            case UInt8(ascii: "\""): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
            case UInt8(ascii: "\\"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
            case 0x0A: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
            case 0x0D: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
            case 0x09: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
            default:
                let hex = Array("0123456789abcdef".utf8)
                bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"),
                                          hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]])
            }
        }
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[start...]))
    }
}
