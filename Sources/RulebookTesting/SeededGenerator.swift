/// A small, fast, seeded random number generator (SplitMix64), so that generated
/// inputs are the same on every run and every machine.
///
/// ```swift
/// var random = SeededGenerator(seed: 42)
/// let minutes = Int.random(in: 0..<60, using: &random)   // the same on every run
/// ```
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var state: UInt64

    /// A generator whose sequence is fixed by `seed`.
    ///
    /// ```swift
    /// var random = SeededGenerator(seed: 7)
    /// ```
    public init(seed: UInt64) { state = seed }

    /// The next 64 random bits.
    ///
    /// ```swift
    /// let bits = random.next()
    /// ```
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
