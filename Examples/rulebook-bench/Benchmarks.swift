import ContactCenterRules
import Foundation
import Rulebook

/// The measurements: reading alone, evaluation alone (events already in memory) of
/// the reference policies and of the whole pack, `rulebook check` end to end, and
/// the latency of feeding a streaming session one event at a time.
struct Benchmarks {
    let log: String
    let runs: Int

    /// Runs only the measurements whose names start with this; all when `nil`.
    let only: String?

    func run(_ report: (Measurement) -> Void) throws {
        let lines = try readLines()
        func wanted(_ name: String) -> Bool { only.map { name.hasPrefix($0) } ?? true }
        if wanted("parse") { report(parse(lines)) }
        for (name, policy) in [("evaluate reference P1-P4", ReferencePolicies.make()), ("evaluate whole pack", StandardPolicy.make())]
        where wanted(name) {
            report(try evaluate(lines, name: name, policy: policy))
        }
        if wanted("check end-to-end") { try check(lines.count).forEach(report) }
        if wanted("stream") { report(try streaming(lines)) }
    }

    /// Reading alone: every line through the reader into interned events.
    private func parse(_ lines: [String]) -> Measurement {
        let parsing = timed(runs: runs) {
            var evaluation = try? Evaluation(policy: ReferencePolicies.make())
            var decoded: [Event] = []
            decoded.reserveCapacity(lines.count)
            for (index, line) in lines.enumerated() {
                var text = line
                if case .event(let event)? = text.withUTF8({ evaluation?.decode(line: $0, number: index + 1) }) {
                    decoded.append(event)
                }
            }
            return decoded.count
        }
        return Measurement(name: "parse", events: lines.count, seconds: parsing.seconds,
                           peakResidentBytes: Measurement.peakResidentBytes())
    }

    /// Evaluation alone: the events already decoded, fed to a session and finished.
    private func evaluate(_ lines: [String], name: String, policy: Policy) throws -> Measurement {
        // Decode with this policy's own evaluation, so symbols agree, then time
        // feeding copies of it.
        var prepared = try Evaluation(policy: policy)
        var decoded: [Event] = []
        decoded.reserveCapacity(lines.count)
        for (index, line) in lines.enumerated() {
            var text = line
            if case .event(let event) = text.withUTF8({ prepared.decode(line: $0, number: index + 1) }) {
                decoded.append(event)
            }
        }
        // The verdicts of the last run are kept, and counted by rule once timing is done.
        var verdicts: [Verdict] = []
        let evaluation = timed(runs: runs) {
            var session = prepared
            for event in decoded { session.feed(event) }
            _ = session.finish()
            verdicts = session.verdicts
            return verdicts.count
        }
        let counts = Dictionary(grouping: verdicts, by: \.rule).mapValues(\.count)
        let summary = counts.sorted { $0.key < $1.key }.map { "\($0.key):\($0.value)" }.joined(separator: ",")
        return Measurement(name: name, events: decoded.count, seconds: evaluation.seconds,
                           peakResidentBytes: Measurement.peakResidentBytes(),
                           extra: [("verdicts", String(evaluation.checksum)), ("counts", "\"\(summary)\"")])
    }

    /// End to end as `rulebook check` does it: the file in, verdicts encoded out; with
    /// one job and with two.
    private func check(_ events: Int) throws -> [Measurement] {
        let policy = StandardPolicy.make()
        let sink = FileHandle(forWritingAtPath: "/dev/null")
        // The output goes where `rulebook check` would write it, and its checksum covers
        // every byte, so that the two-job run is compared with this one byte for byte.
        // The verdicts are encoded block by block as the evaluation hands them over.
        let calendar = try PolicyCalendar(timeZone: policy.timeZone)
        func written(jobs: Int) -> Int {
            var checksum = OutputChecksum()
            let encoder = VerdictEncoder(calendar: calendar)
            let report = try? policy.evaluate(logAt: log, jobs: jobs, diagnostics: { _ in }) { verdicts in
                encoder.write(verdicts, jobs: jobs, bytesTo: { block in
                    checksum.add(block)
                    sink?.write(Data(buffer: block))
                })
            }
            return report == nil ? 0 : checksum.value
        }
        let check = timed(runs: runs) { written(jobs: 1) }
        let one = Measurement(name: "check end-to-end", events: events, seconds: check.seconds,
                              peakResidentBytes: Measurement.peakResidentBytes(),
                              extra: [("output_checksum", String(check.checksum))])
        // Both cores: independent groups of rules and shares of the tickets on two threads,
        // verdicts encoded in two slices.
        let parallel = timed(runs: runs) { written(jobs: 2) }
        let two = Measurement(name: "check end-to-end, 2 jobs", events: events, seconds: parallel.seconds,
                              peakResidentBytes: Measurement.peakResidentBytes(),
                              extra: [("output_checksum", String(parallel.checksum)),
                                      ("same_as_one_job", String(parallel.checksum == check.checksum))])
        return [one, two]
    }

    /// Feeds a streaming session one line at a time, advancing to the latest time
    /// every thousand lines, and reports the median and 99th percentile of `feed`
    /// and of `advance(to:)`.
    private func streaming(_ lines: [String]) throws -> Measurement {
        var session = try Evaluation(policy: StandardPolicy.make())
        let clock = ContinuousClock()
        var feeds: [Double] = [], advances: [Double] = []
        feeds.reserveCapacity(lines.count)
        func seconds(_ duration: Duration) -> Double {
            Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
        }
        let start = clock.now
        for (index, line) in lines.enumerated() {
            let before = clock.now
            session.feed(line: line, number: index + 1)
            feeds.append(seconds(before.duration(to: clock.now)))
            if index % 1000 == 999, let latest = session.coverage?.upperBound {
                let step = clock.now
                _ = session.advance(to: latest)
                advances.append(seconds(step.duration(to: clock.now)))
            }
        }
        _ = session.finish()
        let total = seconds(start.duration(to: clock.now))
        func percentile(_ values: [Double], _ p: Double) -> String {
            let sorted = values.sorted()
            return String(format: "%.1f", (sorted.isEmpty ? 0 : sorted[min(sorted.count - 1, Int(Double(sorted.count) * p))]) * 1e6)
        }
        return Measurement(name: "stream feed, advance per 1000", events: lines.count, seconds: total,
                           peakResidentBytes: Measurement.peakResidentBytes(),
                           extra: [("feed_median_us", percentile(feeds, 0.5)), ("feed_p99_us", percentile(feeds, 0.99)),
                                   ("advance_median_us", percentile(advances, 0.5)), ("advance_p99_us", percentile(advances, 0.99))])
    }

    private func readLines() throws -> [String] {
        var lines: [String] = []
        try EventLogReader(path: log).forEachLine { line in
            if case .bytes(let bytes, _) = line { lines.append(String(decoding: bytes, as: UTF8.self)) }
        }
        return lines
    }
}
