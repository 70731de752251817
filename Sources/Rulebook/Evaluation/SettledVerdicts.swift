/// The verdicts of the cases a batch run let go of as it read: gathered as they
/// settle, and every so many sorted and packed into a ``VerdictRun``, so that a long
/// log's verdicts are held compactly until they are written.
struct SettledVerdicts: Sendable {
    private var gathered: [Verdict] = []
    private var runs: [VerdictRun] = []
    private let verdictsPerRun: Int

    init(verdictsPerRun: Int = Evaluation.Settling().verdictsPerRun) { self.verdictsPerRun = max(1, verdictsPerRun) }

    mutating func append(_ verdict: Verdict) {
        if gathered.isEmpty { gathered.reserveCapacity(verdictsPerRun) }
        gathered.append(verdict)
        if gathered.count >= verdictsPerRun { pack() }
    }

    private mutating func pack() {
        guard !gathered.isEmpty else { return }
        gathered.sortInOutputOrder()
        runs.append(VerdictRun(gathered))
        gathered.removeAll(keepingCapacity: true)
    }

    /// Every verdict gathered, as runs in the order they were made, and empties the store.
    mutating func takeRuns() -> [VerdictRun] {
        pack()
        defer {
            runs = []
            gathered = []
        }
        return runs
    }
}
