import Foundation

/// One benchmark figure: what was measured, over how many events, how long it took
/// (the median of the timed runs) and the process's peak memory so far.
struct Measurement {
    var name: String
    var events: Int
    var seconds: Double
    var peakResidentBytes: Int
    var extra: [(String, String)] = []

    var eventsPerSecond: Double { seconds > 0 ? Double(events) / seconds : 0 }

    var json: String {
        var members = [
            "\"name\":\"\(name)\"", "\"events\":\(events)", "\"seconds\":\(String(format: "%.6f", seconds))",
            "\"events_per_second\":\(Int(eventsPerSecond))", "\"peak_rss_bytes\":\(peakResidentBytes)",
        ]
        members += extra.map { "\"\($0.0)\":\($0.1)" }
        return "{" + members.joined(separator: ",") + "}"
    }

    var text: String {
        let rate = eventsPerSecond >= 1_000_000 ? String(format: "%.2f M", eventsPerSecond / 1_000_000)
            : String(format: "%.0f k", eventsPerSecond / 1_000)
        var line = name.padding(toLength: 32, withPad: " ", startingAt: 0)
            + String(format: "%10.4f s  ", seconds) + rate + " events/s  "
            + String(format: "peak %.0f MB", Double(peakResidentBytes) / 1_048_576)
        for (key, value) in extra { line += "  \(key)=\(value)" }
        return line
    }

    /// The peak resident set size of this process (VmHWM), in bytes.
    static func peakResidentBytes() -> Int {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
              let kilobytes = line.split(separator: " ").dropFirst().first.flatMap({ Int($0) })
        else { return 0 }
        return kilobytes * 1024
    }
}

/// Runs `body` once to warm up, then `runs` times, and returns the median duration.
func timed(runs: Int, _ body: () -> Int) -> (seconds: Double, checksum: Int) {
    let clock = ContinuousClock()
    var checksum = body()
    var durations: [Double] = []
    for _ in 0..<max(1, runs) {
        let start = clock.now
        checksum = body()
        let elapsed = start.duration(to: clock.now)
        durations.append(Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
    }
    return (durations.sorted()[durations.count / 2], checksum)
}

/// A checksum of every byte written (FNV-1a), so that two outputs compare equal only
/// when they are the same bytes.
struct OutputChecksum {
    private(set) var value = Int(bitPattern: 0xCBF2_9CE4_8422_2325)

    mutating func add(_ bytes: UnsafeBufferPointer<UInt8>) {
        for byte in bytes { value = (value ^ Int(byte)) &* 0x100_0000_01B3 }
    }
}
