import Foundation

/// Reads a log file (or standard input) line by line in fixed-size chunks, so a log
/// of any length is never held in memory at once.
///
/// Lines longer than ``maximumLineLength`` are not kept: they are reported and
/// skipped, so hostile input cannot grow memory without bound.
///
/// ```swift
/// try EventLogReader(path: "week.jsonl").forEachLine { line in
///     if case .bytes(let bytes, let number) = line { evaluation.feed(line: bytes, number: number) }
/// }
/// ```
public struct EventLogReader: Sendable {
    /// The longest line accepted, in bytes (1 MiB).
    public static let maximumLineLength = 1 << 20

    /// Why a log could not be read.
    ///
    /// ```swift
    /// do { try EventLogReader(path: "missing.jsonl").forEachLine { _ in } } catch {
    ///     print(error)   // cannot open missing.jsonl: ...
    /// }
    /// ```
    public enum Failure: Error, Equatable, Sendable, CustomStringConvertible {
        /// The file does not exist or cannot be opened.
        case cannotOpen(path: String, reason: String)
        /// The path names a directory.
        case isDirectory(path: String)
        /// Reading failed part-way.
        case readFailed(path: String, reason: String)

        public var description: String {
            switch self {
            case .cannotOpen(let path, let reason): "cannot open '\(path)': \(reason)"
            case .isDirectory(let path): "'\(path)' is a directory, not an event log"
            case .readFailed(let path, let reason): "error reading '\(path)': \(reason)"
            }
        }
    }

    /// What the reader hands over for each line.
    ///
    /// ```swift
    /// switch line {
    /// case .bytes(let bytes, let number): evaluation.feed(line: bytes, number: number)
    /// case .tooLong(let number, let length): print(evaluation.rejectOverlongLine(number: number, length: length))
    /// }
    /// ```
    public enum Line {
        /// A line's bytes (without `\n`) and its 1-based number.
        case bytes(UnsafeBufferPointer<UInt8>, number: Int)
        /// A line that was too long and was skipped.
        case tooLong(number: Int, length: Int)
    }

    /// The path being read, `-` for standard input.
    public let path: String
    private let chunkSize: Int

    /// Creates a reader of `path`; `-` reads standard input.
    ///
    /// ```swift
    /// let reader = EventLogReader(path: "-")   // standard input
    /// ```
    public init(path: String, chunkSize: Int = 1 << 20) {
        self.path = path
        self.chunkSize = max(1, chunkSize)
    }

    /// Calls `body` with every line in order.
    ///
    /// ```swift
    /// try EventLogReader(path: "week.jsonl").forEachLine { line in
    ///     if case .bytes(let bytes, let number) = line { evaluation.feed(line: bytes, number: number) }
    /// }
    /// ```
    public func forEachLine(_ body: (Line) -> Void) throws(Failure) {
        let handle: FileHandle
        if path == "-" {
            handle = FileHandle.standardInput
        } else {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw .cannotOpen(path: path, reason: "no such file")
            }
            guard !isDirectory.boolValue else { throw .isDirectory(path: path) }
            guard let opened = FileHandle(forReadingAtPath: path) else {
                throw .cannotOpen(path: path, reason: "permission denied or unreadable")
            }
            handle = opened
        }
        defer { if path != "-" { try? handle.close() } }

        var pending: [UInt8] = []
        var overflowing = false
        var overflowLength = 0
        var number = 0
        while true {
            let chunk: Data
            do { chunk = try handle.read(upToCount: chunkSize) ?? Data() } catch {
                throw .readFailed(path: path, reason: "\(error.localizedDescription)")
            }
            if chunk.isEmpty { break }
            chunk.withUnsafeBytes { raw in
                let bytes = raw.bindMemory(to: UInt8.self)
                var lineStart = 0
                // memchr finds line ends a word at a time rather than a byte at a time.
                func nextNewline() -> Int? {
                    guard let base = bytes.baseAddress, lineStart < bytes.count,
                          let found = memchr(base + lineStart, 0x0A, bytes.count - lineStart) else { return nil }
                    return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                }
                while let newline = nextNewline() {
                    number += 1
                    if overflowing {
                        body(.tooLong(number: number, length: overflowLength + newline - lineStart))
                        overflowing = false
                    } else if pending.isEmpty {
                        if newline - lineStart > Self.maximumLineLength {
                            body(.tooLong(number: number, length: newline - lineStart))
                        } else {
                            body(.bytes(UnsafeBufferPointer(rebasing: bytes[lineStart..<newline]), number: number))
                        }
                    } else {
                        pending.append(contentsOf: bytes[lineStart..<newline])
                        if pending.count > Self.maximumLineLength {
                            body(.tooLong(number: number, length: pending.count))
                        } else {
                            pending.withUnsafeBufferPointer { body(.bytes($0, number: number)) }
                        }
                        pending.removeAll(keepingCapacity: true)
                    }
                    lineStart = newline + 1
                }
                let rest = bytes.count - lineStart
                if overflowing {
                    overflowLength += rest
                } else if pending.count + rest > Self.maximumLineLength {
                    overflowing = true
                    overflowLength = pending.count + rest
                    pending.removeAll()
                } else {
                    pending.append(contentsOf: bytes[lineStart...])
                }
            }
        }
        if overflowing {
            body(.tooLong(number: number + 1, length: overflowLength))
        } else if !pending.isEmpty {
            number += 1
            pending.withUnsafeBufferPointer { body(.bytes($0, number: number)) }
        }
    }
}
