/// Locates the members of a plain, flat JSON object in a line's bytes, without
/// copying them.
///
/// Almost every line of a log is such an object: ASCII names and strings without
/// escapes, integers, booleans and nulls. The reader takes this path first and turns
/// members into fields straight from the bytes; anything else (an escape, non-ASCII
/// text, a fraction, a nested value, a syntax error) makes ``scan(_:into:)`` give up,
/// and the line is read again by ``JSONObjectScanner``, which handles all of JSON and
/// says what is wrong.
struct FlatObjectScanner {
    /// One member: where its name and value lie in the line.
    struct Member {
        enum Kind: Equatable {
            case string, integer, boolean(Bool), null
        }

        /// The name's bytes, without quotes.
        var key: Range<Int>
        var kind: Kind
        /// The value's bytes, without quotes for a string.
        var value: Range<Int>
    }

    private let bytes: UnsafeBufferPointer<UInt8>
    private var index = 0

    private init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    /// Fills `members` with the members of `bytes`, in order; false if the line is not
    /// a plain flat object, and must be read by the full reader.
    static func scan(_ bytes: UnsafeBufferPointer<UInt8>, into members: inout [Member]) -> Bool {
        members.removeAll(keepingCapacity: true)
        var scanner = FlatObjectScanner(bytes)
        return scanner.object(into: &members)
    }

    private mutating func object(into members: inout [Member]) -> Bool {
        skipWhitespace()
        guard take(UInt8(ascii: "{")) else { return false }
        skipWhitespace()
        if !take(UInt8(ascii: "}")) {
            while true {
                skipWhitespace()
                guard let key = string() else { return false }
                skipWhitespace()
                guard take(UInt8(ascii: ":")) else { return false }
                skipWhitespace()
                guard let (kind, value) = value() else { return false }
                members.append(Member(key: key, kind: kind, value: value))
                skipWhitespace()
                if take(UInt8(ascii: "}")) { break }
                guard take(UInt8(ascii: ",")) else { return false }
            }
        }
        skipWhitespace()
        return index == bytes.count
    }

    private mutating func value() -> (Member.Kind, Range<Int>)? {
        guard index < bytes.count else { return nil }
        let start = index
        switch bytes[index] {
        case UInt8(ascii: "\""):
            return string().map { (.string, $0) }
        case UInt8(ascii: "t"):
            return literal("true") ? (.boolean(true), start..<index) : nil
        case UInt8(ascii: "f"):
            return literal("false") ? (.boolean(false), start..<index) : nil
        case UInt8(ascii: "n"):
            return literal("null") ? (.null, start..<index) : nil
        default:
            return integer().map { (.integer, $0) }
        }
    }

    /// An ASCII string without escapes or control characters.
    private mutating func string() -> Range<Int>? {
        guard take(UInt8(ascii: "\"")), let base = bytes.baseAddress else { return nil }
        let start = index
        // Eight bytes at a time while none of them is special: a quote, a backslash, a
        // control character or a byte of non-ASCII text. Each test marks the special
        // bytes exactly up to the first one (past it a borrow can mark others), so the
        // lowest mark is the first special byte.
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        let raw = UnsafeRawPointer(base)
        while index + 8 <= bytes.count {
            let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: index, as: UInt64.self))
            let quotes = word ^ (ones &* 0x22), backslashes = word ^ (ones &* 0x5C)
            var special = (quotes &- ones) & ~quotes | (backslashes &- ones) & ~backslashes
            special |= (word &- ones &* 0x20) & ~word
            special = (special | word) & highs
            guard special != 0 else {
                index += 8
                continue
            }
            index += special.trailingZeroBitCount >> 3
            guard bytes[index] == UInt8(ascii: "\"") else { return nil }
            index += 1
            return start..<(index - 1)
        }
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                index += 1
                return start..<(index - 1)
            }
            guard byte >= 0x20, byte < 0x80, byte != UInt8(ascii: "\\") else { return nil }
            index += 1
        }
        return nil
    }

    /// `-?(0|[1-9][0-9]*)`, with no fraction or exponent, of at most 18 digits.
    private mutating func integer() -> Range<Int>? {
        let start = index
        _ = take(UInt8(ascii: "-"))
        let digits = index
        while index < bytes.count, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") { index += 1 }
        let count = index - digits
        guard count > 0, count <= 18, count == 1 || bytes[digits] != UInt8(ascii: "0") else { return nil }
        if index < bytes.count,
           bytes[index] == UInt8(ascii: ".") || bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            return nil
        }
        return start..<index
    }

    private mutating func literal(_ word: StaticString) -> Bool {
        let count = word.utf8CodeUnitCount
        guard bytes.count - index >= count else { return false }
        let utf8 = UnsafeBufferPointer(start: word.utf8Start, count: count)
        for offset in 0..<count where bytes[index + offset] != utf8[offset] { return false }
        index += count
        return true
    }

    private mutating func take(_ byte: UInt8) -> Bool {
        guard index < bytes.count, bytes[index] == byte else { return false }
        index += 1
        return true
    }

    private mutating func skipWhitespace() {
        while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x09 || bytes[index] == 0x0A || bytes[index] == 0x0D {
            index += 1
        }
    }
}
