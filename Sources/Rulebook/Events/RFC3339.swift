/// Reads and writes RFC 3339 timestamps exactly, without `DateFormatter`.
///
/// Accepted: `2026-03-02T09:31:00+08:00`, a space or `t` instead of `T`, `Z` or `z`,
/// and any number of fraction digits (nanoseconds are kept, further digits dropped).
/// A time without an offset is rejected, because it names no instant.
///
/// ```swift
/// let instant = try RFC3339.parse("2026-03-02T09:41:00+08:00")
/// RFC3339.format(instant, offsetSeconds: 8 * 3600)   // "2026-03-02T09:41:00+08:00"
/// ```
public enum RFC3339 {
    /// Why a timestamp could not be read.
    ///
    /// ```swift
    /// do { _ = try RFC3339.parse("2026-03-02T09:41:00") } catch {
    ///     print(error)   // a time without an offset (add Z or ±hh:mm)
    /// }
    /// ```
    public enum Failure: Error, Equatable, Sendable, CustomStringConvertible {
        /// The text does not have the shape `YYYY-MM-DDTHH:MM:SS[.fff](Z|±HH:MM)`.
        case malformed(expected: String)
        /// The text has no `Z` or `±HH:MM` offset.
        case missingOffset
        /// A component is outside its range, e.g. month 13 or 31 April.
        case outOfRange(String)

        public var description: String {
            switch self {
            case .malformed(let expected): "expected \(expected)"
            case .missingOffset: "a time without an offset (add Z or ±hh:mm)"
            case .outOfRange(let what): what
            }
        }
    }

    /// Parses the UTF-8 bytes of an RFC 3339 timestamp.
    ///
    /// ```swift
    /// try RFC3339.parse(Array("2026-03-02T09:31:00+08:00".utf8))
    /// // Instant 2026-03-02T01:31:00Z
    /// ```
    public static func parse<Bytes: RandomAccessCollection>(_ bytes: Bytes) throws(Failure) -> Instant
    where Bytes.Element == UInt8, Bytes.Index == Int {
        var cursor = bytes.startIndex
        let end = bytes.endIndex

        func digits(_ count: Int, _ what: String) throws(Failure) -> Int64 {
            guard end - cursor >= count else { throw .malformed(expected: what) }
            var value: Int64 = 0
            for _ in 0..<count {
                let byte = bytes[cursor]
                guard byte >= 0x30, byte <= 0x39 else { throw .malformed(expected: what) }
                value = value * 10 + Int64(byte - 0x30)
                cursor += 1
            }
            return value
        }
        func expect(_ byte: UInt8, _ what: String) throws(Failure) {
            guard cursor < end, bytes[cursor] == byte else { throw .malformed(expected: what) }
            cursor += 1
        }

        let shape = "a time like 2026-03-02T09:31:00+08:00"
        let year = try digits(4, shape)
        try expect(0x2D, shape)
        let month = try digits(2, shape)
        try expect(0x2D, shape)
        let day = try digits(2, shape)
        guard cursor < end else { throw .malformed(expected: shape) }
        let separator = bytes[cursor]
        guard separator == 0x54 || separator == 0x74 || separator == 0x20 else { throw .malformed(expected: shape) }
        cursor += 1
        let hour = try digits(2, shape)
        try expect(0x3A, shape)
        let minute = try digits(2, shape)
        try expect(0x3A, shape)
        let second = try digits(2, shape)
        var nanos: Int64 = 0
        if cursor < end, bytes[cursor] == 0x2E {
            cursor += 1
            var scale: Int64 = 100_000_000
            var count = 0
            while cursor < end, bytes[cursor] >= 0x30, bytes[cursor] <= 0x39 {
                nanos += Int64(bytes[cursor] - 0x30) * scale
                scale /= 10
                count += 1
                cursor += 1
            }
            guard count > 0 else { throw .malformed(expected: "fraction digits after '.'") }
        }
        guard cursor < end else { throw .missingOffset }
        var offset: Int64 = 0
        switch bytes[cursor] {
        case 0x5A, 0x7A:
            cursor += 1
        case 0x2B, 0x2D:
            let sign: Int64 = bytes[cursor] == 0x2D ? -1 : 1
            cursor += 1
            let offsetShape = "an offset like +08:00"
            let hours = try digits(2, offsetShape)
            try expect(0x3A, offsetShape)
            let minutes = try digits(2, offsetShape)
            guard hours <= 23, minutes <= 59 else { throw .outOfRange("offset out of range") }
            offset = sign * (hours * 3600 + minutes * 60)
        default:
            throw .malformed(expected: shape)
        }
        guard cursor == end else { throw .malformed(expected: "nothing after the offset") }

        guard (1...12).contains(month) else { throw .outOfRange("month \(month) out of range 01-12") }
        guard day >= 1, day <= daysInMonth(year: year, month: month) else {
            throw .outOfRange("day \(day) out of range for \(year)-\(month < 10 ? "0" : "")\(month)")
        }
        guard hour <= 23 else { throw .outOfRange("hour \(hour) out of range 00-23") }
        guard minute <= 59 else { throw .outOfRange("minute \(minute) out of range 00-59") }
        guard second <= 59 else { throw .outOfRange("second \(second) out of range 00-59") }
        guard (1678...2261).contains(year) else { throw .outOfRange("year \(year) out of the supported range 1678-2261") }

        let days = daysSinceEpoch(year: year, month: month, day: day)
        let seconds = days * 86_400 + hour * 3600 + minute * 60 + second - offset
        return Instant(nanosecondsSinceEpoch: seconds * 1_000_000_000 + nanos)
    }

    /// Parses an RFC 3339 timestamp from a string.
    ///
    /// ```swift
    /// let instant = try RFC3339.parse("2026-03-02T09:41:00+08:00")
    /// ```
    public static func parse(_ text: String) throws(Failure) -> Instant {
        // Read the string's own bytes: every event has a time, and a copy each was costly.
        var text = text
        return try text.withUTF8 { bytes in Result { () throws(Failure) -> Instant in try parse(bytes) } }.get()
    }

    /// Formats `instant` at a fixed UTC offset, with fraction digits only when needed.
    ///
    /// ```swift
    /// RFC3339.format(instant, offsetSeconds: 8 * 3600)  // "2026-03-02T09:30:00+08:00"
    /// ```
    public static func format(_ instant: Instant, offsetSeconds: Int) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(35)
        append(instant, offsetSeconds: offsetSeconds, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends ``format(_:offsetSeconds:)`` of `instant` to `bytes`, as UTF-8: a report
    /// writes a time per verdict, and building each from strings cost more than the
    /// rest of the verdict's line.
    static func append(_ instant: Instant, offsetSeconds: Int, to bytes: inout [UInt8]) {
        let local = instant.secondsSinceEpoch + Int64(offsetSeconds)
        let nanos = instant.nanosecondsSinceEpoch - instant.secondsSinceEpoch * 1_000_000_000
        let (days, secondOfDay) = floorDivide(local, 86_400)
        let (year, month, day) = civil(daysSinceEpoch: days)
        func append(_ value: Int64, _ width: Int) { bytes.appendDecimal(value, minimumDigits: width) }
        func append(_ character: Unicode.Scalar) { bytes.append(UInt8(ascii: character)) }
        // Two digits are written directly: a report writes a time on every line.
        func two(_ value: Int64) {
            bytes.append(UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: value / 10))
            bytes.append(UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: value % 10))
        }
        if (1000...9999).contains(year) { two(year / 100); two(year % 100) } else { append(year, 4) }
        append("-"); two(month); append("-"); two(day); append("T")
        two(secondOfDay / 3600); append(":"); two(secondOfDay % 3600 / 60); append(":"); two(secondOfDay % 60)
        if nanos != 0 {
            append(".")
            var fraction = nanos
            var width = 9
            while fraction % 10 == 0 {
                fraction /= 10
                width -= 1
            }
            append(fraction, width)
        }
        if offsetSeconds == 0 { return append("Z") }
        let magnitude = abs(offsetSeconds)
        append(offsetSeconds < 0 ? "-" : "+")
        append(Int64(magnitude / 3600), 2); append(":"); two(Int64(magnitude % 3600 / 60))
    }

    /// Days from 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's algorithm).
    static func daysSinceEpoch(year: Int64, month: Int64, day: Int64) -> Int64 {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The proleptic Gregorian date `days` after 1970-01-01.
    static func civil(daysSinceEpoch days: Int64) -> (year: Int64, month: Int64, day: Int64) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    static func daysInMonth(year: Int64, month: Int64) -> Int64 {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    static func floorDivide(_ a: Int64, _ b: Int64) -> (Int64, Int64) {
        let (q, r) = a.quotientAndRemainder(dividingBy: b)
        return r < 0 ? (q - 1, r + b) : (q, r)
    }
}
