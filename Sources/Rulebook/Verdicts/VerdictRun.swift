import Foundation

/// Verdicts in output order, held as compact bytes rather than as values.
///
/// The verdicts of cases that settle while a long log is read are most of what the
/// run holds by its end: as values each takes over a hundred bytes, as bytes about
/// half of that, and they are only read again once, in order, to be written. A run
/// keeps the statements its verdicts share by reference, so it is read back on its
/// own, whichever evaluation made it.
struct VerdictRun: Sendable {
    private var bytes: [UInt8] = []
    private var statements: [Verdict.Statement] = []
    /// How many verdicts the run holds.
    private(set) var count = 0

    /// The verdicts, which must be in output order.
    init(_ verdicts: some Collection<Verdict>) {
        var numbers: [ObjectIdentifier: Int] = [:]
        var previousTime: Int64 = 0
        bytes.reserveCapacity(verdicts.count * 48)
        for verdict in verdicts {
            let number = numbers[verdict.statementIdentity] ?? {
                statements.append(verdict.statement)
                numbers[verdict.statementIdentity] = statements.count - 1
                return statements.count - 1
            }()
            bytes.appendVarint(UInt64(number))
            var flags: UInt8 = 0
            if verdict.employee != nil { flags |= Flag.employee }
            if verdict.value != nil { flags |= Flag.value }
            if verdict.amount != nil { flags |= Flag.amount }
            if !verdict.arguments.isEmpty { flags |= Flag.arguments }
            bytes.append(flags)
            // In output order times rise, so the difference is small and positive.
            let time = verdict.time.nanosecondsSinceEpoch
            bytes.appendVarint(zigzag: time &- previousTime)
            previousTime = time
            if let employee = verdict.employee { bytes.appendString(employee) }
            bytes.appendString(verdict.subject)
            switch verdict.evidenceLines {
            case .packed(let word):
                bytes.appendVarint(word)
            case .list(let lines):
                // Zero is never a packed word: it marks a list.
                bytes.appendVarint(0)
                bytes.appendVarint(UInt64(lines.count))
                for line in lines { bytes.appendVarint(zigzag: Int64(line)) }
            }
            if let value = verdict.value { bytes.appendDecimal(value) }
            if let amount = verdict.amount { bytes.appendDecimal(amount) }
            if !verdict.arguments.isEmpty {
                bytes.appendVarint(UInt64(verdict.arguments.count))
                for (key, value) in verdict.arguments {
                    bytes.appendString(key)
                    bytes.appendString(value)
                }
            }
            count += 1
        }
        // Held for the rest of the run: not with the slack of an array grown by doubling.
        if bytes.capacity > bytes.count + bytes.count / 16 {
            bytes = [UInt8](unsafeUninitializedCapacity: bytes.count) { copy, initialized in
                initialized = bytes.withUnsafeBufferPointer { copy.initialize(fromContentsOf: $0) }
            }
        }
    }

    private enum Flag {
        static let employee: UInt8 = 1
        static let value: UInt8 = 2
        static let amount: UInt8 = 4
        static let arguments: UInt8 = 8
    }

    /// Reads a run's verdicts back, in order.
    struct Reader: IteratorProtocol {
        private let run: VerdictRun
        private var offset = 0
        private var previousTime: Int64 = 0
        /// The bytes of the last arguments read, and what they were read as: verdicts
        /// of one rule mostly carry the same arguments, and a verdict read with the
        /// same bytes shares the dictionary rather than building another.
        private var lastArguments: (bytes: Range<Int>, value: [String: String])?

        init(_ run: VerdictRun) { self.run = run }

        mutating func next() -> Verdict? {
            guard offset < run.bytes.count else { return nil }
            return run.bytes.withUnsafeBufferPointer { bytes in
                var cursor = ByteCursor(bytes: bytes, offset: offset)
                defer { offset = cursor.offset }
                let statement = run.statements[Int(cursor.varint())]
                let flags = cursor.byte()
                previousTime = previousTime &+ cursor.zigzag()
                let employee = flags & Flag.employee != 0 ? cursor.string() : nil
                let subject = cursor.string()
                var evidence = EvidenceLines.packed(cursor.varint())
                if case .packed(0) = evidence {
                    let count = Int(cursor.varint())
                    evidence = .list((0..<count).map { _ in Int(cursor.zigzag()) })
                }
                let value = flags & Flag.value != 0 ? cursor.decimal() : nil
                let amount = flags & Flag.amount != 0 ? cursor.decimal() : nil
                var arguments: [String: String] = [:]
                if flags & Flag.arguments != 0 {
                    let start = cursor.offset
                    var skipped = cursor
                    for _ in 0..<(2 * skipped.varint()) { skipped.offset += Int(skipped.varint()) }
                    let range = start..<skipped.offset
                    if let last = lastArguments, last.bytes.count == range.count,
                       bytes[last.bytes].elementsEqual(bytes[range]) {
                        arguments = last.value
                        cursor.offset = range.upperBound
                    } else {
                        let count = Int(cursor.varint())
                        arguments.reserveCapacity(count)
                        for _ in 0..<count {
                            let key = cursor.string()
                            arguments[key] = cursor.string()
                        }
                        lastArguments = (range, arguments)
                    }
                }
                return Verdict(statement: statement, employee: employee, subject: subject,
                               time: Instant(nanosecondsSinceEpoch: previousTime), arguments: arguments,
                               evidenceLines: evidence, value: value, amount: amount)
            }
        }
    }
}

/// Reads what `Array<UInt8>.appendVarint` and its kin wrote.
private struct ByteCursor {
    let bytes: UnsafeBufferPointer<UInt8>
    var offset: Int

    mutating func byte() -> UInt8 {
        defer { offset += 1 }
        return bytes[offset]
    }

    mutating func varint() -> UInt64 {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let byte = byte()
            value |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return value }
            shift += 7
        }
    }

    mutating func zigzag() -> Int64 {
        let encoded = varint()
        return Int64(bitPattern: encoded >> 1) ^ -Int64(bitPattern: encoded & 1)
    }

    mutating func string() -> String {
        let count = Int(varint())
        defer { offset += count }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[offset..<offset + count]), as: UTF8.self)
    }

    /// A number stored byte for byte, but for its last zero bytes.
    mutating func decimal() -> Decimal {
        var value = Decimal()
        let size = Int(byte())
        withUnsafeMutableBytes(of: &value) { stored in
            for index in 0..<stored.count { stored[index] = 0 }
            stored.copyMemory(from: UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: bytes[offset..<offset + size])))
        }
        offset += size
        return value
    }
}

extension Array where Element == UInt8 {
    /// Appends `value` seven bits a byte, low bits first, the high bit marking that
    /// more follow.
    fileprivate mutating func appendVarint(_ value: UInt64) {
        var rest = value
        while rest >= 0x80 {
            append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        append(UInt8(rest))
    }

    /// Appends a signed value so that small magnitudes of either sign stay short.
    fileprivate mutating func appendVarint(zigzag value: Int64) {
        appendVarint(UInt64(bitPattern: (value << 1) ^ (value >> 63)))
    }

    fileprivate mutating func appendString(_ string: String) {
        var string = string
        string.withUTF8 { utf8 in
            appendVarint(UInt64(utf8.count))
            append(contentsOf: utf8)
        }
    }

    /// Appends the bytes of a number: a `Decimal` is integers alone (exponent, length
    /// and flags, mantissa), so its bytes are the whole of it. The mantissa comes
    /// last, and a number of a few digits leaves most of it zero: those zero bytes
    /// at the end are left out, their count written first.
    fileprivate mutating func appendDecimal(_ value: Decimal) {
        Swift.withUnsafeBytes(of: value) { stored in
            var size = stored.count
            while size > 0, stored[size - 1] == 0 { size -= 1 }
            append(UInt8(size))
            append(contentsOf: UnsafeRawBufferPointer(rebasing: stored[0..<size]))
        }
    }
}
