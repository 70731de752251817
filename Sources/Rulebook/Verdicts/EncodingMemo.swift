import Foundation

/// What an encoder made once and reuses while writing many verdicts: what the
/// verdicts of one statement write alike (rule, outcome, reason, clause and message
/// template, escaped), found by the statement, and room for the text of a verdict's
/// numbers. A report repeats the same statements many times over, and making them
/// costs microseconds where finding them costs nanoseconds.
///
/// A memo lives while one block of verdicts is written: the statements it is keyed
/// by are held by those verdicts, so their identities are not reused meanwhile.
struct EncodingMemo {
    private var statements: [ObjectIdentifier: StatementText] = [:]
    /// The text of the value and the amount of the verdict being written, which it
    /// writes twice (in its message and as fields), kept from verdict to verdict so
    /// that making them allocates nothing.
    var valueText: [UInt8] = []
    var amountText: [UInt8] = []

    /// What every verdict of one statement writes alike, escaped once: the fields as
    /// JSON string literals, quotes included, and the message template in pieces.
    /// Shared by reference, so that finding it copies nothing.
    final class StatementText {
        let rule: [UInt8]
        let outcome: [UInt8]
        let reason: [UInt8]
        let source: [UInt8]
        let pieces: [Verdict.EscapedPiece]

        init(_ verdict: Verdict, in language: Language) {
            func quoted(_ text: String) -> [UInt8] {
                var bytes: [UInt8] = []
                JSONString.append(text, to: &bytes)
                return bytes
            }
            rule = quoted(verdict.rule)
            outcome = quoted(verdict.outcome)
            reason = quoted(verdict.reason)
            source = quoted(verdict.source)
            pieces = verdict.escapedPieces(in: language)
        }
    }

    /// What `verdict` writes alike with the other verdicts of its statement, with its
    /// message in `language`.
    mutating func statement(of verdict: Verdict, in language: Language) -> StatementText {
        if let known = statements[verdict.statementIdentity] { return known }
        let text = StatementText(verdict, in: language)
        statements[verdict.statementIdentity] = text
        return text
    }
}
