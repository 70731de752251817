@testable import Rulebook
import Testing

@Suite("Cases taken out once their time has passed")
struct DueCasesTests {
    @Test func casesDueByAWatermarkAreTakenOutTogetherAndNoOthers() {
        // Due times spread over days, some at exactly the watermark, with repeats and
        // ids out of order; taken out at watermarks that fall inside buckets.
        var queue = DueCases()
        var waiting: [ScheduleProgram.DueCase] = []
        let start = Instant(secondsSinceEpoch: 1_772_000_000)
        var watermark = start
        for step in 0..<4_000 {
            let due = start + .seconds(step * 7_919 % 200_000) + .nanoseconds(step % 3)
            let dueCase = ScheduleProgram.DueCase(closes: due, id: Symbol(rawValue: UInt32(step * 31 % 997)))
            queue.insert(dueCase)
            waiting.append(dueCase)
            guard step % 97 == 96 else { continue }
            watermark = watermark + .seconds(5_123)
            let atWatermark = ScheduleProgram.DueCase(closes: watermark, id: Symbol(rawValue: UInt32(step)))
            queue.insert(atWatermark)
            waiting.append(atWatermark)
            let including = step % 2 == 0
            let taken = queue.removeAll(dueBy: watermark, including: including)
            let expected = waiting.filter { including ? $0.closes <= watermark : $0.closes < watermark }
            #expect(taken.sorted() == expected.sorted())
            waiting.removeAll { including ? $0.closes <= watermark : $0.closes < watermark }
        }
        #expect(queue.removeAll(dueBy: .distantFuture, including: true).sorted() == waiting.sorted())
        #expect(queue.isEmpty)
        queue.insert(ScheduleProgram.DueCase(closes: .distantFuture, id: Symbol(rawValue: 1)))
        #expect(queue.removeAll(dueBy: .distantFuture, including: false).isEmpty)
        #expect(queue.removeAll(dueBy: .distantFuture, including: true).count == 1)
    }
}
