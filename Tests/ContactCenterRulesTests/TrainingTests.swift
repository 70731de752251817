import ContactCenterRules
import Foundation
import Rulebook
import RulebookTesting
import Testing

@Suite("Training attendance")
struct TrainingTests {
    static func notAttended(value: Decimal? = nil, evidence: [Int]? = nil) -> ExpectedVerdict {
        ExpectedVerdict("training.attendance", "not-attended", employee: "E1", subject: "C1", reason: "missed-a-third",
                        value: value, evidence: evidence)
    }

    /// A 600-minute course with two sessions of 300 minutes, attended as given.
    static func course(_ first: TestValue, _ second: TestValue) -> TestLog {
        var log = TestLog()
        log.course("C1", totalMinutes: 600, kind: "general", at: "2026-02-27 09:00")
        log.attended("E1", course: "C1", session: "1", scheduled: 300, attended: first, at: "2026-03-02 17:00")
        log.attended("E1", course: "C1", session: "2", scheduled: 300, attended: second, at: "2026-03-09 17:00")
        return log
    }

    @Test("Missing exactly a third counts as not attending", arguments: [
        (TestValue.number("200"), TestValue.number("200"), true), (.number("201"), .number("200"), false),
        (.number("199.999"), .number("200.001"), true), (.number("284.7"), .number("115.3"), true),
        (.number("284.7"), .number("115.4"), false),
    ])
    func aThird(first: TestValue, second: TestValue, reached: Bool) throws {
        let verdicts = try Self.course(first, second).verdicts()
        expectVerdicts(verdicts, reached ? [Self.notAttended(value: 200, evidence: [1, 2, 3])] : [])
    }

    @Test func theVerdictComesWithTheSessionThatReachedAThirdAndCarriesTheCriticism() throws {
        let log = Self.course(.number("0"), .number("300"))
        let verdicts = try log.verdicts()
        expectVerdicts(verdicts, [Self.notAttended(value: 300, evidence: [1, 2])])
        #expect(verdicts.first?.time == (try log.instant("2026-03-02 17:00")))
        #expect(verdicts.first?.message(in: .zh).hasSuffix("按未參加培訓處理, 並進行通報批評。") == true)
    }

    @Test func theLatestRecordOfASessionWins() throws {
        var log = Self.course(.number("300"), .number("150"))
        log.attended("E1", course: "C1", session: "2", scheduled: 300, attended: 250, at: "2026-03-10 09:00")
        expectVerdicts(try log.verdicts(), [])
    }

    @Test func aCourseNeverScheduledIsNotJudged() throws {
        var log = TestLog()
        log.attended("E1", course: "C9", session: "1", scheduled: 300, attended: 0, at: "17:00")
        expectVerdicts(try log.verdicts(), [])
    }
}

@Suite("Discipline")
struct DisciplineTests {
    /// E1 is absent (no punches) from one shift on each of `days`.
    static func absences(_ days: [String]) -> TestLog {
        var log = TestLog()
        for (index, day) in days.enumerated() {
            log.day = day
            log.shift("S\(index + 1)", for: "E1", from: "09:00", to: "18:00")
        }
        return log
    }

    static func step(_ outcome: String, _ subject: String) -> ExpectedVerdict {
        ExpectedVerdict("discipline.escalation", outcome, employee: "E1", subject: subject)
    }

    @Test func theLadderClimbsFromWarningToDismissal() throws {
        let log = Self.absences(["2026-03-02", "2026-03-03", "2026-03-04", "2026-03-05", "2026-03-06"])
        let steps = try log.evaluate(StandardPolicy.make()).verdicts.filter { $0.rule == "discipline.escalation" }
        expectVerdicts(steps, [
            Self.step("warning", "S1"), Self.step("fine", "S2"), Self.step("demerit", "S3"),
            Self.step("dismissal", "S4"), Self.step("dismissal", "S5"),
        ])
    }

    @Test("A violation 365 days old still counts; 366 days old does not", arguments: [
        ("2027-03-02", "fine"), ("2027-03-03", "warning"),
    ])
    func window(second: String, outcome: String) throws {
        let steps = try Self.absences(["2026-03-02", second]).evaluate(StandardPolicy.make()).verdicts
            .filter { $0.rule == "discipline.escalation" }
        #expect(steps.last?.outcome == outcome)
    }

    @Test func theLadderAndItsAmountsAreParameters() throws {
        var discipline = DisciplineParameters()
        discipline.tiers = [.init("warning"), .init("fine", amount: 200)]
        let policy = StandardPolicy.make(discipline: discipline)
        let steps = try Self.absences(["2026-03-02", "2026-03-03", "2026-03-04"]).evaluate(policy).verdicts
            .filter { $0.rule == "discipline.escalation" }
        #expect(steps.map(\.outcome) == ["warning", "fine", "fine"])
        #expect(steps.map(\.amount) == [nil, 200, 200])
    }
}

@Suite("Onboarding and repayment")
struct OnboardingAndRepaymentTests {
    @Test("Onboarding within seven calendar days of hiring, to the instant", arguments: [
        ("2026-03-09 09:00", false), ("2026-03-09 09:00:01", true), ("2026-03-10 09:00", true), ("2026-03-02 09:00", false),
    ])
    func onboardingWeek(session: String, overdue: Bool) throws {
        var log = TestLog()
        log.course("ONB", totalMinutes: 240, kind: "onboarding", at: "2026-02-20 09:00")
        log.hired("E1", as: "agent", at: "2026-03-02 09:00")
        log.attended("E1", course: "ONB", session: "1", scheduled: 240, attended: 240, at: session)
        let verdicts = try log.verdicts().filter { $0.rule == "training.onboarding" }
        expectVerdicts(verdicts, overdue ? [ExpectedVerdict("training.onboarding", "overdue", employee: "E1", subject: "E1",
                                                            reason: "no-onboarding-session", evidence: [2])] : [])
        if overdue { #expect(verdicts.first?.time == (try log.instant("2026-03-09 09:00"))) }
    }

    @Test func onlyAnOnboardingCourseCountsAndTheEarliestHiring() throws {
        var log = TestLog()
        log.course("GEN", totalMinutes: 240, kind: "general", at: "2026-02-20 09:00")
        log.hired("E1", at: "2026-03-02 09:00")
        log.hired("E1", at: "2026-03-20 09:00")
        log.attended("E1", course: "GEN", session: "1", scheduled: 240, attended: 240, at: "2026-03-03 09:00")
        expectVerdicts(try log.verdicts().filter { $0.rule == "training.onboarding" },
                       [ExpectedVerdict("training.onboarding", "overdue", employee: "E1", subject: "E1", evidence: [2])])
    }

    /// E1 completes course Q (`kind`, `cost`) on 2 March 2026 at 10:00 and leaves at `left`.
    static func leaving(at left: String, kind: String = "qualification", cost: TestValue = 5000,
                        training: TrainingParameters = .init()) throws -> [Verdict] {
        var log = TestLog()
        log.course("Q", totalMinutes: 600, kind: kind, cost: cost, at: "2026-01-10 09:00")
        log.completed("E1", course: "Q", at: "2026-03-02 10:00")
        log.left("E1", at: left)
        return try log.evaluate(StandardPolicy.make(training: training)).verdicts.filter { $0.rule == "training.repayment" }
    }

    @Test("Leaving within four calendar years repays the cost", arguments: [
        ("2030-03-01 10:00", true), ("2030-03-02 10:00", true), ("2030-03-02 10:00:01", false), ("2026-03-02 09:59", false),
    ])
    func repaymentWindow(left: String, owed: Bool) throws {
        let verdicts = try Self.leaving(at: left)
        expectVerdicts(verdicts, owed ? [ExpectedVerdict("training.repayment", "owed", employee: "E1", subject: "Q",
                                                        evidence: [1, 2, 3])] : [])
        if owed { #expect(verdicts.first?.amount == 5000) }
    }

    @Test func promotionTrainingIsRepaidTooButNotGeneralTraining() throws {
        #expect(try Self.leaving(at: "2027-01-01 10:00", kind: "promotion").count == 1)
        #expect(try Self.leaving(at: "2027-01-01 10:00", kind: "general").isEmpty)
    }

    @Test func aCourseWithoutACostOwesNoAmount() throws {
        let verdicts = try Self.leaving(at: "2027-01-01 10:00", cost: .missing)
        #expect(verdicts.count == 1)
        #expect(verdicts.first?.amount == nil)
    }

    @Test func theStatutoryOptionCapsTheRepaymentAtTheUnservedShare() throws {
        var training = TrainingParameters()
        training.statutoryRepayment = true
        // Two years in, 731 of the 1461 days (29 February 2028 among them) are served.
        let verdicts = try Self.leaving(at: "2028-03-02 10:00", cost: 1461, training: training)
        #expect(verdicts.first?.amount == 730)
    }
}

@Suite("Half-yearly training for supervisors and managers")
struct RefresherTests {
    /// A log from 1 January to 1 July 2026 (all of 2026-H1) that opens with E1's
    /// hiring as `role`.
    static func halfYear(role: String = "supervisor", attended: TestValue? = nil, from: String = "2026-01-01 00:00",
                         to: String = "2026-07-01 00:00", extra: (inout TestLog) -> Void = { _ in }) throws -> [Verdict] {
        var log = TestLog()
        log.hired("E1", as: role, at: from)
        log.course("C1", totalMinutes: 60, at: "2026-01-02 09:00")
        if let attended { log.attended("E1", course: "C1", session: "1", scheduled: 60, attended: attended, at: "2026-05-04 09:00") }
        extra(&log)
        log.clockIn("X", at: to)
        return try log.evaluate(StandardPolicy.make()).verdicts.filter { $0.rule == "training.refresher" }
    }

    static let overdue = ExpectedVerdict("training.refresher", "overdue", employee: "E1", subject: "2026-H1",
                                         reason: "no-training-in-half-year")

    @Test("A supervisor or manager needs a session with attended minutes each half-year", arguments: [
        ("supervisor", nil, true), ("manager", nil, true), ("supervisor", TestValue.number("0"), true),
        ("supervisor", .number("0.5"), false), ("agent", nil, false),
    ] as [(String, TestValue?, Bool)])
    func requirement(role: String, attended: TestValue?, overdue: Bool) throws {
        let verdicts = try Self.halfYear(role: role, attended: attended)
        expectVerdicts(verdicts, overdue ? [Self.overdue] : [])
        if overdue { #expect(verdicts.first?.time == (try TestLog().instant("2026-07-01 00:00"))) }
    }

    @Test("Only half-years the log covers fully are judged", arguments: [
        ("2026-01-01 00:00:01", "2026-07-01 00:00"), ("2026-01-01 00:00", "2026-06-30 23:59:59"),
    ])
    func coverage(from: String, to: String) throws {
        expectVerdicts(try Self.halfYear(from: from, to: to), [])
    }

    @Test func theLatestHiringDecidesTheRole() throws {
        expectVerdicts(try Self.halfYear { $0.hired("E1", as: "agent", at: "2026-03-01 09:00") }, [])
        // Someone who left before the half-year began is not concerned by it.
        expectVerdicts(try Self.halfYear {
            $0.hired("E2", as: "manager", at: "2025-12-01 09:00")
            $0.left("E2", at: "2025-12-31 18:00")
        }, [Self.overdue])
        // Leaving during the half-year still leaves it to be judged.
        expectVerdicts(try Self.halfYear { $0.left("E1", at: "2026-02-01 18:00") }, [Self.overdue])
    }
}
