import Rulebook
import RulebookTesting
import Testing

@Suite("Writing logs like a timesheet")
struct TestLogTests {
    @Test func eventsAreWrittenInThePolicysZoneWithFileLineNumbers() {
        var log = TestLog(timeZone: "Asia/Shanghai", day: "2026-03-02")
        let shift = log.shift("S1", for: "E1", from: "09:00", to: "2026-03-03 06:00", team: "A")
        let punch = log.clockIn("E1", at: "09:41:30.25")
        #expect((shift, punch) == (1, 2))
        #expect(log.lines == [
            #"{"time":"2026-02-23T10:00:00+08:00","type":"shift.scheduled","employee":"E1","shift":"S1","start":"2026-03-02T09:00:00+08:00","end":"2026-03-03T06:00:00+08:00","team":"A"}"#,
            #"{"time":"2026-03-02T09:41:30.25+08:00","type":"clock.in","employee":"E1"}"#,
        ])
    }

    @Test func aSwapWritesItsStepsAndLeavesOutTheMissingOnes() {
        var log = TestLog()
        log.swap("W1", requester: "E1", counterpart: "E2", shift: "S1", returnShift: "S2",
                 requested: "2026-02-25 09:00", consented: "2026-02-25 10:00", registered: nil, approved: "2026-02-26 09:00")
        #expect(log.lines.map { $0.contains("swap.registered") } == [false, false, false])
        #expect(log.lines.count == 3)
        #expect(log.lines[2] == #"{"time":"2026-02-26T09:00:00+08:00","type":"swap.approved","swap":"W1","by":"M01"}"#)
    }

    @Test func timesFollowDaylightSavingInTheLogsZone() throws {
        let log = TestLog(timeZone: "America/New_York", day: "2026-03-08")
        let calendar = try PolicyCalendar(timeZone: "America/New_York")
        #expect(calendar.format(try log.instant("01:30")) == "2026-03-08T01:30:00-05:00")
        #expect(calendar.format(try log.instant("03:30")) == "2026-03-08T03:30:00-04:00")
    }

    @Test func aTimeThatCannotBeReadIsAProblemNamingItsLine() {
        var log = TestLog()
        log.clockIn("E1", at: "09:41")
        log.clockIn("E1", at: "half past nine")
        #expect(log.problems.map(\.description) == [
            "test log line 2: cannot read the time 'half past nine' (write 09:41, 09:41:30.5 or 2026-03-03 06:00)",
        ])
    }
}
