/// Verdicts kept in several sources, each in output order, read as one sequence in
/// output order.
///
/// Verdicts that tie in output order come in the order of their sources, so merging
/// sources cut one after another from a list gives what sorting the whole list does.
struct VerdictMerge: IteratorProtocol, Sendable {
    /// A packed run being read, or verdicts kept as values. A struct rather than an
    /// enum, so that reading on changes the reader where it stands: taken out of an
    /// enum's case and put back, it was copied for every verdict.
    private struct Source: Sendable {
        private var reader: VerdictRun.Reader?
        /// The verdicts kept as values, the first still to read.
        private var values: [Verdict] = []
        private var nextValue = 0

        init(_ run: VerdictRun) { reader = VerdictRun.Reader(run) }

        init(_ values: [Verdict]) { self.values = values }

        /// The verdicts kept as values when none has been read and there is no run.
        var unreadValues: [Verdict]? { reader == nil && nextValue == 0 ? values : nil }

        mutating func next() -> Verdict? {
            if reader != nil { return reader?.next() }
            guard nextValue < values.count else { return nil }
            nextValue += 1
            return values[nextValue - 1]
        }
    }

    private var sources: [Source] = []
    /// Per source, the verdict it gave last: the next to read, while the source is in
    /// `order`. Sources that give nothing are dropped as the merge starts.
    private var heads: [Verdict] = []
    /// The sources with a verdict to read, the one whose verdict comes first on top.
    /// The heap holds source numbers rather than verdicts: moving a verdict retains
    /// and releases each of its strings.
    private var order = MinHeap<Int>()
    private var started = false
    /// How many verdicts are left to read.
    private(set) var count = 0

    /// An empty merge.
    init() {}

    /// The verdicts of `runs`, then of `values`, which must be in output order.
    init(runs: [VerdictRun], then values: [Verdict] = []) {
        sources = runs.map(Source.init)
        if !values.isEmpty { sources.append(Source(values)) }
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

    /// Whether the head of source `a` comes before that of source `b`: in output
    /// order, and among equals the earlier source first.
    ///
    /// Output order is by time first, and most heads differ in time: comparing the
    /// times alone spares copying both verdicts, which passing them whole costs.
    private static func precedes(_ a: Int, _ b: Int, in heads: UnsafeBufferPointer<Verdict>) -> Bool {
        let first = heads[a].time, second = heads[b].time
        if first != second { return first < second }
        if Verdict.outputOrder(heads[a], heads[b]) { return true }
        if Verdict.outputOrder(heads[b], heads[a]) { return false }
        return a < b
    }

    mutating func next() -> Verdict? {
        if !started {
            started = true
            var giving: [Source] = []
            for var source in sources {
                guard let first = source.next() else { continue }
                giving.append(source)
                heads.append(first)
            }
            sources = giving
            heads.withUnsafeBufferPointer { heads in
                for index in heads.indices { order.insert(index) { Self.precedes($0, $1, in: heads) } }
            }
        }
        guard let source = heads.withUnsafeBufferPointer({ heads in order.removeMinimum { Self.precedes($0, $1, in: heads) } })
        else { return nil }
        count -= 1
        guard var verdict = sources[source].next() else { return heads[source] }
        // The source's next verdict takes the head's place and the head is handed on,
        // both moved rather than copied: a copy retained every string the verdict
        // holds, and releasing the replaced head let them go again.
        swap(&verdict, &heads[source])
        heads.withUnsafeBufferPointer { heads in order.insert(source) { Self.precedes($0, $1, in: heads) } }
        return verdict
    }

    /// Every verdict left, in one array.
    mutating func collect() -> [Verdict] {
        // Verdicts all in one sorted array are that array.
        if !started, sources.count == 1, let verdicts = sources[0].unreadValues {
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
            // Handed on, not copied and then let go.
            block.append(consume verdict)
            if block.count >= size {
                try body(block)
                block.removeAll(keepingCapacity: true)
            }
        }
        if !block.isEmpty { try body(block) }
    }
}
