extension Array where Element == UInt8 {
    /// Appends the decimal digits of `value`, zeros first to make at least
    /// `minimumDigits` characters (a sign counts as one): times and line numbers are
    /// written this way without making a `String` of each.
    mutating func appendDecimal(_ value: Int64, minimumDigits: Int = 1) {
        guard value >= 0 else {
            let digits = String(value)
            append(contentsOf: repeatElement(UInt8(ascii: "0"), count: Swift.max(0, minimumDigits - digits.utf8.count)))
            return append(contentsOf: digits.utf8)
        }
        appendDecimal(UInt64(value), minimumDigits: minimumDigits)
    }

    /// Appends the decimal digits of `value`, zeros first to make at least
    /// `minimumDigits` characters.
    mutating func appendDecimal(_ value: UInt64, minimumDigits: Int = 1) {
        // Digits from the last place back, in a buffer on the stack: 20 at most.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { buffer in
            var position = buffer.count
            var rest = value
            repeat {
                position -= 1
                buffer[position] = UInt8(ascii: "0") + UInt8(rest % 10)
                rest /= 10
            } while rest > 0
            let count = buffer.count - position
            if minimumDigits > count { append(contentsOf: repeatElement(UInt8(ascii: "0"), count: minimumDigits - count)) }
            append(contentsOf: UnsafeBufferPointer(rebasing: buffer[position...]))
        }
    }
}
