/// Cases waiting for a time to pass, taken out together once it has.
///
/// Every case of a batch run goes through such a queue, and each judging step takes
/// out all the cases due by its watermark at once. They are kept in buckets of about
/// eighteen minutes of due time, each in the order its cases came: cases fall due
/// about as long after they open as one another, so buckets fill in order and are
/// taken out whole. A heap walked its levels for every case, and on a large log
/// missed the cache at each level.
struct DueCases: Sendable {
    /// The cases of each bucket but the open one, by the bucket's number: its first
    /// nanosecond since the epoch, shifted right by `bucketBits`.
    private var buckets: [Int64: [ScheduleProgram.DueCase]] = [:]
    /// The bucket the last case went to, kept out of the dictionary: cases mostly
    /// come in order of due time, so most go where the one before went, and finding
    /// a bucket by hashing its number cost more than the rest of adding a case.
    private var open: (bucket: Int64, cases: [ScheduleProgram.DueCase])?
    /// The numbers of the buckets that hold cases, open or not, soonest first.
    private var order = MinHeap<Int64>()

    private static var bucketBits: Int64 { 40 }

    /// Whether no case is waiting.
    var isEmpty: Bool { buckets.isEmpty && open == nil }

    /// Adds `dueCase`, to be taken out once its time has passed.
    mutating func insert(_ dueCase: ScheduleProgram.DueCase) {
        let bucket = dueCase.closes.nanosecondsSinceEpoch >> Self.bucketBits
        if open?.bucket == bucket {
            open?.cases.append(dueCase)
            return
        }
        closeOpenBucket()
        var cases = buckets.removeValue(forKey: bucket) ?? []
        if cases.isEmpty { order.insert(bucket) }
        cases.append(dueCase)
        open = (bucket, cases)
    }

    private mutating func closeOpenBucket() {
        guard let open else { return }
        buckets[open.bucket] = open.cases
        self.open = nil
    }

    /// Takes out the cases due by `watermark` (strictly before it, unless
    /// `including` it), in no particular order.
    mutating func removeAll(dueBy watermark: Instant, including: Bool) -> [ScheduleProgram.DueCase] {
        func isDue(_ time: Int64) -> Bool {
            including ? time <= watermark.nanosecondsSinceEpoch : time < watermark.nanosecondsSinceEpoch
        }
        guard let first = order.minimum, isDue(first << Self.bucketBits) else { return [] }
        closeOpenBucket()
        var taken: [ScheduleProgram.DueCase] = []
        while let bucket = order.minimum, isDue(bucket << Self.bucketBits) {
            let last = bucket == Int64.max >> Self.bucketBits ? Int64.max : (bucket + 1) << Self.bucketBits - 1
            guard let cases = buckets[bucket] else {
                _ = order.removeMinimum()
                continue
            }
            if isDue(last) {
                taken.append(contentsOf: cases)
                buckets[bucket] = nil
                _ = order.removeMinimum()
                continue
            }
            // The bucket the watermark falls in: later buckets are not due yet.
            var waiting: [ScheduleProgram.DueCase] = []
            for dueCase in cases {
                if isDue(dueCase.closes.nanosecondsSinceEpoch) { taken.append(dueCase) } else { waiting.append(dueCase) }
            }
            buckets[bucket] = waiting.isEmpty ? nil : waiting
            if waiting.isEmpty { _ = order.removeMinimum() }
            break
        }
        return taken
    }
}
