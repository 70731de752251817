import ContactCenterRules
import Foundation
import Rulebook
import RulebookTesting
import Testing

@Suite("Attendance: late, early leave, absence, missed punches")
struct AttendanceTests {
    static func late(_ reason: String = "late", value: Decimal? = nil) -> ExpectedVerdict {
        ExpectedVerdict("attendance.late", "late", employee: "E1", subject: "S1", reason: reason, value: value)
    }

    static func early(value: Decimal? = nil) -> ExpectedVerdict {
        ExpectedVerdict("attendance.early-leave", "early-leave", employee: "E1", subject: "S1", reason: "early-leave", value: value)
    }

    static func absent(_ reason: String, subject: String = "S1", employee: String = "E1") -> ExpectedVerdict {
        ExpectedVerdict("attendance.absence", "absent", employee: employee, subject: subject, reason: reason)
    }

    static func excused(_ subject: String, rank: Decimal) -> ExpectedVerdict {
        ExpectedVerdict("attendance.missed-punch", "excused", employee: "E1", subject: subject,
                        reason: "missed-punch-confirmed", value: rank)
    }

    /// E1's 09:00-18:00 shift S1 on 2 March, with the given punches.
    static func day(in clockIn: String?, out clockOut: String?) -> TestLog {
        var log = TestLog()
        log.shift("S1", for: "E1", from: "09:00", to: "18:00")
        if let clockIn { log.clockIn("E1", at: clockIn) }
        if let clockOut { log.clockOut("E1", at: clockOut) }
        return log
    }

    @Test("Lateness against the 30-minute threshold", arguments: [
        ("09:00:00", []),
        ("09:00:00.001", [late()]),
        ("09:29:59.999", [late()]),
        ("09:30:00", [late(value: 30)]),
        ("09:30:00.001", [absent("late-over-threshold")]),
        ("17:59:59", [absent("late-over-threshold")]),
    ] as [(String, [ExpectedVerdict])])
    func lateness(clockIn: String, expected: [ExpectedVerdict]) throws {
        expectVerdicts(try Self.day(in: clockIn, out: "18:00").attendanceVerdicts(), expected)
    }

    @Test("Early leave against the 30-minute threshold", arguments: [
        ("18:00:00", []),
        ("17:59:59", [early()]),
        ("17:30:00", [early(value: 30)]),
        ("17:29:59.999", [absent("early-leave-over-threshold")]),
    ] as [(String, [ExpectedVerdict])])
    func earlyLeave(clockOut: String, expected: [ExpectedVerdict]) throws {
        expectVerdicts(try Self.day(in: "08:50", out: clockOut).attendanceVerdicts(), expected)
    }

    @Test func fortyOneMinutesLateIsADayOfAbsenceCertainAtThirtyMinutes() throws {
        var log = TestLog()
        log.shift("S1", for: "E001", from: "09:00", to: "18:00", published: "2026-03-01 20:00")
        log.clockIn("E001", at: "09:41")
        log.clockOut("E001", at: "18:02")
        let verdict = try #require(try log.attendanceVerdicts().first)
        #expect(VerdictEncoder(calendar: log.calendar).line(for: verdict) == """
            {"rule":"attendance.absence","outcome":"absent","employee":"E001","subject":"S1","time":"2026-03-02T09:30:00+08:00","reason":"late-over-threshold","message":"E001 clocked in 41 minutes late for shift S1; more than 30 minutes counts as a day of absence.","evidence":[1,2],"source":"toolbox-attendance: 遲到或早退超過半小時的, 按照曠工一天處理","value":41}
            """)
        #expect(verdict.message(in: .zh) == "E001 於班次 S1 遲到 41 分鐘, 超過 30 分鐘, 按曠工一天處理。")
    }

    @Test func lateAndEarlyAreJudgedEachOnTheirOwn() throws {
        expectVerdicts(try Self.day(in: "09:10", out: "17:20").attendanceVerdicts(),
                       [Self.late(value: 10), Self.absent("early-leave-over-threshold")])
    }

    @Test func oneAbsencePerShiftWhateverTheNumberOfCauses() throws {
        expectVerdicts(try Self.day(in: "09:45", out: "17:00").attendanceVerdicts(), [Self.absent("late-over-threshold")])
    }

    @Test("Punch windows include both ends", arguments: [
        ("07:00:00", "22:00:00", false), ("06:59:59", "22:00:00", true), ("07:00:00", "22:00:00.001", true),
    ])
    func punchWindows(clockIn: String, clockOut: String, absent: Bool) throws {
        expectVerdicts(try Self.day(in: clockIn, out: clockOut).attendanceVerdicts(),
                       absent ? [Self.absent("missed-punch-not-confirmed")] : [])
    }

    @Test func theEarliestInPunchAndTheLatestOutPunchCount() throws {
        var log = Self.day(in: "09:40", out: "17:00")
        log.clockIn("E1", at: "08:59")
        log.clockOut("E1", at: "18:01")
        expectVerdicts(try log.attendanceVerdicts(), [])
    }

    @Test func oneInPunchServesTwoShiftsWhoseWindowsOverlap() throws {
        var log = TestLog()
        log.shift("AM", for: "E1", from: "09:00", to: "12:00")
        log.shift("PM", for: "E1", from: "10:00", to: "14:00")
        log.clockIn("E1", at: "08:58")
        log.clockOut("E1", at: "14:00")
        expectVerdicts(try log.attendanceVerdicts(), [])
    }

    @Test func threeConfirmedMissedPunchesAMonthAreNormalAndTheFourthIsAbsence() throws {
        var log = TestLog()
        let days = ["2026-03-02", "2026-03-03", "2026-03-04", "2026-03-05"]
        for (index, day) in days.enumerated() {
            log.day = day
            log.shift("S\(index + 1)", for: "E1", from: "09:00", to: "18:00")
            log.clockOut("E1", at: "18:00")
        }
        // Confirmations arrive in reverse order; excuses are ranked by shift start.
        for index in days.indices.reversed() {
            log.punchConfirmed("E1", shift: "S\(index + 1)", at: "2026-03-09 10:0\(4 - index)")
        }
        expectVerdicts(try log.attendanceVerdicts(), [
            Self.excused("S1", rank: 1), Self.excused("S2", rank: 2), Self.excused("S3", rank: 3),
            ExpectedVerdict("attendance.absence", "absent", employee: "E1", subject: "S4",
                            reason: "missed-punch-over-allowance", value: 4),
        ])
    }

    @Test func theAllowanceStartsAgainEachMonth() throws {
        var log = TestLog()
        for (index, day) in ["2026-03-27", "2026-03-30", "2026-03-31", "2026-04-01"].enumerated() {
            log.day = day
            log.shift("S\(index + 1)", for: "E1", from: "09:00", to: "18:00")
            log.clockIn("E1", at: "08:55")
            log.punchConfirmed("E1", shift: "S\(index + 1)", at: "20:00")
        }
        expectVerdicts(try log.attendanceVerdicts(), [
            Self.excused("S1", rank: 1), Self.excused("S2", rank: 2), Self.excused("S3", rank: 3), Self.excused("S4", rank: 1),
        ])
    }

    @Test func oneConfirmationCoversBothMissingPunchesAndCountsOnce() throws {
        var log = Self.day(in: nil, out: nil)
        log.punchConfirmed("E1", shift: "S1", at: "2026-03-03 12:00")
        expectVerdicts(try log.attendanceVerdicts(), [Self.excused("S1", rank: 1)])
    }

    @Test func aConfirmationDoesNotExcuseLateness() throws {
        var log = Self.day(in: "09:40", out: "18:00")
        log.punchConfirmed("E1", shift: "S1", at: "19:00")
        expectVerdicts(try log.attendanceVerdicts(), [Self.absent("late-over-threshold")])
    }

    @Test func approvedLeaveExcusesTheShiftEntirely() throws {
        var log = Self.day(in: nil, out: nil)
        log.leave("E1", shift: "S1", at: "2026-03-01 12:00")
        expectVerdicts(try log.attendanceVerdicts(), [])
    }

    @Test func leaveOfSomeoneNotRosteredIsIgnored() throws {
        var log = Self.day(in: nil, out: nil)
        log.leave("E2", shift: "S1", at: "2026-03-01 12:00")
        expectVerdicts(try log.attendanceVerdicts(), [Self.absent("missed-punch-not-confirmed")])
    }

    @Test("Field work excuses the in-punch only when approved on the shift's date", arguments: [
        ("2026-03-02 10:00", nil), ("2026-03-03 10:00", "field-work-approved-late"), ("2026-03-01 10:00", "missed-punch-not-confirmed"),
    ] as [(String, String?)])
    func fieldWork(approved: String, reason: String?) throws {
        var log = Self.day(in: nil, out: "18:10")
        log.fieldWork("E1", shift: "S1", at: approved)
        expectVerdicts(try log.attendanceVerdicts(), reason.map { [Self.absent($0)] } ?? [])
    }

    @Test func fieldWorkApprovedOnALaterDayIsAbsenceEvenWithAnInPunchCertainAtMidnight() throws {
        var log = Self.day(in: "08:59", out: "18:10")
        let approval = log.fieldWork("E1", shift: "S1", at: "2026-03-03 09:00")
        let verdicts = try log.attendanceVerdicts()
        expectVerdicts(verdicts, [ExpectedVerdict("attendance.absence", "absent", employee: "E1", subject: "S1",
                                                  reason: "field-work-approved-late", evidence: [1, approval])])
        #expect(verdicts.first?.time == (try log.instant("2026-03-03 00:00")))
    }

    @Test func fieldWorkStillRequiresTheOutPunch() throws {
        var log = Self.day(in: nil, out: nil)
        log.fieldWork("E1", shift: "S1", at: "10:00")
        expectVerdicts(try log.attendanceVerdicts(), [Self.absent("missed-punch-not-confirmed")])
    }

    @Test func exemptPeopleGetNoAttendanceVerdicts() throws {
        var log = TestLog()
        log.shift("S1", for: "E1", from: "09:00", to: "18:00")
        log.shift("S2", for: "E2", from: "09:00", to: "18:00")
        log.shift("S3", for: "E3", from: "09:00", to: "18:00")
        log.exemption("E1", at: "2026-06-01 09:00")
        log.hired("E2", as: "executive", at: "2026-01-01 09:00")
        log.hired("E3", as: "agent", at: "2026-01-01 09:00")
        expectVerdicts(try log.attendanceVerdicts(), [Self.absent("missed-punch-not-confirmed", subject: "S3", employee: "E3")])
    }

    @Test func theLatestSchedulingOfAShiftWins() throws {
        var log = TestLog()
        log.shift("S1", for: "E1", from: "09:00", to: "18:00", published: "2026-02-20 10:00")
        log.shift("S1", for: "E1", from: "13:00", to: "22:00", published: "2026-02-25 10:00")
        log.clockIn("E1", at: "12:55")
        log.clockOut("E1", at: "22:00")
        expectVerdicts(try log.attendanceVerdicts(), [])
    }

    @Test func anOvernightShiftIsJudgedAgainstItsNextDayEnd() throws {
        var log = TestLog(day: "2026-03-31")
        log.shift("N1", for: "E1", from: "22:00", to: "2026-04-01 06:00")
        log.clockIn("E1", at: "21:58")
        log.clockOut("E1", at: "2026-04-01 05:20")
        expectVerdicts(try log.attendanceVerdicts(), [ExpectedVerdict("attendance.absence", "absent", subject: "N1",
                                                            reason: "early-leave-over-threshold", value: 40)])
    }

    @Test("A grace period hides small lateness", arguments: [("09:05:00", false), ("09:05:01", true)])
    func grace(clockIn: String, reported: Bool) throws {
        var parameters = AttendanceParameters()
        parameters.grace = .seconds(300)
        expectVerdicts(try Self.day(in: clockIn, out: "18:00").attendanceVerdicts(parameters), reported ? [Self.late()] : [])
    }

    @Test func aLowerThresholdTurnsLatenessIntoAbsence() throws {
        var parameters = AttendanceParameters()
        parameters.absenceThreshold = .seconds(20 * 60)
        let verdicts = try Self.day(in: "09:25", out: "18:00").attendanceVerdicts(parameters)
        expectVerdicts(verdicts, [Self.absent("late-over-threshold")])
        #expect(verdicts.first?.message() == "E1 clocked in 25 minutes late for shift S1; more than 20 minutes counts as a day of absence.")
    }

    @Test func theStrictReadingMakesAnyUnexcusedLatenessAbsence() throws {
        var parameters = AttendanceParameters()
        parameters.strict = true
        let verdicts = try Self.day(in: "09:05", out: "18:00").attendanceVerdicts(parameters)
        expectVerdicts(verdicts, [Self.absent("late-over-threshold")])
        #expect(verdicts.first?.source.hasSuffix("未按規定履行正常請假手續而遲到、早退者, 按照曠工處理") == true)
    }

    @Test func theExcusedMissedPunchAllowanceIsAParameter() throws {
        var parameters = AttendanceParameters()
        parameters.excusedMissedPunchesPerMonth = 1
        var log = TestLog()
        for (index, day) in ["2026-03-02", "2026-03-03"].enumerated() {
            log.day = day
            log.shift("S\(index + 1)", for: "E1", from: "09:00", to: "18:00")
            log.clockIn("E1", at: "08:55")
            log.punchConfirmed("E1", shift: "S\(index + 1)", at: "20:00")
        }
        expectVerdicts(try log.attendanceVerdicts(parameters), [
            Self.excused("S1", rank: 1),
            ExpectedVerdict("attendance.absence", "absent", subject: "S2", reason: "missed-punch-over-allowance"),
        ])
    }
}
