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
    let reads: [[UInt8]]
    /// The types whose lines this part accounts for.
    let accounts: [[UInt8]]
    /// The types some part reads.
    let anyPartReads: [[UInt8]]
    /// Whether this part accounts for lines whose type is not known cheaply, or that
    /// no part reads (unknown types, blank lines): the first part does.
    let isFirst: Bool
    /// This part's share of the cases every part holds, if any: a line of theirs is
    /// read only by the part whose share its case falls in, which accounts for it,
    /// when its case id can be found without decoding it.
    var shard: CaseShard? {
        didSet { known = Self.knownTypes(reads: reads, accounts: accounts, anyPartReads: anyPartReads, isFirst: isFirst, shard: shard) }
    }
    /// Per type some part reads, what this part does with its lines, and for a type
    /// of the shared cases the bytes that begin its case id's member: looked up once
    /// per line rather than through each list of types in turn.
    private var known: [KnownType]

    private struct KnownType: Sendable {
        var name: [UInt8]
        var disposition: Disposition
        var caseMember: ByteSearch.Pattern?
    }

    init(reads: [[UInt8]], accounts: [[UInt8]], anyPartReads: [[UInt8]], isFirst: Bool) {
        self.reads = reads
        self.accounts = accounts
        self.anyPartReads = anyPartReads
        self.isFirst = isFirst
        known = Self.knownTypes(reads: reads, accounts: accounts, anyPartReads: anyPartReads, isFirst: isFirst, shard: nil)
    }

    private static func knownTypes(
        reads: [[UInt8]], accounts: [[UInt8]], anyPartReads: [[UInt8]], isFirst: Bool, shard: CaseShard?
    ) -> [KnownType] {
        let shared = (shard?.keys.keys.sorted() ?? []).map { Array($0.utf8) }.filter { !anyPartReads.contains($0) }
        return (anyPartReads + shared).map { name in
            let disposition: Disposition =
                if accounts.contains(name) { .readAndAccount }
                else if reads.contains(name) { .read }
                // The first part accounts for the lines no part reads.
                else if isFirst && !anyPartReads.contains(name) { .readAndAccount }
                else { .skip }
            let field = shard?.keys[String(decoding: name, as: UTF8.self)]
            return KnownType(name: name, disposition: disposition, caseMember: field.map { ByteSearch.Pattern("\"" + $0 + "\":\"") })
        }
    }

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
        guard let entry = known.first(where: { ByteSearch.equals($0.name, type) }) else {
            // No part reads this type.
            return isFirst ? .readAndAccount : .skip
        }
        if let shard, let member = entry.caseMember, let id = Self.stringValue(startingWith: member, in: line) {
            return shard.owns(id) ? .readAndAccount : .skip
        }
        return entry.disposition
    }

    private static let key = ByteSearch.Pattern(#""type""#)

    /// The string value of the line's only member that begins with `member` (a
    /// quoted key, a colon and the opening quote), for a line without backslashes:
    /// there a quote always opens or closes a string, so `"ticket":"` is only ever
    /// the key `ticket` and the start of its value.
    static func stringValue(startingWith member: ByteSearch.Pattern, in line: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8>? {
        guard let found = member.onlyOccurrence(in: line),
              let end = ByteSearch.firstIndex(of: UInt8(ascii: "\""), in: line, from: found + member.bytes.count)
        else { return nil }
        return UnsafeBufferPointer(rebasing: line[(found + member.bytes.count)..<end])
    }

    /// The value of the line's only `"type"` member, when it can be found safely: the
    /// line has no backslash, and `"type"` once, followed by `:"`.
    static func typeName(in line: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8>? {
        guard line.count > key.bytes.count + 2, !ByteSearch.contains(UInt8(ascii: "\\"), in: line),
              let found = key.onlyOccurrence(in: line) else { return nil }
        let start = found + key.bytes.count
        guard start + 2 <= line.count, line[start] == UInt8(ascii: ":"), line[start + 1] == UInt8(ascii: "\""),
              let end = ByteSearch.firstIndex(of: UInt8(ascii: "\""), in: line, from: start + 2) else { return nil }
        return UnsafeBufferPointer(rebasing: line[(start + 2)..<end])
    }
}

extension Evaluation {
    /// The names of the event types this evaluation's rules read: any other event
    /// changes nothing but the span of time the log covers.
    var typesRead: Set<String> { Set(readersByType.keys) }

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
