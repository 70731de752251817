import Foundation

/// How the cases every part of a parallel evaluation holds (tickets) are dealt so
/// that the parts finish together.
///
/// Each part reads its own rules' lines and its share of the tickets' lines. A part
/// whose other rules read many lines (shifts and punches, each read by several
/// rules) takes fewer tickets. A line is reckoned to cost one for reading it and one
/// for each rule it feeds; the counts of lines come from a sample of the log,
/// read in a few windows spread through the file, since a log often begins with a
/// month of schedules published at once.
struct ShardBalance {
    /// Per event type, how many lines of the sample have it.
    var linesByType: [String: Int]

    /// How many windows are read, and how many bytes each.
    static let windows = 16
    static let windowSize = 1 << 16

    /// Samples the log at `path`; an empty sample if it cannot be read (the
    /// evaluation then reports why).
    init(sampling path: String) {
        linesByType = [:]
        guard let file = FileHandle(forReadingAtPath: path) else { return }
        defer { try? file.close() }
        guard let size = try? file.seekToEnd() else { return }
        let spacing = max(UInt64(Self.windowSize), size / UInt64(Self.windows))
        var offset: UInt64 = 0
        while offset < size {
            guard (try? file.seek(toOffset: offset)) != nil,
                  let window = try? file.read(upToCount: Self.windowSize) else { return }
            count(window, startsALine: offset == 0)
            offset += spacing
        }
    }

    /// A balance over known counts of lines.
    init(linesByType: [String: Int]) { self.linesByType = linesByType }

    /// Counts the whole lines of `window`: the first only if the window begins one.
    private mutating func count(_ window: Data, startsALine: Bool) {
        window.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            var start = startsALine ? 0 : (ByteSearch.firstIndex(of: UInt8(ascii: "\n"), in: bytes, from: 0).map { $0 + 1 } ?? bytes.count)
            while let end = ByteSearch.firstIndex(of: UInt8(ascii: "\n"), in: bytes, from: start) {
                if let type = LineShare.typeName(in: UnsafeBufferPointer(rebasing: bytes[start..<end])) {
                    linesByType[String(decoding: type, as: UTF8.self), default: 0] += 1
                }
                start = end + 1
            }
        }
    }

    /// The weight of each part's share of the shared cases: parts whose own lines
    /// cost more than an equal part of the whole take less. `readers[i]` is, per
    /// event type part `i` reads, how many of its rules read it; `shared`
    /// are the types of the shared cases.
    func weights(readers: [[String: Int]], shared: Set<String>) -> [Double] {
        func cost(_ type: String, _ rules: Int) -> Double { Double(linesByType[type] ?? 0) * Double(1 + rules) }
        let own = readers.map { part in part.filter { !shared.contains($0.key) }.reduce(0) { $0 + cost($1.key, $1.value) } }
        let sharedCost = (readers.first ?? [:]).filter { shared.contains($0.key) }.reduce(0) { $0 + cost($1.key, $1.value) }
        guard sharedCost > 0 else { return readers.map { _ in 1 } }
        let even = (own.reduce(0, +) + sharedCost) / Double(readers.count)
        return own.map { max(0, even - $0) }
    }
}

extension Evaluation {
    /// Per event type its rules read, how many rules read it.
    var readersByType: [String: Int] {
        var readers: [String: Int] = [:]
        routes.forEach { type, targets in
            readers[symbols[type], default: 0] += targets.reduce(0) { $0 + programs[$1].rules.count }
        }
        keyedRoutes.forEach { type, targets in readers[symbols[type], default: 0] += targets.count }
        for count in eventCounts { for type in count.selector.types { readers[symbols[type], default: 0] += 1 } }
        return readers
    }
}
