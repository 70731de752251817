import ContactCenterRules
import Foundation
import Rulebook
import RulebookTesting
import Testing

@Suite("Time zones, daylight saving and calendar edges")
struct TimeTests {
    static func verdicts(_ log: TestLog, zone: String, training: TrainingParameters = .init()) throws -> [Verdict] {
        try log.evaluate(StandardPolicy.make(training: training, timeZone: zone)).verdicts
            .filter { $0.rule != "discipline.escalation" }
    }

    @Test func aShiftAcrossTheMissingHourIsMeasuredInElapsedTime() throws {
        // 8 March 2026, New York: 02:00 does not exist. 01:00-05:00 lasts three hours.
        var log = TestLog(timeZone: "America/New_York", day: "2026-03-08")
        log.shift("S1", for: "E1", from: "01:00", to: "05:00")
        log.clockIn("E1", at: "01:05")
        log.clockOut("E1", at: "04:40")
        let verdicts = try Self.verdicts(log, zone: "America/New_York")
        expectVerdicts(verdicts, [
            ExpectedVerdict("attendance.late", "late", employee: "E1", subject: "S1", value: 5),
            ExpectedVerdict("attendance.early-leave", "early-leave", employee: "E1", subject: "S1", value: 20),
        ])
        // The early leave is certain four elapsed hours after the end, written in the zone's new offset.
        let calendar = try PolicyCalendar(timeZone: "America/New_York")
        #expect(verdicts.last.map { calendar.format($0.time) } == "2026-03-08T09:00:00-04:00")
    }

    @Test func aShiftAcrossTheRepeatedHourIsMeasuredInElapsedTime() throws {
        // 25 October 2026, Berlin: 02:00-03:00 happens twice. 00:00-04:00 lasts five hours.
        var log = TestLog(timeZone: "Europe/Berlin", day: "2026-10-25")
        log.shift("S1", for: "E1", from: "00:00", to: "04:00")
        log.clockIn("E1", at: "00:00")
        // 03:00 local is one elapsed hour before the end; more than 30 minutes early is absence.
        log.clockOut("E1", at: "03:00")
        expectVerdicts(try Self.verdicts(log, zone: "Europe/Berlin"), [
            ExpectedVerdict("attendance.absence", "absent", employee: "E1", subject: "S1",
                            reason: "early-leave-over-threshold", value: 60),
        ])
    }

    @Test func theMissedPunchAllowanceFollowsTheMonthOfTheShiftsStartAcrossATransition() throws {
        // 1 November 2026 is both a new month and New York's fall-back day.
        var log = TestLog(timeZone: "America/New_York", day: "2026-10-28")
        for (index, (start, end)) in [("2026-10-28 09:00", "2026-10-28 17:00"), ("2026-10-29 09:00", "2026-10-29 17:00"),
                                      ("2026-10-30 09:00", "2026-10-30 17:00"), ("2026-10-31 22:00", "2026-11-01 06:00"),
                                      ("2026-11-01 22:00", "2026-11-02 06:00")].enumerated() {
            log.shift("S\(index + 1)", for: "E1", from: start, to: end)
            log.clockIn("E1", at: start)
            log.punchConfirmed("E1", shift: "S\(index + 1)", at: "2026-11-05 10:00")
        }
        let outcomes = try Self.verdicts(log, zone: "America/New_York").map { "\($0.subject) \($0.outcome)" }
        // The overnight shift of 31 October is October's fourth; 1 November starts a new count.
        #expect(outcomes == ["S1 excused", "S2 excused", "S3 excused", "S4 absent", "S5 excused"])
    }

    @Test func anOvernightShiftOverTheYearEndBelongsToDecember() throws {
        var log = TestLog(day: "2026-12-31")
        log.shift("N1", for: "E1", from: "22:00", to: "2027-01-01 06:00")
        log.clockIn("E1", at: "21:58")
        log.clockOut("E1", at: "2027-01-01 06:01")
        log.shift("D1", for: "E1", from: "2027-01-04 09:00", to: "2027-01-04 18:00")
        log.clockIn("E1", at: "2027-01-04 09:31")
        log.clockOut("E1", at: "2027-01-04 18:00")
        expectVerdicts(try Self.verdicts(log, zone: "Asia/Shanghai"),
                       [ExpectedVerdict("attendance.absence", "absent", employee: "E1", subject: "D1", reason: "late-over-threshold")])
    }

    @Test("Repayment from a leap day: four years later is 29 February again, one year later is 28 February", arguments: [
        (4, "2032-02-29 10:00", true), (4, "2032-02-29 10:00:01", false), (1, "2029-02-28 10:00", true), (1, "2029-02-28 10:00:01", false),
    ])
    func leapDay(years: Int, left: String, owed: Bool) throws {
        var training = TrainingParameters()
        training.repaymentYears = years
        var log = TestLog()
        log.course("Q", totalMinutes: 60, kind: "qualification", cost: 1000, at: "2028-01-10 09:00")
        log.completed("E1", course: "Q", at: "2028-02-29 10:00")
        log.left("E1", at: left)
        #expect(try Self.verdicts(log, zone: "Asia/Shanghai", training: training).map(\.rule) == (owed ? ["training.repayment"] : []))
    }

    @Test func oneInstantWrittenWithDifferentOffsetsIsOneTime() throws {
        var log = TestLog()
        log.shift("S1", for: "E1", from: "09:00", to: "18:00")
        log.raw(#"{"time":"2026-03-02T01:30:00.001Z","type":"clock.in","employee":"E1"}"#)
        log.raw(#"{"time":"2026-03-01T20:30:00.001-05:00","type":"clock.in","employee":"E1"}"#)
        log.clockOut("E1", at: "18:00")
        let verdicts = try Self.verdicts(log, zone: "Asia/Shanghai")
        expectVerdicts(verdicts, [ExpectedVerdict("attendance.absence", "absent", employee: "E1", subject: "S1",
                                                  reason: "late-over-threshold", evidence: [1, 2])])
    }
}
