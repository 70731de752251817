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
        var count = 1
        var rest = value / 10
        while rest > 0 {
            count += 1
            rest /= 10
        }
        append(contentsOf: repeatElement(UInt8(ascii: "0"), count: Swift.max(count, minimumDigits)))
        // Digits from the last place back, over the zeros just written.
        rest = value
        for position in stride(from: self.count - 1, through: self.count - count, by: -1) {
            self[position] = UInt8(ascii: "0") + UInt8(rest % 10)
            rest /= 10
        }
    }
}
