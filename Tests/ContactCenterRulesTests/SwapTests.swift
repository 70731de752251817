import ContactCenterRules
import Foundation
import Rulebook
import RulebookTesting
import Testing

@Suite("Shift swaps and handover")
struct SwapTests {
    /// E1 holds S1 on Tuesday 3 March, E2 holds S2 on Thursday 5 March (09:00-18:00).
    static func roster(holiday: Bool = false) -> TestLog {
        var log = TestLog()
        log.shift("S1", for: "E1", from: "2026-03-03 09:00", to: "2026-03-03 18:00", holiday: holiday)
        log.shift("S2", for: "E2", from: "2026-03-05 09:00", to: "2026-03-05 18:00")
        return log
    }

    /// Each works the shift they hold after the swap (or before it, when it is not effective).
    static func work(_ log: inout TestLog, _ pairs: [(String, String)]) {
        for (employee, day) in pairs {
            log.clockIn(employee, at: "\(day) 08:55")
            log.clockOut(employee, at: "\(day) 18:05")
        }
    }

    static func swap(_ log: inout TestLog, requested: String? = "2026-02-25 09:00", consented: String? = "2026-02-25 10:00",
                     registered: String? = "2026-02-25 11:00", approved: String? = "2026-02-26 09:00") {
        log.swap("W1", requester: "E1", counterpart: "E2", shift: "S1", returnShift: "S2",
                 requested: requested, consented: consented, registered: registered, approved: approved)
    }

    @Test func anEffectiveSwapRewritesTheRosterBeforeAttendanceIsJudged() throws {
        var log = Self.roster()
        Self.swap(&log)
        Self.work(&log, [("E2", "2026-03-03"), ("E1", "2026-03-05")])
        expectVerdicts(try log.verdicts(), [])
    }

    @Test("A swap missing any single step does not take effect", arguments: ["consented", "registered", "approved"])
    func missingStep(step: String) throws {
        var log = Self.roster()
        Self.swap(&log, consented: step == "consented" ? nil : "2026-02-25 10:00",
                  registered: step == "registered" ? nil : "2026-02-25 11:00",
                  approved: step == "approved" ? nil : "2026-02-26 09:00")
        Self.work(&log, [("E2", "2026-03-03"), ("E1", "2026-03-05")])
        let verdicts = try log.verdicts()
        // The original roster stands: E1 and E2 each missed their own shift.
        expectVerdicts(verdicts, [
            ExpectedVerdict("swap.not-effective", "not-effective", employee: "E1", subject: "W1", reason: "missing-step"),
            ExpectedVerdict("attendance.absence", "absent", employee: "E1", subject: "S1", reason: "missed-punch-not-confirmed"),
            ExpectedVerdict("attendance.absence", "absent", employee: "E2", subject: "S2", reason: "missed-punch-not-confirmed"),
        ])
        #expect(verdicts.first { $0.rule == "swap.not-effective" }?.message()
                == "Swap W1 did not take effect: \(step) missing; the original roster stands.")
        #expect(verdicts.first { $0.rule == "swap.not-effective" }?.time == (try log.instant("2026-03-03 09:00")))
    }

    @Test func aSwapWithoutItsRequestNamesNobody() throws {
        var log = Self.roster()
        Self.swap(&log, requested: nil)
        expectVerdicts(try log.verdicts().filter { $0.rule.hasPrefix("swap.") },
                       [ExpectedVerdict("swap.not-effective", "not-effective", subject: "W1", reason: "missing-step")])
        #expect(try log.verdicts().first { $0.rule == "swap.not-effective" }?.employee == nil)
    }

    @Test("Approval must come strictly before the earlier shift starts", arguments: [
        ("2026-03-03 08:59:59", true), ("2026-03-03 09:00", false),
    ])
    func approvalDeadline(approved: String, effective: Bool) throws {
        var log = Self.roster()
        Self.swap(&log, approved: approved)
        Self.work(&log, [("E2", "2026-03-03"), ("E1", "2026-03-05")])
        let swaps = try log.verdicts().filter { $0.rule == "swap.not-effective" }
        expectVerdicts(swaps, effective ? [] : [ExpectedVerdict("swap.not-effective", "not-effective", employee: "E1",
                                                                 subject: "W1", reason: "decided-too-late")])
    }

    @Test func aSwapNamingAShiftNeverScheduledDoesNotTakeEffect() throws {
        var log = TestLog()
        log.shift("S1", for: "E1", from: "2026-03-03 09:00", to: "2026-03-03 18:00")
        Self.swap(&log)
        expectVerdicts(try log.verdicts().filter { $0.rule.hasPrefix("swap.") }, [
            ExpectedVerdict("swap.not-effective", "not-effective", employee: "E1", subject: "W1", reason: "case-not-scheduled"),
        ])
    }

    @Test func aHolidayShiftCannotBeSwappedAndTheSwapGetsNoNotEffective() throws {
        var log = Self.roster(holiday: true)
        Self.swap(&log)
        Self.work(&log, [("E1", "2026-03-03"), ("E2", "2026-03-05")])
        expectVerdicts(try log.verdicts(), [
            ExpectedVerdict("swap.holiday", "violation", employee: "E1", subject: "W1", reason: "holiday-shift"),
        ])
    }

    @Test func leaveOnASwappedShiftIsNotHonoured() throws {
        var log = Self.roster()
        Self.swap(&log)
        log.leave("E2", shift: "S1", at: "2026-03-01 10:00")
        Self.work(&log, [("E1", "2026-03-05")])
        // E2's leave is refused; the shift then went uncovered, which E1, the other
        // party, answers for too.
        expectVerdicts(try log.verdicts(), [
            ExpectedVerdict("attendance.absence", "absent", employee: "E2", subject: "S1", reason: "leave-on-swapped-shift"),
            ExpectedVerdict("attendance.absence", "absent", employee: "E1", subject: "S1", reason: "swapped-shift-uncovered"),
        ])
    }

    @Test func leaveOnAHolidayShiftIsNotHonoured() throws {
        var log = Self.roster(holiday: true)
        log.leave("E1", shift: "S1", at: "2026-03-01 10:00")
        Self.work(&log, [("E2", "2026-03-05")])
        expectVerdicts(try log.verdicts(), [
            ExpectedVerdict("attendance.absence", "absent", employee: "E1", subject: "S1", reason: "leave-on-holiday-shift"),
        ])
    }

    @Test func aSwappedShiftNobodyCoveredIsAbsenceForBothParties() throws {
        var log = Self.roster()
        Self.swap(&log)
        Self.work(&log, [("E1", "2026-03-05")])
        expectVerdicts(try log.verdicts(), [
            ExpectedVerdict("attendance.absence", "absent", employee: "E2", subject: "S1", reason: "swapped-shift-uncovered"),
            ExpectedVerdict("attendance.absence", "absent", employee: "E1", subject: "S1", reason: "swapped-shift-uncovered"),
        ])
    }

    /// E1 swaps away a shift to E2 on each of `days`, receiving a return shift 20 days later.
    static func swaps(on days: [String], returnOffset: Int = 20) -> TestLog {
        var log = TestLog()
        for (index, day) in days.enumerated() {
            let number = index + 1
            log.shift("A\(number)", for: "E1", from: "\(day) 09:00", to: "\(day) 18:00", published: "2026-01-01 10:00")
            let back = log.calendar.localDate(of: log.calendar.adding(days: returnOffset, to: (try? log.instant("\(day) 09:00")) ?? .distantPast))
            log.shift("B\(number)", for: "E2", from: "\(back) 09:00", to: "\(back) 18:00", published: "2026-01-01 10:00")
            log.swap("W\(number)", requester: "E1", counterpart: "E2", shift: "A\(number)", returnShift: "B\(number)",
                     requested: "2026-01-05 09:00", consented: "2026-01-05 10:00", registered: "2026-01-05 11:00",
                     approved: "2026-01-06 09:0\(number)")
        }
        return log
    }

    @Test func theFourthSwapOfAMonthIsOverTheLimitForBothParties() throws {
        let log = Self.swaps(on: ["2026-03-02", "2026-03-09", "2026-03-16", "2026-03-23"])
        expectVerdicts(try log.verdicts().filter { $0.rule == "swap.limit" }, [
            ExpectedVerdict("swap.limit", "exceeded", employee: "E1", subject: "W4", value: 4),
            ExpectedVerdict("swap.limit", "exceeded", employee: "E2", subject: "W4", value: 4),
        ])
    }

    @Test func aSwapCountsInTheMonthOfTheShiftGivenAwayNotOfTheApproval() throws {
        // Approved in January; three shifts in March and one in April: no month has four.
        let log = Self.swaps(on: ["2026-03-02", "2026-03-09", "2026-03-16", "2026-04-06"])
        expectVerdicts(try log.verdicts().filter { $0.rule == "swap.limit" }, [])
    }

    /// E1 swaps each given shift for E2's shift beside it, as W1, W2, ... in turn: all
    /// asked for and agreed on 25 February, approved a minute apart on the 26th.
    static func swapInTurn(_ pairs: [(given: String, back: String)], in log: inout TestLog) {
        for (index, (given, back)) in pairs.enumerated() {
            log.swap("W\(index + 1)", requester: "E1", counterpart: "E2", shift: given, returnShift: back,
                     requested: "2026-02-25 09:00", consented: "2026-02-25 10:00", registered: "2026-02-25 11:00",
                     approved: "2026-02-26 09:0\(index)")
        }
    }

    @Test func givingAwayTheNextShiftOfOnesOwnIsAConsecutiveSwap() throws {
        var log = TestLog()
        log.shift("A1", for: "E1", from: "2026-03-02 09:00", to: "2026-03-02 18:00")
        log.shift("A2", for: "E1", from: "2026-03-03 09:00", to: "2026-03-03 18:00")
        log.shift("A3", for: "E1", from: "2026-03-05 09:00", to: "2026-03-05 18:00")
        log.shift("B1", for: "E2", from: "2026-03-10 09:00", to: "2026-03-10 18:00")
        log.shift("B2", for: "E2", from: "2026-03-12 09:00", to: "2026-03-12 18:00")
        log.shift("B3", for: "E2", from: "2026-03-14 09:00", to: "2026-03-14 18:00")
        Self.swapInTurn([("A1", "B1"), ("A2", "B2"), ("A3", "B3")], in: &log)
        // W2 gives away A2, the shift right after A1 (given in W1); W3 gives away A3,
        // and nothing of E1's lies between A2 and A3 any more. E2 in turn gives away
        // B1, B2 and B3 with none of their shifts between them.
        expectVerdicts(try log.verdicts().filter { $0.rule == "swap.consecutive" }, [
            ExpectedVerdict("swap.consecutive", "violation", employee: "E1", subject: "W2"),
            ExpectedVerdict("swap.consecutive", "violation", employee: "E1", subject: "W3"),
            ExpectedVerdict("swap.consecutive", "violation", employee: "E2", subject: "W2"),
            ExpectedVerdict("swap.consecutive", "violation", employee: "E2", subject: "W3"),
        ])
    }

    @Test func aShiftRepublishedForSomeoneElseIsTheirsWhenSwapsAreJudged() throws {
        // A2 is first published for E1, then for E3: between A1 and A3, which E1 gives
        // away, E1 has nothing left, so the second is a consecutive swap.
        var log = TestLog()
        log.shift("A1", for: "E1", from: "2026-03-02 09:00", to: "2026-03-02 18:00")
        log.shift("A2", for: "E1", from: "2026-03-03 09:00", to: "2026-03-03 18:00", published: "2026-02-20 10:00")
        log.shift("A2", for: "E3", from: "2026-03-03 09:00", to: "2026-03-03 18:00", published: "2026-02-21 10:00")
        log.shift("A3", for: "E1", from: "2026-03-05 09:00", to: "2026-03-05 18:00")
        log.shift("B1", for: "E2", from: "2026-03-10 09:00", to: "2026-03-10 18:00")
        log.shift("B9", for: "E2", from: "2026-03-20 09:00", to: "2026-03-20 18:00")
        log.shift("B2", for: "E2", from: "2026-03-30 09:00", to: "2026-03-30 18:00")
        Self.swapInTurn([("A1", "B1"), ("A3", "B2")], in: &log)
        // E2 keeps B9 between B1 and B2: no consecutive swap for E2.
        expectVerdicts(try log.verdicts().filter { $0.rule == "swap.consecutive" }, [
            ExpectedVerdict("swap.consecutive", "violation", employee: "E1", subject: "W2"),
        ])
        // A stream advanced day by day, judging the swaps at each step, says the same.
        var session = try TestSession(policy: StandardPolicy.make())
        session.log = log
        for day in ["2026-02-20", "2026-02-21", "2026-02-25", "2026-02-26", "2026-03-03", "2026-03-11"] {
            _ = try session.advance(to: day + " 23:00")
        }
        _ = try session.finish()
        let streamed = session.inForce.filter { $0.rule == "swap.consecutive" }
        #expect(streamed.map { [$0.employee, $0.subject] } == [["E1", "W2"]])
    }

    @Test func aShiftOfOnesOwnBetweenTwoGivenAwayIsNoConsecutiveSwap() throws {
        var log = TestLog()
        log.shift("A1", for: "E1", from: "2026-03-02 09:00", to: "2026-03-02 18:00")
        log.shift("A2", for: "E1", from: "2026-03-03 09:00", to: "2026-03-03 18:00")
        log.shift("A3", for: "E1", from: "2026-03-04 09:00", to: "2026-03-04 18:00")
        log.shift("B1", for: "E2", from: "2026-03-10 09:00", to: "2026-03-10 18:00")
        log.shift("B3", for: "E2", from: "2026-03-14 09:00", to: "2026-03-14 18:00")
        Self.swapInTurn([("A1", "B1"), ("A3", "B3")], in: &log)
        // E1 still works A2 between A1 and A3; E2 still has nothing between B1 and B3
        // but now works A1 (2 March), which is not between them either.
        expectVerdicts(try log.verdicts().filter { $0.rule == "swap.consecutive" && $0.employee == "E1" }, [])
    }

    @Test("Back-to-back: a received shift needs an hour of rest from the party's others", arguments: [
        ("18:59", true), ("19:00", false),
    ])
    func backToBack(receivedStart: String, violation: Bool) throws {
        var log = TestLog()
        log.shift("S1", for: "E1", from: "2026-03-03 09:00", to: "2026-03-03 18:00")
        log.shift("S2", for: "E2", from: "2026-03-05 \(receivedStart)", to: "2026-03-05 23:00")
        log.shift("S3", for: "E1", from: "2026-03-05 09:00", to: "2026-03-05 18:00")
        Self.swap(&log)
        expectVerdicts(try log.verdicts().filter { $0.rule == "swap.back-to-back" },
                       violation ? [ExpectedVerdict("swap.back-to-back", "violation", employee: "E1", subject: "W1")] : [])
    }

    @Test("Leaving before the relief clocks in is an early departure", arguments: [
        ("17:59", "17:58", false), ("17:58", "17:59", true),
    ])
    func handover(outgoingOut: String, reliefIn: String, violation: Bool) throws {
        var log = TestLog()
        log.shift("D1", for: "E1", from: "09:00", to: "18:00", team: "T")
        log.shift("N1", for: "E2", from: "18:00", to: "2026-03-03 02:00", team: "T")
        log.clockIn("E1", at: "08:55")
        log.clockOut("E1", at: outgoingOut)
        log.clockIn("E2", at: reliefIn)
        log.clockOut("E2", at: "2026-03-03 02:01")
        let verdicts = try log.verdicts().filter { $0.rule == "handover.early-departure" }
        expectVerdicts(verdicts, violation ? [ExpectedVerdict("handover.early-departure", "violation", employee: "E1",
                                                              subject: "D1", reason: "left-before-relief", value: 1)] : [])
    }

    @Test func handoverNeedsATeamAndBothPunches() throws {
        var log = TestLog()
        log.shift("D1", for: "E1", from: "09:00", to: "18:00")
        log.shift("N1", for: "E2", from: "18:00", to: "2026-03-03 02:00")
        log.clockIn("E1", at: "08:55")
        log.clockOut("E1", at: "17:59")
        log.clockIn("E2", at: "18:05")
        expectVerdicts(try log.verdicts().filter { $0.rule == "handover.early-departure" }, [])
    }
}
