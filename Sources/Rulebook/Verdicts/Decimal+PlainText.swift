import Foundation

extension Decimal {
    /// The number as plain decimal text, rounded half away from zero to at most six
    /// decimals: `41`, `30.5`, `-2`, `0.033333`.
    public var plainText: String {
        var bytes: [UInt8] = []
        appendPlainText(to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends the UTF-8 of ``plainText`` to `bytes`.
    func appendPlainText(to bytes: inout [UInt8]) {
        // A report writes a number per verdict; rounding with Decimal arithmetic and
        // printing through NSDecimalNumber cost tens of microseconds each. The digits
        // are read from the number's parts instead, when its layout is the known one.
        if let parts = DecimalParts(self) { return parts.appendPlainText(to: &bytes) }
        var copy = self
        var rounded = Decimal()
        NSDecimalRound(&rounded, &copy, 6, .plain)
        bytes.append(contentsOf: NSDecimalNumber(decimal: rounded).stringValue.utf8)
    }
}

/// A `Decimal` read as sign, decimal digits and power of ten.
///
/// `Decimal` is laid out as Foundation's `NSDecimal`: an 8-bit exponent, a byte
/// holding the 4-bit length (in 16-bit words) and the sign and compactness flags, two
/// reserved bytes, then eight 16-bit words of mantissa, least significant first.
/// Implementations pack that byte differently, and the parts are not public, so the
/// packing is found by reading numbers whose parts are known; if none fits, no number
/// is read this way.
struct DecimalParts: Equatable {
    var isNegative: Bool
    var exponent: Int
    /// The mantissa, as the high and low halves of a 128-bit number.
    var high: UInt64
    var low: UInt64

    /// How the length and the sign are packed in the second byte.
    struct Packing: Equatable {
        var lengthShift: UInt8
        var negativeBit: UInt8

        /// The C bitfields of `NSDecimal`, and swift-foundation's own packing.
        static let candidates = [Packing(lengthShift: 0, negativeBit: 0x10), Packing(lengthShift: 4, negativeBit: 0x08)]
    }

    init?(_ number: Decimal) {
        guard let packing = Self.packing else { return nil }
        self.init(reading: number, packing: packing)
        // A zero length with the sign set is not a number.
        if high == 0, low == 0, isNegative { return nil }
    }

    private init(reading number: Decimal, packing: Packing) {
        (isNegative, exponent, high, low) = withUnsafeBytes(of: number) { bytes in
            let length = Int((bytes[1] >> packing.lengthShift) & 0x0F)
            var words: (high: UInt64, low: UInt64) = (0, 0)
            for index in 0..<min(length, 8) {
                let word = UInt64(bytes.loadUnaligned(fromByteOffset: 4 + 2 * index, as: UInt16.self))
                if index < 4 { words.low |= word << (16 * index) } else { words.high |= word << (16 * (index - 4)) }
            }
            return (bytes[1] & packing.negativeBit != 0, Int(Int8(bitPattern: bytes[0])), words.high, words.low)
        }
    }

    /// The packing that reads numbers of known parts right, found once; `nil` if
    /// none does.
    static let packing: Packing? = {
        let known: [(Decimal, Bool, Int, String)] = [
            (Decimal(123_456_789_012), false, 0, "123456789012"),
            (Decimal(sign: .minus, exponent: -7, significand: Decimal(15)), true, -7, "15"),
            (Decimal(sign: .plus, exponent: 3, significand: Decimal(UInt64.max)), false, 3, "18446744073709551615"),
            (Decimal(0), false, 0, "0"),
        ]
        guard MemoryLayout<Decimal>.size == 20 else { return nil }
        return Packing.candidates.first { packing in
            known.allSatisfy { number, negative, exponent, digits in
                let parts = DecimalParts(reading: number, packing: packing)
                return parts.isNegative == negative && parts.exponent == exponent
                    && parts.digits().map { $0 + UInt8(ascii: "0") } == Array(digits.utf8)
            }
        }
    }()

    /// The mantissa's decimal digits, as values 0 to 9, most significant first;
    /// `[0]` for zero.
    func digits() -> [UInt8] {
        // Nineteen digits at a time, 10^19 being the largest power of ten in 64 bits:
        // a 128-bit mantissa has at most three such chunks.
        let chunk: UInt64 = 10_000_000_000_000_000_000
        var (high, low) = (self.high, self.low)
        var chunks: [UInt64] = []
        chunks.reserveCapacity(3)
        repeat {
            let (quotientHigh, remainderHigh) = high.quotientAndRemainder(dividingBy: chunk)
            let (quotientLow, remainder) = chunk.dividingFullWidth((remainderHigh, low))
            chunks.append(remainder)
            (high, low) = (quotientHigh, quotientLow)
        } while high != 0 || low != 0
        var digits: [UInt8] = []
        digits.reserveCapacity(chunks.count * 19)
        for (position, value) in chunks.reversed().enumerated() {
            var rest = value
            var place = chunk / 10
            for _ in 0..<19 {
                let digit = UInt8(rest / place)
                rest %= place
                place /= 10
                if digit != 0 || position > 0 || !digits.isEmpty { digits.append(digit) }
            }
        }
        return digits.isEmpty ? [0] : digits
    }

    /// 10^0 to 10^19, the powers of ten of one word.
    private static let powersOfTen: [UInt64] = (0...19).map { power in (0..<power).reduce(1) { value, _ in value * 10 } }

    /// The mantissa divided by 10^`dropped` and rounded half away from zero; `nil`
    /// when the result takes more than one word. Minutes with seconds in them
    /// (7.516666… to 38 digits) are most of the numbers a report writes, and each is
    /// different: this divides the two words of the mantissa in place rather than
    /// spelling out its digits.
    private static func rounded(high: UInt64, low: UInt64, dropping dropped: Int) -> UInt64? {
        guard dropped <= 38 else { return nil }
        var (high, low) = (high, low)
        var rest = dropped
        var roundsUp = false
        // Low digits first: the last division's remainder holds the leading digits
        // dropped, which alone say whether the rest is at least a half.
        while rest > 0 {
            let step = min(rest, 19)
            let divisor = powersOfTen[step]
            let (quotientHigh, remainderHigh) = high.quotientAndRemainder(dividingBy: divisor)
            let (quotientLow, remainder) = divisor.dividingFullWidth((remainderHigh, low))
            (high, low) = (quotientHigh, quotientLow)
            rest -= step
            if rest == 0 { roundsUp = remainder >= divisor / 2 }
        }
        if roundsUp {
            let (sum, carried) = low.addingReportingOverflow(1)
            low = sum
            if carried { high += 1 }
        }
        return high == 0 ? low : nil
    }

    /// Appends `mantissa` divided by 10^`decimals` (at most six) as plain text.
    private static func appendShort(_ mantissa: UInt64, decimals: Int, isNegative: Bool, to bytes: inout [UInt8]) {
        let divisor = powersOfTen[decimals]
        if isNegative, mantissa != 0 { bytes.append(UInt8(ascii: "-")) }
        bytes.appendDecimal(mantissa / divisor)
        var fraction = mantissa % divisor, places = decimals
        guard fraction != 0 else { return }
        while fraction % 10 == 0 {
            fraction /= 10
            places -= 1
        }
        bytes.append(UInt8(ascii: "."))
        bytes.appendDecimal(fraction, minimumDigits: places)
    }

    /// Appends the number rounded half away from zero to six decimals, as plain text.
    func appendPlainText(to bytes: inout [UInt8]) {
        // Most numbers written are minutes and amounts: a mantissa of one word and at
        // most six decimals, which need no rounding and no arrays of digits.
        if high == 0, exponent <= 0, exponent >= -6 {
            return Self.appendShort(low, decimals: -exponent, isNegative: isNegative, to: &bytes)
        }
        if exponent < -6, let mantissa = Self.rounded(high: high, low: low, dropping: -exponent - 6) {
            return Self.appendShort(mantissa, decimals: 6, isNegative: isNegative, to: &bytes)
        }
        let zero = UInt8(ascii: "0")
        let digits = self.digits()
        var whole: [UInt8]
        var fraction: [UInt8]
        if exponent >= 0 {
            whole = digits == [0] ? [0] : digits + Array(repeating: 0, count: exponent)
            fraction = []
        } else {
            let scale = -exponent
            let padded = Array(repeating: 0, count: max(0, scale + 1 - digits.count)) + digits
            whole = Array(padded[..<(padded.count - scale)])
            fraction = Array(padded[(padded.count - scale)...])
            if fraction.count > 6 {
                let roundsUp = fraction[6] >= 5
                fraction.removeLast(fraction.count - 6)
                if roundsUp {
                    var carry = true
                    for index in fraction.indices.reversed() where carry {
                        fraction[index] += 1
                        carry = fraction[index] == 10
                        if carry { fraction[index] = 0 }
                    }
                    for index in whole.indices.reversed() where carry {
                        whole[index] += 1
                        carry = whole[index] == 10
                        if carry { whole[index] = 0 }
                    }
                    if carry { whole.insert(1, at: 0) }
                }
            }
        }
        while fraction.last == 0 { fraction.removeLast() }
        while whole.count > 1, whole.first == 0 { whole.removeFirst() }
        let isZero = whole.allSatisfy { $0 == 0 } && fraction.isEmpty
        if isNegative, !isZero { bytes.append(UInt8(ascii: "-")) }
        bytes.append(contentsOf: whole.lazy.map { $0 + zero })
        if !fraction.isEmpty {
            bytes.append(UInt8(ascii: "."))
            bytes.append(contentsOf: fraction.lazy.map { $0 + zero })
        }
    }
}
