/// A strict, allocation-light reader of one JSON object per line.
///
/// Event logs are flat objects, so only top-level members are materialised; nested
/// objects and arrays are checked for well-formedness and skipped. Nesting deeper
/// than ``maximumDepth`` is rejected, so hostile input cannot exhaust the stack.
struct JSONObjectScanner {
    /// A top-level member's value.
    enum Value: Equatable {
        case string(String)
        /// The number's text, already checked against JSON's number grammar.
        case number(String)
        case boolean(Bool)
        case null
        /// A nested object or array: present, but not a scalar.
        case composite
    }

    struct Failure: Error, Equatable {
        /// The 1-based byte column where reading stopped.
        var column: Int
        var message: String
    }

    static let maximumDepth = 64

    private let bytes: UnsafeBufferPointer<UInt8>
    private var index = 0

    private init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    /// Reads `bytes` as one JSON object and returns its members in order.
    static func members(of bytes: UnsafeBufferPointer<UInt8>) throws(Failure) -> [(key: String, value: Value)] {
        var scanner = JSONObjectScanner(bytes)
        return try scanner.object()
    }

    private mutating func object() throws(Failure) -> [(key: String, value: Value)] {
        skipWhitespace()
        guard peek() == UInt8(ascii: "{") else { throw fail("expected a JSON object starting with '{'") }
        index += 1
        var members: [(key: String, value: Value)] = []
        members.reserveCapacity(8)  // an event has a handful of members: grow once, not three times
        skipWhitespace()
        if peek() == UInt8(ascii: "}") {
            index += 1
        } else {
            while true {
                skipWhitespace()
                guard peek() == UInt8(ascii: "\"") else { throw fail("expected a member name in double quotes") }
                let key = try string()
                skipWhitespace()
                guard peek() == UInt8(ascii: ":") else { throw fail("expected ':' after member name") }
                index += 1
                skipWhitespace()
                let value = try value(depth: 1)
                members.append((key, value))
                skipWhitespace()
                switch peek() {
                case UInt8(ascii: ","): index += 1
                case UInt8(ascii: "}"): index += 1
                default: throw fail("expected ',' or '}' after a member")
                }
                if bytes[index - 1] == UInt8(ascii: "}") { break }
            }
        }
        skipWhitespace()
        guard index == bytes.count else { throw fail("unexpected text after the object") }
        return members
    }

    private mutating func value(depth: Int) throws(Failure) -> Value {
        guard let byte = peek() else { throw fail("expected a value") }
        switch byte {
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            try skipComposite(depth: depth)
            return .composite
        case UInt8(ascii: "t"): try literal("true"); return .boolean(true)
        case UInt8(ascii: "f"): try literal("false"); return .boolean(false)
        case UInt8(ascii: "n"): try literal("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try number())
        default: throw fail("expected a value (string, number, true, false, null, object or array)")
        }
    }

    private mutating func skipComposite(depth: Int) throws(Failure) {
        guard depth <= Self.maximumDepth else { throw fail("nesting deeper than \(Self.maximumDepth) levels") }
        let isObject = bytes[index] == UInt8(ascii: "{")
        let close = isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")
        index += 1
        skipWhitespace()
        if peek() == close { index += 1; return }
        while true {
            skipWhitespace()
            if isObject {
                guard peek() == UInt8(ascii: "\"") else { throw fail("expected a member name in double quotes") }
                _ = try string()
                skipWhitespace()
                guard peek() == UInt8(ascii: ":") else { throw fail("expected ':' after member name") }
                index += 1
                skipWhitespace()
            }
            if let byte = peek(), byte == UInt8(ascii: "{") || byte == UInt8(ascii: "[") {
                try skipComposite(depth: depth + 1)
            } else {
                _ = try value(depth: depth + 1)
            }
            skipWhitespace()
            guard let next = peek() else { throw fail("unterminated \(isObject ? "object" : "array")") }
            index += 1
            if next == close { return }
            guard next == UInt8(ascii: ",") else { throw fail("expected ',' or '\(Character(Unicode.Scalar(close)))'") }
        }
    }

    private mutating func literal(_ word: String) throws(Failure) {
        let utf8 = Array(word.utf8)
        guard bytes.count - index >= utf8.count else { throw fail("expected '\(word)'") }
        for offset in 0..<utf8.count where bytes[index + offset] != utf8[offset] {
            throw fail("expected '\(word)'")
        }
        index += utf8.count
    }

    private mutating func number() throws(Failure) -> String {
        let start = index
        if peek() == UInt8(ascii: "-") { index += 1 }
        guard let first = peek(), isDigit(first) else { throw fail("expected a digit") }
        index += 1
        if first != UInt8(ascii: "0") { while let b = peek(), isDigit(b) { index += 1 } }
        if peek() == UInt8(ascii: ".") {
            index += 1
            guard let b = peek(), isDigit(b) else { throw fail("expected a digit after '.'") }
            while let b = peek(), isDigit(b) { index += 1 }
        }
        if let e = peek(), e == UInt8(ascii: "e") || e == UInt8(ascii: "E") {
            index += 1
            if let s = peek(), s == UInt8(ascii: "+") || s == UInt8(ascii: "-") { index += 1 }
            guard let b = peek(), isDigit(b) else { throw fail("expected a digit in the exponent") }
            while let b = peek(), isDigit(b) { index += 1 }
        }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
    }

    private mutating func string() throws(Failure) -> String {
        index += 1  // opening quote
        let start = index
        // Fast path: no escapes.
        while let byte = peek() {
            if byte == UInt8(ascii: "\"") {
                let slice = UnsafeBufferPointer(rebasing: bytes[start..<index])
                index += 1
                return try validUTF8(slice, at: start)
            }
            if byte == UInt8(ascii: "\\") { break }
            if byte < 0x20 { throw fail("control character in a string") }
            index += 1
        }
        var scalars: [UInt8] = Array(UnsafeBufferPointer(rebasing: bytes[start..<index]))
        while let byte = peek() {
            switch byte {
            case UInt8(ascii: "\""):
                index += 1
                return try scalars.withUnsafeBufferPointer { buffer throws(Failure) in try validUTF8(buffer, at: start) }
            case UInt8(ascii: "\\"):
                index += 1
                guard let escaped = peek() else { throw fail("unterminated escape") }
                index += 1
                switch escaped {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): scalars.append(escaped)
                case UInt8(ascii: "b"): scalars.append(0x08)
                case UInt8(ascii: "f"): scalars.append(0x0C)
                case UInt8(ascii: "n"): scalars.append(0x0A)
                case UInt8(ascii: "r"): scalars.append(0x0D)
                case UInt8(ascii: "t"): scalars.append(0x09)
                case UInt8(ascii: "u"):
                    var code = try hex4()
                    if (0xD800...0xDBFF).contains(code) {
                        guard peek() == UInt8(ascii: "\\") else { throw fail("unpaired surrogate in \\u escape") }
                        index += 1
                        guard peek() == UInt8(ascii: "u") else { throw fail("unpaired surrogate in \\u escape") }
                        index += 1
                        let low = try hex4()
                        guard (0xDC00...0xDFFF).contains(low) else { throw fail("unpaired surrogate in \\u escape") }
                        code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                    } else if (0xDC00...0xDFFF).contains(code) {
                        throw fail("unpaired surrogate in \\u escape")
                    }
                    guard let scalar = Unicode.Scalar(code) else { throw fail("invalid \\u escape") }
                    scalars.append(contentsOf: Array(String(Character(scalar)).utf8))
                default:
                    throw fail("invalid escape '\\\(Character(Unicode.Scalar(escaped)))'")
                }
            default:
                if byte < 0x20 { throw fail("control character in a string") }
                scalars.append(byte)
                index += 1
            }
        }
        throw fail("unterminated string")
    }

    private mutating func hex4() throws(Failure) -> UInt32 {
        guard bytes.count - index >= 4 else { throw fail("expected four hex digits after \\u") }
        var code: UInt32 = 0
        for _ in 0..<4 {
            let b = bytes[index]
            let digit: UInt32
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(b - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(b - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(b - UInt8(ascii: "A") + 10)
            default: throw fail("expected four hex digits after \\u")
            }
            code = code << 4 | digit
            index += 1
        }
        return code
    }

    private func validUTF8(_ buffer: UnsafeBufferPointer<UInt8>, at start: Int) throws(Failure) -> String {
        // `String(validating:)` is not specialised and dominated reading; decoding is,
        // and it repairs bad UTF-8 with U+FFFD, so a string that differs from its
        // bytes was invalid. ASCII, the usual case, cannot be.
        let string = String(decoding: buffer, as: UTF8.self)
        if !buffer.allSatisfy({ $0 < 0x80 }), !string.utf8.elementsEqual(buffer) {
            throw Failure(column: start + 1, message: "invalid UTF-8 in a string")
        }
        return string
    }

    private func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    private func peek() -> UInt8? { index < bytes.count ? bytes[index] : nil }

    private mutating func skipWhitespace() {
        while let byte = peek(), byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D { index += 1 }
    }

    private func fail(_ message: String) -> Failure { Failure(column: index + 1, message: message) }
}
