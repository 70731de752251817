import Foundation

/// What an encoder made once and reuses while writing many verdicts: the text of
/// numbers, found by their bits, and message templates cut into escaped pieces, found
/// by the statement they belong to. A report repeats the same minutes and templates
/// many times over, and making them costs microseconds where finding them costs
/// nanoseconds.
///
/// A memo lives while one block of verdicts is written: the statements it is keyed
/// by are held by those verdicts, so their identities are not reused meanwhile.
struct EncodingMemo {
    private var texts: [Bits: String] = [:]
    private var templates: [ObjectIdentifier: [Verdict.EscapedPiece]] = [:]

    /// The most numbers kept; past it they are forgotten and made again.
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

    /// The escaped pieces of `verdict`'s message template in `language`.
    mutating func pieces(of verdict: Verdict, in language: Language) -> [Verdict.EscapedPiece] {
        if let known = templates[verdict.statementIdentity] { return known }
        let pieces = verdict.escapedPieces(in: language)
        templates[verdict.statementIdentity] = pieces
        return pieces
    }

    /// A number's bits. Equal bits are the same number, which is all a memo needs;
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
