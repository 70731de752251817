/// Verdicts kept in several sources, each in output order, read as one sequence in
/// output order.
///
/// Verdicts that tie in output order come in the order of their sources, so merging
/// sources cut one after another from a list gives what sorting the whole list does.
struct VerdictMerge: IteratorProtocol, Sendable {
    private enum Source: Sendable {
        case run(VerdictRun.Reader)
        case values([Verdict], next: Int)

        mutating func next() -> Verdict? {
            switch self {
            case .run(var reader):
                let verdict = reader.next()
                self = .run(reader)
                return verdict
            case .values(let verdicts, let next):
                guard next < verdicts.count else { return nil }
                self = .values(verdicts, next: next + 1)
                return verdicts[next]
            }
        }
    }

    private struct Head: Comparable, Sendable {
        var verdict: Verdict
        var source: Int

        static func < (lhs: Head, rhs: Head) -> Bool {
            if Verdict.outputOrder(lhs.verdict, rhs.verdict) { return true }
            if Verdict.outputOrder(rhs.verdict, lhs.verdict) { return false }
            return lhs.source < rhs.source
        }

        static func == (lhs: Head, rhs: Head) -> Bool { !(lhs < rhs) && !(rhs < lhs) }
    }

    private var sources: [Source] = []
    private var heads = MinHeap<Head>()
    private var started = false
    /// How many verdicts are left to read.
    private(set) var count = 0

    /// An empty merge.
    init() {}

    /// The verdicts of `runs`, then of `values`, which must be in output order.
    init(runs: [VerdictRun], then values: [Verdict] = []) {
        sources = runs.map { .run(VerdictRun.Reader($0)) }
        if !values.isEmpty { sources.append(.values(values, next: 0)) }
        count = runs.reduce(values.count) { $0 + $1.count }
    }

    /// The verdicts of `merges` read as one, ties in the order of `merges`; none of
    /// them may have been read from.
    init(_ merges: [VerdictMerge]) {
        for merge in merges {
            sources.append(contentsOf: merge.sources)
            count += merge.count
        }
    }

    mutating func next() -> Verdict? {
        if !started {
            started = true
            for index in sources.indices {
                if let verdict = sources[index].next() { heads.insert(Head(verdict: verdict, source: index)) }
            }
        }
        guard let head = heads.removeMinimum() else { return nil }
        if let following = sources[head.source].next() { heads.insert(Head(verdict: following, source: head.source)) }
        count -= 1
        return head.verdict
    }

    /// Every verdict left, in one array.
    mutating func collect() -> [Verdict] {
        // Verdicts all in one sorted array are that array.
        if !started, sources.count == 1, case .values(let verdicts, next: 0) = sources[0] {
            sources = []
            count = 0
            return verdicts
        }
        var all: [Verdict] = []
        all.reserveCapacity(count)
        while let verdict = next() { all.append(verdict) }
        return all
    }

    /// Hands `body` the verdicts left, in blocks of at most `size`, each let go once
    /// handed over.
    mutating func forEachBlock(of size: Int, _ body: ([Verdict]) throws -> Void) rethrows {
        var block: [Verdict] = []
        block.reserveCapacity(min(count, max(1, size)))
        while let verdict = next() {
            block.append(verdict)
            if block.count >= size {
                try body(block)
                block.removeAll(keepingCapacity: true)
            }
        }
        if !block.isEmpty { try body(block) }
    }
}
