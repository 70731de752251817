import ContactCenterRules
import Foundation
import Rulebook
import Testing

@Suite("Attendance: late, early leave, absence, missed punches")
struct AttendanceTests {
    static let day = "2026-03-02"

    @Test("Lateness against the 30-minute threshold", arguments: [
        ("09:00:00", nil),
        ("09:00:00.001", Finding("attendance.late", "late", "E1", "S1", "late")),
        ("09:29:59.999", Finding("attendance.late", "late", "E1", "S1", "late")),
        ("09:30:00", Finding("attendance.late", "late", "E1", "S1", "late")),
        ("09:30:00.001", Finding("attendance.absence", "absent", "E1", "S1", "late-over-threshold")),
        ("17:59:59", Finding("attendance.absence", "absent", "E1", "S1", "late-over-threshold")),
    ] as [(String, Finding?)])
    func lateness(clockIn: String, expected: Finding?) throws {
        var sheet = Timesheet()
        sheet.shift("S1", "E1", Self.day)
        sheet.clockIn("E1", Self.day, clockIn)
        sheet.clockOut("E1", Self.day, "18:00")
        #expect(try sheet.verdicts().findings == (expected.map { [$0] } ?? []))
    }

    @Test("Early leave against the 30-minute threshold", arguments: [
        ("18:00:00", nil),
        ("17:59:59", Finding("attendance.early-leave", "early-leave", "E1", "S1", "early-leave")),
        ("17:30:00", Finding("attendance.early-leave", "early-leave", "E1", "S1", "early-leave")),
        ("17:29:59.999", Finding("attendance.absence", "absent", "E1", "S1", "early-leave-over-threshold")),
    ] as [(String, Finding?)])
    func earlyLeave(clockOut: String, expected: Finding?) throws {
        var sheet = Timesheet()
        sheet.shift("S1", "E1", Self.day)
        sheet.clockIn("E1", Self.day, "08:50")
        sheet.clockOut("E1", Self.day, clockOut)
        #expect(try sheet.verdicts().findings == (expected.map { [$0] } ?? []))
    }

    @Test func fortyOneMinutesLateIsADayOfAbsenceCertainAtThirtyMinutes() throws {
        var sheet = Timesheet()
        sheet.shift("S1", "E001", Self.day)
        sheet.clockIn("E001", Self.day, "09:41")
        sheet.clockOut("E001", Self.day, "18:02")
        let verdict = try #require(try sheet.verdicts().first)
        let calendar = try PolicyCalendar(timeZone: "Asia/Shanghai")
        #expect(VerdictEncoder(calendar: calendar).line(for: verdict) == """
            {"rule":"attendance.absence","outcome":"absent","employee":"E001","subject":"S1","time":"2026-03-02T09:30:00+08:00","reason":"late-over-threshold","message":"E001 clocked in 41 minutes late for shift S1; more than 30 minutes counts as a day of absence.","evidence":[1,2],"source":"toolbox-attendance: 遲到或早退超過半小時的, 按照曠工一天處理","value":41}
            """)
        #expect(verdict.message(in: .zh) == "E001 於班次 S1 遲到 41 分鐘, 超過 30 分鐘, 按曠工一天處理。")
    }

    @Test func lateAndEarlyAreJudgedEachOnTheirOwn() throws {
        var sheet = Timesheet()
        sheet.shift("S1", "E1", Self.day)
        sheet.clockIn("E1", Self.day, "09:10")
        sheet.clockOut("E1", Self.day, "17:20")
        #expect(try sheet.verdicts().findings == [
            Finding("attendance.late", "late", "E1", "S1", "late"),
            Finding("attendance.absence", "absent", "E1", "S1", "early-leave-over-threshold"),
        ])
    }

    @Test func oneAbsencePerShiftWhateverTheNumberOfCauses() throws {
        var sheet = Timesheet()
        sheet.shift("S1", "E1", Self.day)
        sheet.clockIn("E1", Self.day, "09:45")
        sheet.clockOut("E1", Self.day, "17:00")
        let verdicts = try sheet.verdicts()
        #expect(verdicts.findings == [Finding("attendance.absence", "absent", "E1", "S1", "late-over-threshold")])
    }

    @Test("Punch windows include both ends", arguments: [
        ("07:00:00", "22:00:00", false),
        ("06:59:59", "22:00:00", true),
        ("07:00:00", "22:00:00.001", true),
    ])
    func punchWindows(clockIn: String, clockOut: String, absent: Bool) throws {
        var sheet = Timesheet()
        sheet.shift("S1", "E1", Self.day)
        sheet.clockIn("E1", Self.day, clockIn)
        sheet.clockOut("E1", Self.day, clockOut)
        let expected = absent ? [Finding("attendance.absence", "absent", "E1", "S1", "missed-punch-not-confirmed")] : []
        #expect(try sheet.verdicts().findings == expected)
    }

    @Test func theEarliestInPunchAndTheLatestOutPunchCount() throws {
        var sheet = Timesheet()
        sheet.shift("S1", "E1", Self.day)
        sheet.clockIn("E1", Self.day, "09:40")
        sheet.clockIn("E1", Self.day, "08:59")
        sheet.clockOut("E1", Self.day, "17:00")
        sheet.clockOut("E1", Self.day, "18:01")
        #expect(try sheet.verdicts().isEmpty)
    }

    @Test func oneInPunchServesTwoShiftsWhoseWindowsOverlap() throws {
        var sheet = Timesheet()
        sheet.shift("AM", "E1", Self.day, "09:00", "12:00")
        sheet.shift("PM", "E1", Self.day, "10:00", "14:00")
        sheet.clockIn("E1", Self.day, "08:58")
        sheet.clockOut("E1", Self.day, "14:00")
        #expect(try sheet.verdicts().isEmpty)
    }

    @Test func threeConfirmedMissedPunchesAMonthAreNormalAndTheFourthIsAbsence() throws {
        var sheet = Timesheet()
        let days = ["2026-03-02", "2026-03-03", "2026-03-04", "2026-03-05"]
        for (index, day) in days.enumerated() {
            sheet.shift("S\(index + 1)", "E1", day)
            sheet.clockOut("E1", day, "18:00")
        }
        // Confirmations arrive in reverse order; excuses are ranked by shift start.
        for (index, _) in days.enumerated().reversed() {
            sheet.approval("punch.confirmed", "E1", shift: "S\(index + 1)", on: "2026-03-09", "10:0\(4 - index)")
        }
        let verdicts = try sheet.verdicts()
        #expect(verdicts.findings == [
            Finding("attendance.missed-punch", "excused", "E1", "S1", "missed-punch-confirmed"),
            Finding("attendance.missed-punch", "excused", "E1", "S2", "missed-punch-confirmed"),
            Finding("attendance.missed-punch", "excused", "E1", "S3", "missed-punch-confirmed"),
            Finding("attendance.absence", "absent", "E1", "S4", "missed-punch-over-allowance"),
        ])
        #expect(verdicts.map(\.value) == [1, 2, 3, 4])
    }

    @Test func theAllowanceStartsAgainEachMonth() throws {
        var sheet = Timesheet()
        let days = ["2026-03-27", "2026-03-30", "2026-03-31", "2026-04-01"]
        for (index, day) in days.enumerated() {
            sheet.shift("S\(index + 1)", "E1", day)
            sheet.clockIn("E1", day, "08:55")
            sheet.approval("punch.confirmed", "E1", shift: "S\(index + 1)", on: day, "20:00")
        }
        #expect(try sheet.verdicts().allSatisfy { $0.outcome == "excused" })
    }

    @Test func oneConfirmationCoversBothMissingPunchesAndCountsOnce() throws {
        var sheet = Timesheet()
        sheet.shift("S1", "E1", Self.day)
        sheet.approval("punch.confirmed", "E1", shift: "S1", on: "2026-03-03")
        let verdicts = try sheet.verdicts()
        #expect(verdicts.findings == [Finding("attendance.missed-punch", "excused", "E1", "S1", "missed-punch-confirmed")])
        #expect(verdicts.first?.value == 1)
    }

    @Test func aConfirmationDoesNotExcuseLateness() throws {
        var sheet = Timesheet()
        sheet.shift("S1", "E1", Self.day)
        sheet.clockIn("E1", Self.day, "09:40")
        sheet.clockOut("E1", Self.day, "18:00")
        sheet.approval("punch.confirmed", "E1", shift: "S1", on: Self.day, "19:00")
        #expect(try sheet.verdicts().findings == [Finding("attendance.absence", "absent", "E1", "S1", "late-over-threshold")])
    }

    @Test func approvedLeaveExcusesTheShiftEntirely() throws {
        var sheet = Timesheet()
        sheet.shift("S1", "E1", Self.day)
        sheet.approval("leave.approved", "E1", shift: "S1", on: "2026-03-01")
        #expect(try sheet.verdicts().isEmpty)
    }

    @Test func leaveOfSomeoneNotRosteredIsIgnored() throws {
        var sheet = Timesheet()
        sheet.shift("S1", "E1", Self.day)
        sheet.approval("leave.approved", "E2", shift: "S1", on: "2026-03-01")
        #expect(try sheet.verdicts().findings == [Finding("attendance.absence", "absent", "E1", "S1", "missed-punch-not-confirmed")])
    }

    @Test("Field work excuses the in-punch only when approved on the shift's date", arguments: [
        ("2026-03-02", nil),
        ("2026-03-03", "field-work-approved-late"),
        ("2026-03-01", "missed-punch-not-confirmed"),
    ] as [(String, String?)])
    func fieldWork(approvedOn: String, reason: String?) throws {
        var sheet = Timesheet()
        sheet.shift("S1", "E1", Self.day)
        sheet.clockOut("E1", Self.day, "18:10")
        sheet.approval("fieldwork.approved", "E1", shift: "S1", on: approvedOn, "10:00")
        #expect(try sheet.verdicts().findings == (reason.map { [Finding("attendance.absence", "absent", "E1", "S1", $0)] } ?? []))
    }

    @Test func fieldWorkApprovedOnALaterDayIsAbsenceEvenWithAnInPunch() throws {
        var sheet = Timesheet()
        sheet.shift("S1", "E1", Self.day)
        sheet.clockIn("E1", Self.day, "08:59")
        sheet.clockOut("E1", Self.day, "18:10")
        sheet.approval("fieldwork.approved", "E1", shift: "S1", on: "2026-03-03", "09:00")
        let verdicts = try sheet.verdicts()
        #expect(verdicts.findings == [Finding("attendance.absence", "absent", "E1", "S1", "field-work-approved-late")])
        let midnight = try RFC3339.parse("2026-03-03T00:00:00+08:00")
        #expect(verdicts.first?.time == midnight)
    }

    @Test func fieldWorkStillRequiresTheOutPunch() throws {
        var sheet = Timesheet()
        sheet.shift("S1", "E1", Self.day)
        sheet.approval("fieldwork.approved", "E1", shift: "S1", on: Self.day, "10:00")
        #expect(try sheet.verdicts().findings == [Finding("attendance.absence", "absent", "E1", "S1", "missed-punch-not-confirmed")])
    }

    @Test func exemptPeopleGetNoAttendanceVerdicts() throws {
        var sheet = Timesheet()
        sheet.shift("S1", "E1", Self.day)
        sheet.shift("S2", "E2", Self.day)
        sheet.shift("S3", "E3", Self.day)
        sheet.add(["time": "2026-06-01T09:00:00+08:00", "type": "exemption.granted", "employee": "E1", "by": "GM"])
        sheet.add(["time": "2026-01-01T09:00:00+08:00", "type": "employee.hired", "employee": "E2", "role": "executive"])
        sheet.add(["time": "2026-01-01T09:00:00+08:00", "type": "employee.hired", "employee": "E3", "role": "agent"])
        #expect(try sheet.verdicts().findings == [Finding("attendance.absence", "absent", "E3", "S3", "missed-punch-not-confirmed")])
    }

    @Test func theLatestSchedulingOfAShiftWins() throws {
        var sheet = Timesheet()
        sheet.shift("S1", "E1", Self.day)
        sheet.add(["time": "2026-02-25T10:00:00+08:00", "type": "shift.scheduled", "employee": "E1", "shift": "S1",
                   "start": Timesheet.time(Self.day, "13:00"), "end": Timesheet.time(Self.day, "22:00")])
        sheet.clockIn("E1", Self.day, "12:55")
        sheet.clockOut("E1", Self.day, "22:00")
        #expect(try sheet.verdicts().isEmpty)
    }

    @Test func anOvernightShiftIsJudgedAgainstItsNextDayEnd() throws {
        var sheet = Timesheet()
        sheet.shift("N1", "E1", "2026-03-31", "22:00", "06:00", endDay: "2026-04-01")
        sheet.clockIn("E1", "2026-03-31", "21:58")
        sheet.clockOut("E1", "2026-04-01", "05:20")
        let verdicts = try sheet.verdicts()
        #expect(verdicts.findings == [Finding("attendance.absence", "absent", "E1", "N1", "early-leave-over-threshold")])
        #expect(verdicts.first?.value == 40)
    }

    @Test("A grace period hides small lateness", arguments: [("09:05:00", false), ("09:05:01", true)])
    func grace(clockIn: String, reported: Bool) throws {
        var parameters = AttendanceParameters()
        parameters.grace = .seconds(300)
        var sheet = Timesheet()
        sheet.shift("S1", "E1", Self.day)
        sheet.clockIn("E1", Self.day, clockIn)
        sheet.clockOut("E1", Self.day, "18:00")
        #expect(try sheet.verdicts(parameters).count == (reported ? 1 : 0))
    }

    @Test func aLowerThresholdTurnsLatenessIntoAbsence() throws {
        var parameters = AttendanceParameters()
        parameters.absenceThreshold = .seconds(20 * 60)
        var sheet = Timesheet()
        sheet.shift("S1", "E1", Self.day)
        sheet.clockIn("E1", Self.day, "09:25")
        sheet.clockOut("E1", Self.day, "18:00")
        let verdicts = try sheet.verdicts(parameters)
        #expect(verdicts.findings == [Finding("attendance.absence", "absent", "E1", "S1", "late-over-threshold")])
        #expect(verdicts.first?.message() == "E1 clocked in 25 minutes late for shift S1; more than 20 minutes counts as a day of absence.")
    }

    @Test func theStrictReadingMakesAnyUnexcusedLatenessAbsence() throws {
        var parameters = AttendanceParameters()
        parameters.strict = true
        var sheet = Timesheet()
        sheet.shift("S1", "E1", Self.day)
        sheet.clockIn("E1", Self.day, "09:05")
        sheet.clockOut("E1", Self.day, "18:00")
        let verdicts = try sheet.verdicts(parameters)
        #expect(verdicts.findings == [Finding("attendance.absence", "absent", "E1", "S1", "late-over-threshold")])
        #expect(verdicts.first?.source.hasSuffix("未按規定履行正常請假手續而遲到、早退者, 按照曠工處理") == true)
    }

    @Test func theExcusedMissedPunchAllowanceIsAParameter() throws {
        var parameters = AttendanceParameters()
        parameters.excusedMissedPunchesPerMonth = 1
        var sheet = Timesheet()
        for (index, day) in ["2026-03-02", "2026-03-03"].enumerated() {
            sheet.shift("S\(index + 1)", "E1", day)
            sheet.clockIn("E1", day, "08:55")
            sheet.approval("punch.confirmed", "E1", shift: "S\(index + 1)", on: day, "20:00")
        }
        #expect(try sheet.verdicts(parameters).map(\.outcome) == ["excused", "absent"])
    }
}
