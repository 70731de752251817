import ContactCenterRules
import Rulebook

/// libFuzzer entry point: the input is an event log. Every line goes through the
/// reader and the whole standard pack, with time advanced now and then, so the
/// reader, the schedules, exchanges, totals, scores and ladders all see hostile input.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzEventLog(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let bytes = UnsafeBufferPointer(start: start.assumingMemoryBound(to: UInt8.self), count: count)
    guard var evaluation = try? Evaluation(policy: policy) else { return 0 }
    var lineStart = 0
    var number = 0
    var latest = Instant.distantPast
    for index in 0...bytes.count where index == bytes.count || bytes[index] == 0x0A {
        number += 1
        let line = UnsafeBufferPointer(rebasing: bytes[lineStart..<index])
        if line.count > EventLogReader.maximumLineLength {
            _ = evaluation.rejectOverlongLine(number: number, length: line.count)
        } else if evaluation.feed(line: line, number: number) == nil, number % 3 == 0 {
            latest = max(latest, evaluation.coverage?.upperBound ?? latest)
            _ = evaluation.advance(to: latest)
        }
        lineStart = index + 1
    }
    let changes = evaluation.finish()
    let calendar = evaluation.calendar
    for verdict in changes.issued { _ = VerdictEncoder(calendar: calendar, language: .zh).line(for: verdict) }
    return 0
}

private let policy = StandardPolicy.make()
