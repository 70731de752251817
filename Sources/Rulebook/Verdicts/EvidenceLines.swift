/// The line numbers a verdict rests on, kept in place when there are one or two of
/// them, as for most verdicts: a long log has hundreds of thousands of verdicts, and
/// an array of its own for each cost a heap allocation and a quarter of a verdict's
/// memory.
enum EvidenceLines: Hashable, Sendable {
    /// One or two lines below 2^32 - 1, in order, each stored plus one in a half of the
    /// word (zero for none).
    case packed(UInt64)
    case list([Int])

    init(_ lines: [Int]) {
        func fits(_ line: Int) -> Bool { line >= 0 && line < Int(UInt32.max) }
        switch lines.count {
        case 1 where fits(lines[0]):
            self = .packed(UInt64(lines[0] + 1))
        case 2 where fits(lines[0]) && fits(lines[1]):
            self = .packed(UInt64(lines[0] + 1) | UInt64(lines[1] + 1) << 32)
        default:
            self = .list(lines)
        }
    }

    var lines: [Int] {
        switch self {
        case .list(let lines): return lines
        case .packed(let word): return word >> 32 == 0 ? [Int(word) - 1] : [Int(word & 0xFFFF_FFFF) - 1, Int(word >> 32) - 1]
        }
    }

    /// Calls `body` with each line in order, without making an array.
    func forEach(_ body: (Int) -> Void) {
        switch self {
        case .list(let lines):
            lines.forEach(body)
        case .packed(let word):
            body(Int(word & 0xFFFF_FFFF) - 1)
            if word >> 32 != 0 { body(Int(word >> 32) - 1) }
        }
    }
}
