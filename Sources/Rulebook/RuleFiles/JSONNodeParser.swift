/// Reads a JSON text into a ``JSONNode``, keeping the line and column of every value
/// and key, and stopping at the first syntax error with its place.
///
/// Duplicate keys in one object are an error: in a rule file the second would
/// silently win. Nesting is limited to ``maximumDepth`` levels, so that hostile input
/// cannot exhaust the stack.
///
/// ```swift
/// let node = try JSONNodeParser.parse(Array(#"{"limit": 3}"#.utf8))
/// node["limit"]?.position   // 1:11
/// ```
public struct JSONNodeParser {
    /// A syntax error and where it is.
    ///
    /// ```swift
    /// do { _ = try JSONNodeParser.parse(Array("{\"a\": }".utf8)) } catch {
    ///     print(error.position, error.message)   // 1:7 expected a value ..., found '}'
    /// }
    /// ```
    public struct Failure: Error, Equatable, Sendable {
        /// Where.
        public var position: SourcePosition
        /// What was found and what was expected.
        public var message: String
    }

    /// The deepest nesting of arrays and objects accepted.
    public static let maximumDepth = 128

    private let bytes: [UInt8]
    private var index = 0
    private var line = 1
    private var lineStart = 0
    /// The column of `columnIndex`, carried forward as reading goes, so that a file
    /// written on one long line is still read in linear time.
    private var columnIndex = 0
    private var column = 1

    private init(_ bytes: [UInt8]) {
        self.bytes = bytes
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            index = 3
            lineStart = 3
        }
    }

    /// Parses a whole JSON text: one value, with only whitespace around it.
    ///
    /// ```swift
    /// let node = try JSONNodeParser.parse(Array(text.utf8))
    /// ```
    public static func parse(_ bytes: [UInt8]) throws(Failure) -> JSONNode {
        var parser = JSONNodeParser(bytes)
        guard String(validating: bytes, as: UTF8.self) != nil else {
            throw Failure(position: SourcePosition(line: 1, column: 1), message: "the file is not valid UTF-8")
        }
        parser.skipWhitespace()
        let node = try parser.value(depth: 1)
        parser.skipWhitespace()
        guard parser.index == bytes.count else { throw parser.fail("expected the end of the file after the value") }
        return node
    }

    private var position: SourcePosition {
        // Columns count characters, not bytes: continuation bytes do not start one.
        var column = 1
        var cursor = lineStart
        while cursor < index {
            if bytes[cursor] & 0xC0 != 0x80 { column += 1 }
            cursor += 1
        }
        return SourcePosition(line: line, column: column)
    }

    /// The position of `index`, counted on from the last one asked for.
    private mutating func here() -> SourcePosition {
        if columnIndex < lineStart {
            columnIndex = lineStart
            column = 1
        }
        while columnIndex < index {
            if bytes[columnIndex] & 0xC0 != 0x80 { column += 1 }
            columnIndex += 1
        }
        return SourcePosition(line: line, column: column)
    }

    private func fail(_ expected: String) -> Failure {
        Failure(position: position, message: expected + ", found " + found)
    }

    private var found: String {
        guard index < bytes.count else { return "the end of the file" }
        let byte = bytes[index]
        if byte < 0x20 { return "a control character" }
        if byte >= 0x80 { return "a non-ASCII character" }
        return "'" + String(UnicodeScalar(byte)) + "'"
    }

    private mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"): index += 1
            case UInt8(ascii: "\n"):
                index += 1
                line += 1
                lineStart = index
            default: return
            }
        }
    }

    private mutating func value(depth: Int) throws(Failure) -> JSONNode {
        let start = here()
        guard index < bytes.count else { throw fail("expected a value") }
        switch bytes[index] {
        case UInt8(ascii: "{"):
            guard depth <= Self.maximumDepth else { throw fail("nesting deeper than \(Self.maximumDepth) levels") }
            return JSONNode(.object(try members(depth: depth)), at: start)
        case UInt8(ascii: "["):
            guard depth <= Self.maximumDepth else { throw fail("nesting deeper than \(Self.maximumDepth) levels") }
            return JSONNode(.array(try elements(depth: depth)), at: start)
        case UInt8(ascii: "\""):
            return JSONNode(.string(try string()), at: start)
        case UInt8(ascii: "t"):
            try literal("true")
            return JSONNode(.bool(true), at: start)
        case UInt8(ascii: "f"):
            try literal("false")
            return JSONNode(.bool(false), at: start)
        case UInt8(ascii: "n"):
            try literal("null")
            return JSONNode(.null, at: start)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return JSONNode(.number(try number()), at: start)
        default:
            throw fail("expected a value (an object, array, string, number, true, false or null)")
        }
    }

    private mutating func members(depth: Int) throws(Failure) -> [JSONNode.Member] {
        index += 1
        var members: [JSONNode.Member] = []
        var keys = Set<String>()
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
            index += 1
            return members
        }
        while true {
            skipWhitespace()
            let keyPosition = here()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { throw fail("expected a key in double quotes") }
            let key = try string()
            guard keys.insert(key).inserted else {
                throw Failure(position: keyPosition, message: "the key '\(key)' appears twice in one object")
            }
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { throw fail("expected ':' after the key '\(key)'") }
            index += 1
            skipWhitespace()
            members.append(JSONNode.Member(key: key, keyPosition: keyPosition, value: try value(depth: depth + 1)))
            skipWhitespace()
            guard index < bytes.count else { throw fail("expected ',' or '}'") }
            if bytes[index] == UInt8(ascii: ",") {
                index += 1
                continue
            }
            guard bytes[index] == UInt8(ascii: "}") else { throw fail("expected ',' or '}' after the value of '\(key)'") }
            index += 1
            return members
        }
    }

    private mutating func elements(depth: Int) throws(Failure) -> [JSONNode] {
        index += 1
        var elements: [JSONNode] = []
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
            index += 1
            return elements
        }
        while true {
            skipWhitespace()
            elements.append(try value(depth: depth + 1))
            skipWhitespace()
            guard index < bytes.count else { throw fail("expected ',' or ']'") }
            if bytes[index] == UInt8(ascii: ",") {
                index += 1
                continue
            }
            guard bytes[index] == UInt8(ascii: "]") else { throw fail("expected ',' or ']' after an array element") }
            index += 1
            return elements
        }
    }

    private mutating func literal(_ word: String) throws(Failure) {
        let expected = Array(word.utf8)
        guard index + expected.count <= bytes.count, Array(bytes[index..<index + expected.count]) == expected else {
            throw fail("expected a value (an object, array, string, number, true, false or null)")
        }
        index += expected.count
    }

    private mutating func number() throws(Failure) -> String {
        let start = index
        func digits() -> Int {
            let first = index
            while index < bytes.count, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") { index += 1 }
            return index - first
        }
        if bytes[index] == UInt8(ascii: "-") { index += 1 }
        let leadingZero = index < bytes.count && bytes[index] == UInt8(ascii: "0")
        let whole = digits()
        guard whole > 0 else { throw fail("expected a digit") }
        guard !(leadingZero && whole > 1) else {
            let literal = String(decoding: bytes[start..<index], as: UTF8.self)
            index = start
            throw Failure(position: position, message: "expected a number without a leading zero, found \(literal)")
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            guard digits() > 0 else { throw fail("expected a digit after the decimal point") }
        }
        if index < bytes.count, bytes[index] | 0x20 == UInt8(ascii: "e") {
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
            guard digits() > 0 else { throw fail("expected a digit in the exponent") }
        }
        return String(decoding: bytes[start..<index], as: UTF8.self)
    }

    private mutating func string() throws(Failure) -> String {
        index += 1
        var scalars = String.UnicodeScalarView()
        var runStart = index
        func flush(_ end: Int) { scalars.append(contentsOf: String(decoding: bytes[runStart..<end], as: UTF8.self).unicodeScalars) }
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\""):
                flush(index)
                index += 1
                return String(scalars)
            case UInt8(ascii: "\\"):
                flush(index)
                index += 1
                guard index < bytes.count else { throw fail("expected an escaped character") }
                let escape = bytes[index]
                index += 1
                switch escape {
                case UInt8(ascii: "\""): scalars.append("\"")
                case UInt8(ascii: "\\"): scalars.append("\\")
                case UInt8(ascii: "/"): scalars.append("/")
                case UInt8(ascii: "b"): scalars.append("\u{08}")
                case UInt8(ascii: "f"): scalars.append("\u{0C}")
                case UInt8(ascii: "n"): scalars.append("\n")
                case UInt8(ascii: "r"): scalars.append("\r")
                case UInt8(ascii: "t"): scalars.append("\t")
                case UInt8(ascii: "u"): scalars.append(try unicodeEscape())
                default:
                    index -= 1
                    throw fail("expected one of \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\u after a backslash")
                }
                runStart = index
            case 0..<0x20:
                throw fail("expected the string to be closed with '\"' (control characters must be escaped)")
            default:
                index += 1
            }
        }
        throw fail("expected the string to be closed with '\"'")
    }

    private mutating func unicodeEscape() throws(Failure) -> Unicode.Scalar {
        let high = try hex4()
        if (0xD800..<0xDC00).contains(high) {
            guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") else {
                throw fail("expected a low surrogate \\uDC00-\\uDFFF after a high surrogate")
            }
            index += 2
            let low = try hex4()
            guard (0xDC00..<0xE000).contains(low),
                  let scalar = Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)) else {
                throw fail("expected a low surrogate \\uDC00-\\uDFFF after a high surrogate")
            }
            return scalar
        }
        guard let scalar = Unicode.Scalar(high) else { throw fail("expected a Unicode scalar, not a lone surrogate") }
        return scalar
    }

    private mutating func hex4() throws(Failure) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard index < bytes.count, let digit = Self.hexValue(bytes[index]) else { throw fail("expected four hex digits after \\u") }
            value = value << 4 | digit
            index += 1
        }
        return value
    }

    private static func hexValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(byte - UInt8(ascii: "A") + 10)
        default: nil
        }
    }
}
