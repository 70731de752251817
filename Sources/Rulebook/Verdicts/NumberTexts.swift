import Foundation

/// The plain text of the numbers written so far, found by their bits: a report
/// repeats the same minutes and amounts many times over, and rounding a `Decimal` to
/// write it costs microseconds where finding it costs nanoseconds.
struct NumberTexts {
    private var texts: [Bits: String] = [:]

    /// The most texts kept; past it they are forgotten and found again.
    static let capacity = 1 << 16

    /// ``Foundation/Decimal/plainText`` of `number`.
    mutating func text(of number: Decimal) -> String {
        guard let bits = Bits(number) else { return number.plainText }
        if let known = texts[bits] { return known }
        let text = number.plainText
        if texts.count >= Self.capacity { texts.removeAll(keepingCapacity: true) }
        texts[bits] = text
        return text
    }

    /// A number's bits. Equal bits are the same number, which is all a cache needs;
    /// the same number written with other bits (`1.5`, `1.50`) is merely made twice.
    private struct Bits: Hashable {
        let low: UInt64, high: UInt64, rest: UInt32

        init?(_ number: Decimal) {
            guard MemoryLayout<Decimal>.size == 20 else { return nil }
            (low, high, rest) = withUnsafeBytes(of: number) { bytes in
                (bytes.loadUnaligned(fromByteOffset: 0, as: UInt64.self),
                 bytes.loadUnaligned(fromByteOffset: 8, as: UInt64.self),
                 bytes.loadUnaligned(fromByteOffset: 16, as: UInt32.self))
            }
        }
    }
}
