import Foundation

/// What an encoder made once and reuses while writing many verdicts: the text of
/// numbers, found by their parts, and message templates cut into escaped pieces, found
/// by the statement they belong to. A report repeats the same minutes and templates
/// many times over, and making them costs microseconds where finding them costs
/// nanoseconds.
///
/// A memo lives while one block of verdicts is written: the statements it is keyed
/// by are held by those verdicts, so their identities are not reused meanwhile.
struct EncodingMemo {
    private var texts: [DecimalParts: String] = [:]
    private var templates: [ObjectIdentifier: [Verdict.EscapedPiece]] = [:]

    /// The most numbers kept; past it they are forgotten and made again.
    static let capacity = 1 << 16

    /// ``Foundation/Decimal/plainText`` of `number`.
    mutating func text(of number: Decimal) -> String {
        guard let parts = DecimalParts(number) else { return number.plainText }
        if let known = texts[parts] { return known }
        let text = parts.plainText
        if texts.count >= Self.capacity { texts.removeAll(keepingCapacity: true) }
        texts[parts] = text
        return text
    }

    /// The escaped pieces of `verdict`'s message template in `language`.
    mutating func pieces(of verdict: Verdict, in language: Language) -> [Verdict.EscapedPiece] {
        if let known = templates[verdict.statementIdentity] { return known }
        let pieces = verdict.escapedPieces(in: language)
        templates[verdict.statementIdentity] = pieces
        return pieces
    }
}
