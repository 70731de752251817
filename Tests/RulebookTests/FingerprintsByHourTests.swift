import Testing
@testable import Rulebook

struct FingerprintsByHourTests {
    struct Line {
        let second: Int64
        var fingerprint: LineFingerprint { Array("line at \(second)".utf8).withUnsafeBufferPointer(LineFingerprint.init) }
        var time: Instant { Instant(secondsSinceEpoch: second) }
    }

    /// A line every seven seconds through `hours`, counted from the start of 1970 (those
    /// before it negative), each pair of neighbours read in turn, as a log written a
    /// little out of order is.
    func lines(hours: Range<Int64>) -> [Line] {
        let seconds = Array(stride(from: hours.lowerBound * 3600, to: hours.upperBound * 3600, by: 7))
        return stride(from: 0, to: seconds.count - 1, by: 2).flatMap { [Line(second: seconds[$0 + 1]), Line(second: seconds[$0])] }
    }

    @Test func everyCopyIsFoundAndNoLineIsTakenForAnother() {
        var seen = FingerprintsByHour()
        let lines = lines(hours: -3..<3)
        let takenForCopies = lines.filter { !seen.insert($0.fingerprint, at: $0.time) }.count
        #expect(takenForCopies == 0)
        let copiesTakenForNew = lines.reversed().filter { seen.insert($0.fingerprint, at: $0.time) }.count
        #expect(copiesTakenForNew == 0)
    }

    @Test func forgottenHoursAreForgottenAndTheRestStillKnown() {
        var seen = FingerprintsByHour()
        let lines = lines(hours: 0..<6)
        for line in lines { _ = seen.insert(line.fingerprint, at: line.time) }
        seen.forget(before: Instant(secondsSinceEpoch: 3 * 3600))
        let forgotten = lines.filter { seen.isForgotten($0.time) }
        let kept = lines.filter { !seen.isForgotten($0.time) }
        #expect(forgotten.count > 0 && kept.count > 0)
        #expect(forgotten.allSatisfy { $0.second < 3 * 3600 } && kept.allSatisfy { $0.second >= 3 * 3600 })
        let lost = kept.filter { seen.insert($0.fingerprint, at: $0.time) }.count
        #expect(lost == 0)
        // A later hour takes the room of forgotten ones, empty: a line there whose
        // fingerprint a forgotten minute held is new.
        let remembered = forgotten.filter { line in
            !seen.insert(line.fingerprint, at: Instant(secondsSinceEpoch: 10 * 3600 + line.second % 3600))
        }.count
        #expect(remembered == 0)
    }
}
