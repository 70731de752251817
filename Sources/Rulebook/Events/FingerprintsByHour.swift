/// The fingerprints of lines read so far, grouped by the hour of the line's time.
///
/// Byte-identical lines have the same time, so a duplicate is always found in its
/// hour. A log is written roughly in time order, so the hour being read is small and
/// in the processor's cache, where one table of every line of a large log missed the
/// cache on nearly every line.
struct FingerprintsByHour: Sendable {
    private var indexByHour: [Int64: Int] = [:]
    private var sets: [FingerprintSet] = []
    private var lastHour = Int64.min
    private var lastIndex = -1
    private let hasher = ByteHash()

    init() {}

    /// Adds the fingerprint of a line whose time is `time`; false if it was already there.
    mutating func insert(_ fingerprint: LineFingerprint, at time: Instant) -> Bool {
        let hour = time.nanosecondsSinceEpoch / 3_600_000_000_000
        if hour != lastHour {
            if let index = indexByHour[hour] {
                lastIndex = index
            } else {
                lastIndex = sets.count
                indexByHour[hour] = lastIndex
                sets.append(FingerprintSet(capacity: 16, hasher: hasher))
            }
            lastHour = hour
        }
        return sets[lastIndex].insert(fingerprint)
    }
}
