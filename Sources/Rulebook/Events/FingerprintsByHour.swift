/// The fingerprints of lines read so far, grouped by the hour of the line's time.
///
/// Byte-identical lines have the same time, so a duplicate is always found in its
/// hour. A log is written roughly in time order, so the hour being read is small and
/// in the processor's cache, where one table of every line of a large log missed the
/// cache on nearly every line.
struct FingerprintsByHour: Sendable {
    private var indexByHour: [Int64: Int] = [:]
    private var sets: [FingerprintSet] = []
    /// Places in `sets` of hours forgotten, to reuse.
    private var free: [Int] = []
    private var lastHour = Int64.min
    private var lastIndex = -1
    /// Hours before this one were forgotten.
    private var forgottenBefore = Int64.min
    private let hasher = ByteHash()

    init() {}

    private static func hour(of time: Instant) -> Int64 { time.nanosecondsSinceEpoch / 3_600_000_000_000 }

    /// Adds the fingerprint of a line whose time is `time`; false if it was already there.
    mutating func insert(_ fingerprint: LineFingerprint, at time: Instant) -> Bool {
        let hour = Self.hour(of: time)
        if hour != lastHour {
            if let index = indexByHour[hour] {
                lastIndex = index
            } else {
                // Made to hold half as many lines as the hour read before it: grown
                // from small by doubling, the tables cost a fifth of the instructions
                // spent on fingerprints, while made as large as the hour before, a
                // quiet hour after a busy one kept room it never used.
                let before = lastIndex >= 0 ? sets[lastIndex].count : 0
                let set = FingerprintSet(capacity: FingerprintSet.capacity(holding: before / 2), hasher: hasher)
                if let reused = free.popLast() {
                    lastIndex = reused
                    sets[reused] = set
                } else {
                    lastIndex = sets.count
                    sets.append(set)
                }
                indexByHour[hour] = lastIndex
            }
            lastHour = hour
        }
        return sets[lastIndex].insert(fingerprint)
    }

    /// Whether the hour of `time` was forgotten.
    func isForgotten(_ time: Instant) -> Bool { Self.hour(of: time) < forgottenBefore }

    /// Forgets the lines of the hours wholly before `time`: the caller promises that
    /// no line of those hours is still to come.
    mutating func forget(before time: Instant) {
        let boundary = Self.hour(of: time)
        guard boundary > forgottenBefore else { return }
        forgottenBefore = boundary
        for (hour, index) in indexByHour where hour < boundary {
            indexByHour[hour] = nil
            sets[index] = FingerprintSet(capacity: 1, hasher: hasher)
            free.append(index)
        }
        lastHour = .min
    }
}
