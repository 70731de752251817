import Foundation
@testable import Rulebook
import Testing

@Suite("What judging remembers")
struct JudgingMemoTests {
    @Test func aRememberedDelayIsTheSameNumberOfMinutesAsOneWorkedOut() {
        // More distinct delays than the memo keeps, each asked for twice, so that
        // some answers come from the memo and some after it forgot them.
        var memo = JudgingMemo()
        let delays = (0..<(JudgingMemo.minutesLimit + 500)).map { Duration.seconds(301 + $0 * 7) }
        for delay in delays + delays.reversed() {
            #expect(memo.minutes(of: delay) == delay.minutes)
        }
        #expect(memo.minutes(of: .seconds(451)).description == (Decimal(451) / Decimal(60)).description)
        #expect(memo.minutes(of: .seconds(450)) == Decimal(string: "7.5"))
    }
}
