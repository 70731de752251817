/// The fingerprints of the lines read so far, to recognise duplicates.
///
/// Every line is looked up once, so this is an open-addressing table of the digests'
/// two words hashed with ``ByteHash``, rather than a `Set` that hashes each digest
/// again through SipHash.
struct FingerprintSet: Sendable {
    /// Pairs of words, one pair per slot; a slot of two zeros is empty.
    private var words: [UInt64]
    private var holdsZero = false
    private(set) var count = 0
    private let hasher: ByteHash

    /// An empty set with room for `capacity` fingerprints (a power of two), hashed
    /// with `hasher`.
    init(capacity: Int = 1024, hasher: ByteHash = ByteHash()) {
        words = [UInt64](repeating: 0, count: 2 * capacity)
        self.hasher = hasher
    }

    /// The smallest capacity, a power of two of at least 16, that holds `count`
    /// fingerprints without growing.
    static func capacity(holding count: Int) -> Int {
        var capacity = 16
        while capacity * 3 < (count + 1) * 4 { capacity *= 2 }
        return capacity
    }

    /// Adds `fingerprint`; false if it was already there.
    mutating func insert(_ fingerprint: LineFingerprint) -> Bool {
        if fingerprint.first == 0, fingerprint.second == 0 {
            defer { holdsZero = true }
            return !holdsZero
        }
        if (count + 1) * 4 > (words.count / 2) * 3 { grow() }
        let mask = words.count / 2 - 1
        var slot = Int(truncatingIfNeeded: hasher.hash(fingerprint.first, fingerprint.second)) & mask
        while true {
            let first = words[2 * slot], second = words[2 * slot + 1]
            if first == 0, second == 0 {
                words[2 * slot] = fingerprint.first
                words[2 * slot + 1] = fingerprint.second
                count += 1
                return true
            }
            if first == fingerprint.first, second == fingerprint.second { return false }
            slot = (slot + 1) & mask
        }
    }

    private mutating func grow() {
        let old = words
        words = [UInt64](repeating: 0, count: old.count * 2)
        let mask = words.count / 2 - 1
        for pair in stride(from: 0, to: old.count, by: 2) where old[pair] != 0 || old[pair + 1] != 0 {
            var slot = Int(truncatingIfNeeded: hasher.hash(old[pair], old[pair + 1])) & mask
            while words[2 * slot] != 0 || words[2 * slot + 1] != 0 { slot = (slot + 1) & mask }
            words[2 * slot] = old[pair]
            words[2 * slot + 1] = old[pair + 1]
        }
    }
}
