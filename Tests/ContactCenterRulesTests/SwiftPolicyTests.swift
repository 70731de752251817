import ContactCenterRules
import Foundation
import Rulebook
import RulebookTesting
import Testing

/// Policies composed in Swift: the standard pack plus a company's own rules.
@Suite("Writing policies in Swift")
struct SwiftPolicyTests {
    static let clause = Clause(source: "our-handbook", text: "at most 2 early leaves a week; 3 lates make an absence")

    static func policy(strict: Bool = false) -> Policy {
        Policy(name: "our handbook", schema: ContactCenterEvents.schema) {
            AttendanceRules.rules()
            Rule.limit("attendance.early-leaves-per-week", counting: ["attendance.early-leave"], atMost: 2, per: .isoWeek,
                       clause: clause, message: Message(en: "{employee}: early leave number {rank} this week",
                                                        zh: "{employee}: 本週第 {rank} 次早退"))
            if strict {
                Rule.every(3, of: ["attendance.late"], per: .month, "attendance.three-lates", outcome: "absent",
                           clause: clause, message: Message(en: "{employee}: three lates", zh: "{employee}: 遲到三次"))
            }
        }
    }

    static func week() -> TestLog {
        var log = TestLog()
        for (index, day) in ["2026-03-02", "2026-03-03", "2026-03-04"].enumerated() {
            log.day = day
            log.shift("S\(index + 1)", for: "E1", from: "09:00", to: "18:00")
            log.clockIn("E1", at: "09:10")
            log.clockOut("E1", at: "17:50")
        }
        return log
    }

    @Test func theThirdEarlyLeaveOfAWeekIsOverTheLimit() throws {
        let verdicts = try Self.week().evaluate(Self.policy()).verdicts
        expectVerdicts(verdicts.filter { $0.rule == "attendance.early-leaves-per-week" }, [
            ExpectedVerdict("attendance.early-leaves-per-week", "exceeded", employee: "E1", subject: "S3", value: 3),
        ])
        #expect(Self.policy().rules.count == 5)
    }

    @Test func anOptionalRuleJoinsWhenItsConditionHolds() throws {
        let verdicts = try Self.week().evaluate(Self.policy(strict: true)).verdicts
        expectVerdicts(verdicts.filter { $0.rule == "attendance.three-lates" }, [
            ExpectedVerdict("attendance.three-lates", "absent", employee: "E1", subject: "S3"),
        ])
    }

    @Test func aStreamOfLinesYieldsWhatBecomesCertain() async throws {
        let lines = AsyncStream<String> { continuation in
            for line in Self.week().lines { continuation.yield(line) }
            continuation.finish()
        }
        var issued: [Verdict] = []
        for try await changes in Evaluation.verdicts(of: lines, policy: Self.policy()) {
            issued.append(contentsOf: changes.issued)
            for verdict in changes.retracted { issued.removeAll { $0 == verdict } }
        }
        #expect(issued.sorted(by: Verdict.outputOrder) == (try Self.week().evaluate(Self.policy()).verdicts))
        #expect(issued.count == 7)
    }
}
