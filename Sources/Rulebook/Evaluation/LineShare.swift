/// How one part of a parallel evaluation shares a log's lines with the others: it
/// reads the lines of the event types its rules read, and accounts for (counts, and
/// reports the diagnostics of) the lines it is first to read.
///
/// A line's type is found without decoding it only when that cannot be wrong: the
/// line has no backslash and exactly one `"type"`, followed by `:"`. Any other line is
/// read by every part and accounted for by the first.
struct LineShare: Sendable {
    enum Disposition {
        /// Another part reads it; this one need not.
        case skip
        /// This part reads it, and another accounts for it.
        case read
        /// This part reads it and accounts for it.
        case readAndAccount
    }

    /// The types this part reads.
    var reads: [[UInt8]]
    /// The types whose lines this part accounts for.
    var accounts: [[UInt8]]
    /// The types some part reads.
    var anyPartReads: [[UInt8]]
    /// Whether this part accounts for lines whose type is not known cheaply, or that
    /// no part reads (unknown types, blank lines): the first part does.
    var isFirst: Bool

    /// The shares of parts reading `typesRead[i]`, in part order.
    static func shares(_ typesRead: [Set<String>]) -> [LineShare] {
        let all = typesRead.reduce(Set<String>()) { $0.union($1) }
        return typesRead.indices.map { part in
            let accounted = typesRead[part].filter { type in !typesRead[..<part].contains { $0.contains(type) } }
            return LineShare(reads: typesRead[part].sorted().map { Array($0.utf8) }, accounts: accounted.sorted().map { Array($0.utf8) },
                             anyPartReads: all.sorted().map { Array($0.utf8) }, isFirst: part == 0)
        }
    }

    func disposition(of line: UnsafeBufferPointer<UInt8>) -> Disposition {
        guard let type = Self.typeName(in: line) else { return isFirst ? .readAndAccount : .read }
        func among(_ names: [[UInt8]]) -> Bool { names.contains { $0.elementsEqual(type) } }
        if among(accounts) { return .readAndAccount }
        if among(reads) { return .read }
        if !among(anyPartReads) && isFirst { return .readAndAccount }
        return .skip
    }

    private static let key = Array(#""type""#.utf8)

    /// The value of the line's only `"type"` member, when it can be found safely.
    static func typeName(in line: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8>? {
        guard line.count > key.count + 2 else { return nil }
        var found: Int?
        var index = 0
        // One pass over the line looks for the key and for any backslash at once.
        while index < line.count {
            if line[index] == UInt8(ascii: "\\") { return nil }
            if index + key.count <= line.count, line[index] == key[0], line[index..<index + key.count].elementsEqual(key) {
                guard found == nil else { return nil }
                found = index
                index += key.count
            } else {
                index += 1
            }
        }
        guard let start = found.map({ $0 + key.count }), start + 2 <= line.count,
              line[start] == UInt8(ascii: ":"), line[start + 1] == UInt8(ascii: "\"") else { return nil }
        var end = start + 2
        while end < line.count, line[end] != UInt8(ascii: "\"") { end += 1 }
        guard end < line.count else { return nil }
        return UnsafeBufferPointer(rebasing: line[(start + 2)..<end])
    }
}

extension Evaluation {
    /// The names of the event types this evaluation's rules read: any other event
    /// changes nothing but the span of time the log covers.
    var typesRead: Set<String> {
        var types = Set(routes.keys).union(keyedRoutes.keys)
        for count in eventCounts { types.formUnion(count.selector.types) }
        return Set(types.map { symbols[$0] })
    }

    /// Reads one line as a part of a parallel evaluation: only if `share` says this
    /// part reads it, and counting it and reporting its diagnostic only if this part
    /// accounts for it.
    mutating func feed(line bytes: UnsafeBufferPointer<UInt8>, number: Int, share: LineShare) -> LogDiagnostic? {
        switch share.disposition(of: bytes) {
        case .skip:
            return nil
        case .readAndAccount:
            return feed(line: bytes, number: number)
        case .read:
            let counted = statistics
            _ = feed(line: bytes, number: number)
            statistics.restoreLineCounts(from: counted)
            return nil
        }
    }

    /// Widens the span of time the log covers: parts of a parallel evaluation each
    /// see some of the events, and judge with the span of them all.
    mutating func widenCoverage(to span: ClosedRange<Instant>?) {
        guard let span else { return }
        guard let known = coverage else {
            coverage = span
            return
        }
        coverage = min(known.lowerBound, span.lowerBound)...max(known.upperBound, span.upperBound)
    }
}

extension EvaluationStatistics {
    /// Puts back the counts of lines and events of `earlier`, keeping what was judged.
    mutating func restoreLineCounts(from earlier: EvaluationStatistics) {
        linesRead = earlier.linesRead
        blankLines = earlier.blankLines
        duplicateLines = earlier.duplicateLines
        rejectedLines = earlier.rejectedLines
        skippedLines = earlier.skippedLines
        events = earlier.events
        eventsAfterAsOf = earlier.eventsAfterAsOf
    }

    /// Adds the counts of lines and events of a part that accounted for other lines.
    mutating func addLineCounts(of other: EvaluationStatistics) {
        linesRead += other.linesRead
        blankLines += other.blankLines
        duplicateLines += other.duplicateLines
        rejectedLines += other.rejectedLines
        skippedLines += other.skippedLines
        events += other.events
        eventsAfterAsOf += other.eventsAfterAsOf
    }
}
