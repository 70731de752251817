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
    /// This part's share of the cases every part holds, if any: a line of theirs is
    /// read only by the part whose share its case falls in, which accounts for it,
    /// when its case id can be found without decoding it.
    var shard: CaseShard? {
        didSet {
            shardKeys = (shard?.keys ?? [:]).sorted { $0.key < $1.key }.map { type, field in
                (Array(type.utf8), Array(("\"" + field + "\":\"").utf8))
            }
        }
    }
    /// Per shared event type, the bytes that begin its case id's member.
    private var shardKeys: [(type: [UInt8], member: [UInt8])] = []

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
        if let shard, let key = shardKeys.first(where: { $0.type.elementsEqual(type) }),
           let id = Self.stringValue(startingWith: key.member, in: line) {
            return shard.owns(id) ? .readAndAccount : .skip
        }
        func among(_ names: [[UInt8]]) -> Bool { names.contains { $0.elementsEqual(type) } }
        if among(accounts) { return .readAndAccount }
        if among(reads) { return .read }
        if !among(anyPartReads) && isFirst { return .readAndAccount }
        return .skip
    }

    private static let key = Array(#""type""#.utf8)

    /// The string value of the line's only member that begins with `member` (a
    /// quoted key, a colon and the opening quote), for a line without backslashes:
    /// there a quote always opens or closes a string, so `"ticket":"` is only ever
    /// the key `ticket` and the start of its value.
    static func stringValue(startingWith member: [UInt8], in line: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8>? {
        var found: Int?
        var index = 0
        while index + member.count <= line.count {
            if line[index] == member[0], line[index..<index + member.count].elementsEqual(member) {
                guard found == nil else { return nil }
                found = index + member.count
                index += member.count
            } else {
                index += 1
            }
        }
        guard let start = found else { return nil }
        var end = start
        while end < line.count, line[end] != UInt8(ascii: "\"") { end += 1 }
        guard end < line.count else { return nil }
        return UnsafeBufferPointer(rebasing: line[start..<end])
    }

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

    /// Judges, of the schedules whose cases stand alone, only the cases whose ids fall
    /// in `share`: the part of a parallel evaluation that holds that share.
    mutating func dealCases(_ share: CaseShard) {
        for index in programs.indices {
            guard let keys = programs[index].schedule.standAloneCaseKeys,
                  keys.allSatisfy({ share.keys[$0.key] == $0.value }) else { continue }
            programs[index].deal(share, symbols: &symbols)
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
