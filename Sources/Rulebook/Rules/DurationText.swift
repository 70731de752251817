/// Durations as people write them in parameters and rule files: `30m`, `2h`, `90s`,
/// `1.5s`, `7d`, or ISO 8601 (`PT30M`, `P1DT2H`).
extension Duration {
    /// The duration written as a person would: `30m`, `2h`, `90s`, `1.5s`.
    public var shortText: String {
        guard self >= .zero else { return "-" + (.zero - self).shortText }
        let nanoseconds = self.nanoseconds
        for (unit, size) in [("d", Int64(86_400_000_000_000)), ("h", 3_600_000_000_000), ("m", 60_000_000_000),
                             ("s", 1_000_000_000)] where nanoseconds != 0 && nanoseconds % size == 0 {
            return String(nanoseconds / size) + unit
        }
        if nanoseconds == 0 { return "0s" }
        var fraction = String(nanoseconds % 1_000_000_000)
        fraction = String(repeating: "0", count: 9 - fraction.count) + fraction
        while fraction.hasSuffix("0") { fraction.removeLast() }
        return String(nanoseconds / 1_000_000_000) + "." + fraction + "s"
    }

    /// Reads `30m`, `2h`, `90s`, `1.5s`, `7d`, `500ms`, or ISO 8601 such as `PT30M`,
    /// each optionally negative (`-2h`); `nil` for anything else.
    ///
    /// ```swift
    /// Duration(text: "30m") == .seconds(1800)     // true
    /// Duration(text: "PT1H30M") == .seconds(5400) // true
    /// ```
    public init?(text: String) {
        if text.hasPrefix("-") {
            guard let magnitude = Duration(text: String(text.dropFirst())), magnitude > .zero else { return nil }
            self = .zero - magnitude
            return
        }
        let units: [(String, Int64)] = [("ms", 1_000_000), ("d", 86_400_000_000_000), ("h", 3_600_000_000_000),
                                        ("m", 60_000_000_000), ("s", 1_000_000_000)]
        if text.hasPrefix("P") || text.hasPrefix("p") {
            guard let nanoseconds = Self.iso8601(text.uppercased()) else { return nil }
            self = .nanoseconds(nanoseconds)
            return
        }
        for (unit, size) in units where text.hasSuffix(unit) {
            guard let nanoseconds = Self.scaled(String(text.dropLast(unit.count)), by: size) else { return nil }
            self = .nanoseconds(nanoseconds)
            return
        }
        return nil
    }

    /// `number × size` in nanoseconds, for a number with at most nine fraction digits.
    private static func scaled(_ number: String, by size: Int64) -> Int64? {
        let parts = number.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard let first = parts.first, !first.isEmpty, first.allSatisfy(\.isASCII), let whole = Int64(first), whole >= 0
        else { return nil }
        var total = whole.multipliedReportingOverflow(by: size)
        guard !total.overflow else { return nil }
        if parts.count == 2 {
            let digits = parts[1]
            guard !digits.isEmpty, digits.count <= 9, digits.allSatisfy({ $0.isASCII && $0.isNumber }),
                  let fraction = Int64(digits) else { return nil }
            var scale: Int64 = 1
            for _ in 0..<digits.count { scale *= 10 }
            total = total.partialValue.addingReportingOverflow(fraction * (size / scale))
            guard !total.overflow else { return nil }
        }
        return total.partialValue
    }

    /// ISO 8601 durations of days, hours, minutes and seconds: `P1DT2H30M`, `PT0.5S`.
    private static func iso8601(_ text: String) -> Int64? {
        var total: Int64 = 0
        var number = ""
        var inTime = false
        var components = 0
        for character in text.dropFirst() {
            switch character {
            case "T": inTime = true
            case "0"..."9", ".": number.append(character)
            case "D", "H", "M", "S":
                let size: Int64 = switch (character, inTime) {
                case ("D", false): 86_400_000_000_000
                case ("H", true): 3_600_000_000_000
                case ("M", true): 60_000_000_000
                case ("S", true): 1_000_000_000
                default: 0
                }
                guard size > 0, let part = scaled(number, by: size) else { return nil }
                let (sum, overflow) = total.addingReportingOverflow(part)
                guard !overflow else { return nil }
                total = sum
                number = ""
                components += 1
            default:
                return nil
            }
        }
        return number.isEmpty && components > 0 ? total : nil
    }
}
