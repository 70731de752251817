import Foundation

/// Searches and comparisons of a line's bytes: the reader compares a line's keys
/// and type in place, and the parts of a parallel evaluation look at every line of
/// the log before deciding whether to decode it. A byte at a time, through slices,
/// those looks cost more than decoding the lines they kept.
enum ByteSearch {
    /// Whether `bytes` and `other` hold the same bytes.
    static func equals(_ bytes: [UInt8], _ other: UnsafeBufferPointer<UInt8>) -> Bool {
        equals(bytes, other, at: 0..<other.count)
    }

    /// Whether `bytes` are the bytes of `line` at `range`.
    static func equals(_ bytes: [UInt8], _ line: UnsafeBufferPointer<UInt8>, at range: Range<Int>) -> Bool {
        guard range.count == bytes.count else { return false }
        return bytes.withUnsafeBufferPointer { equals($0, line, from: range.lowerBound) }
    }

    /// Whether `bytes` are the bytes of `line` from `start` on, which `line` must hold.
    static func equals(_ bytes: UnsafeBufferPointer<UInt8>, _ line: UnsafeBufferPointer<UInt8>, from start: Int) -> Bool {
        guard let stored = line.baseAddress, let given = bytes.baseAddress else { return bytes.isEmpty }
        return memcmp(stored + start, given, bytes.count) == 0
    }

    /// Whether `line` holds `byte`.
    static func contains(_ byte: UInt8, in line: UnsafeBufferPointer<UInt8>) -> Bool {
        firstIndex(of: byte, in: line, from: 0) != nil
    }

    /// The index of the first `byte` in `line` at or after `start`.
    static func firstIndex(of byte: UInt8, in line: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard let base = line.baseAddress, start < line.count,
              let found = memchr(base + start, Int32(byte), line.count - start) else { return nil }
        return UnsafeRawPointer(found) - UnsafeRawPointer(base)
    }

    /// Bytes to look for in a line, the first eight of them kept as one word, so that
    /// a place is compared with one load.
    struct Pattern: Sendable {
        let bytes: [UInt8]
        /// The first eight bytes (or fewer), least significant first, and the mask of them.
        private let head: UInt64
        private let headMask: UInt64

        init(_ text: String) {
            bytes = Array(text.utf8)
            let count = min(8, bytes.count)
            head = bytes.prefix(count).enumerated().reduce(0) { $0 | UInt64($1.element) << (8 * $1.offset) }
            headMask = count == 8 ? .max : (1 << (8 * UInt64(count))) - 1
        }

        /// The index of the only occurrence of the pattern in `line`, or `nil` when there
        /// is none or more than one. An occurrence that overlaps the one before it is
        /// not counted: after a match the search goes on past its end.
        ///
        /// The line is read eight bytes at a time, and the pattern compared only where
        /// its first two bytes may be.
        func onlyOccurrence(in line: UnsafeBufferPointer<UInt8>) -> Int? {
            guard let base = line.baseAddress, let first = bytes.first, bytes.count <= line.count else { return nil }
            let raw = UnsafeRawPointer(base)
            return bytes.withUnsafeBufferPointer { pattern -> Int? in
                var found: Int?
                var resume = 0
                /// Looks for the pattern at `position`; `false` once it is found a second time.
                func accepts(_ position: Int) -> Bool {
                    guard position >= resume, position + pattern.count <= line.count else { return true }
                    var offset = 0
                    if position + 8 <= line.count {
                        let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: position, as: UInt64.self))
                        guard word & headMask == head else { return true }
                        offset = min(8, pattern.count)
                    }
                    while offset < pattern.count, base[position + offset] == pattern[offset] { offset += 1 }
                    guard offset == pattern.count else { return true }
                    guard found == nil else { return false }
                    found = position
                    resume = position + pattern.count
                    return true
                }
                // A place where the pattern's first two bytes are becomes a zero byte
                // after the exclusive ors of the word there and of the word one byte on;
                // the usual zero-byte test then marks it (and, rarely, the byte after a
                // zero, which the comparison turns away). Keys and strings begin with a
                // quote, so looking for the quote alone would stop a score of times a line.
                let ones: UInt64 = 0x0101_0101_0101_0101
                let spreadFirst = ones &* UInt64(first)
                let spreadSecond = pattern.count > 1 ? ones &* UInt64(pattern[1]) : nil
                var index = 0
                while index + 9 <= line.count {
                    var word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)) ^ spreadFirst
                    if let spreadSecond {
                        word |= UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: index + 1, as: UInt64.self)) ^ spreadSecond
                    }
                    var candidates = (word &- ones) & ~word & (ones << 7)
                    while candidates != 0 {
                        guard accepts(index + candidates.trailingZeroBitCount >> 3) else { return nil }
                        candidates &= candidates &- 1
                    }
                    index += 8
                }
                while index < line.count {
                    if base[index] == first, !accepts(index) { return nil }
                    index += 1
                }
                return found
            }
        }
    }
}
