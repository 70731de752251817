/// A fast, seeded hash of bytes and words for the reader's own tables.
///
/// The reader hashes every line (its fingerprint) and every id it interns; the
/// standard library's SipHash through `Hasher` was a tenth of reading. This mixes
/// eight bytes at a time into a state through 128-bit multiplies, and folds in a per-table random
/// seed so that a log crafted to collide on one run does not collide on another.
struct ByteHash: Sendable {
    private let seed: UInt64

    /// A hash with a fresh random seed.
    init() { seed = UInt64.random(in: .min ... .max) | 1 }

    /// Folds the 128-bit product of `a` and `b` into 64 bits.
    @inline(__always)
    static func mix(_ a: UInt64, _ b: UInt64) -> UInt64 {
        let product = a.multipliedFullWidth(by: b)
        return product.high ^ product.low
    }

    /// The hash of `bytes`.
    @inline(__always)
    func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var state = seed ^ UInt64(truncatingIfNeeded: bytes.count) &* 0x9E37_79B9_7F4A_7C15
        var index = 0
        // An empty buffer may have no address: it hashes as any other empty one.
        if let base = bytes.baseAddress {
            let raw = UnsafeRawPointer(base)
            while index + 8 <= bytes.count {
                let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                state = Self.mix(state ^ word, 0xA076_1D64_78BD_642F)
                index += 8
            }
        }
        if index < bytes.count {
            var tail: UInt64 = 0
            var shift: UInt64 = 0
            while index < bytes.count {
                tail |= UInt64(bytes[index]) << shift
                shift += 8
                index += 1
            }
            state = Self.mix(state ^ tail, 0xE703_7ED1_A0B4_28DB)
        }
        return Self.mix(state ^ 0x8EBC_6AF0_9C88_C6E3, 0x5899_65CC_7537_4CC3)
    }

    /// The hash of a pair of words, such as a 128-bit digest.
    @inline(__always)
    func hash(_ first: UInt64, _ second: UInt64) -> UInt64 {
        Self.mix(Self.mix(first ^ seed, 0xA076_1D64_78BD_642F) ^ second, 0xE703_7ED1_A0B4_28DB)
    }
}
