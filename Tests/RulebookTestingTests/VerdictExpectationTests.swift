import Rulebook
import RulebookTesting
import Testing
import XCTest

/// A first-response rule of the test's own, written with the engine's combinators.
enum Replies {
    static let schema = EventSchema([
        EventType("inquiry.received", required: [.init("ticket", .id)], optional: [.init("employee", .id), .init("channel", .text())]),
        EventType("inquiry.responded", required: [.init("ticket", .id), .init("employee", .id)]),
    ])

    static let rule = Rule(
        id: "reply.first", title: "Reply within 5 minutes", clause: Clause(source: "desk", text: "5 minutes"),
        .schedule(ScheduleRule(
            Schedule(cases: CaseSource(EventSelector("inquiry.received"), id: "ticket", owner: "employee",
                                       start: .eventTime, end: .eventTime),
                     expectations: [Expectation("reply", EventSelector("inquiry.responded"), correlation: .caseID(field: "ticket"))],
                     closes: .start(plus: .seconds(300))),
            outcomes: [
                ScheduleOutcome("breached", reason: "late", when: .measure(Measure("reply", .after, .start()), above: .seconds(300), atMost: nil),
                                at: .point(.start(plus: .seconds(300))), message: Message(en: "{subject} replied {value} min late", zh: "")),
                ScheduleOutcome("breached", reason: "never", when: .missing(.unexcused),
                                at: .point(.start(plus: .seconds(300))), message: Message(en: "{subject} was never answered", zh: "")),
            ])))

    static let policy = Policy(name: "replies", schema: schema, rules: [rule])
}

@Suite("Expecting verdicts")
struct VerdictExpectationTests {
    func report() throws -> EvaluationReport {
        var log = TestLog()
        log.inquiry("T1", at: "10:00", to: "E1")
        log.responded("T1", by: "E1", at: "10:07:30")
        log.inquiry("T2", at: "11:00", to: "E2")
        return try log.evaluate(Replies.policy)
    }

    @Test func exactlyTheExpectedVerdictsPass() throws {
        expectVerdicts(try report().verdicts, [
            ExpectedVerdict("reply.first", "breached", employee: "E2", subject: "T2", reason: "never", evidence: [3]),
            ExpectedVerdict("reply.first", "breached", employee: "E1", subject: "T1", reason: "late", value: 7.5, evidence: [1, 2]),
        ])
        expectNoVerdict(try report().verdicts, ExpectedVerdict("reply.first", "breached", subject: "T3"))
    }

    @Test func aFailureShowsTheMissingAndTheUnexpectedSideBySide() throws {
        let comparison = VerdictComparison(actual: try report().verdicts, expected: [
            ExpectedVerdict("reply.first", "breached", employee: "E1", subject: "T1", reason: "never"),
            ExpectedVerdict("reply.first", "breached", employee: "E2", subject: "T2"),
        ])
        #expect(!comparison.matches)
        #expect(comparison.description == """
            verdicts differ
            expected, not found:                       |  found, not expected:
              reply.first breached E1 T1 reason=never  |    reply.first breached E1 T1 reason=late value=7.5 evidence=[1, 2]
                                                       |      "T1 replied 7.5 min late"
            """)
    }

    @Test func aFailingExpectationRecordsAnIssue() throws {
        let verdicts = try report().verdicts
        withKnownIssue {
            expectVerdicts(verdicts, [])
        }
        withKnownIssue {
            expectNoVerdict(verdicts, ExpectedVerdict("reply.first", "breached"))
        }
    }

    @Test func aSessionReportsWhatBecameCertainAsTheClockMoves() throws {
        var session = try TestSession(policy: Replies.policy)
        session.log.inquiry("T1", at: "10:00", to: "E1")
        session.log.responded("T1", by: "E1", at: "10:07")
        #expect(try session.advance(to: "10:04:59").isEmpty)
        expectVerdicts(try session.advance(to: "10:05").issued, [ExpectedVerdict("reply.first", "breached", reason: "never")])
        let revision = try session.advance(to: "10:08")
        expectVerdicts(revision.retracted, [ExpectedVerdict("reply.first", "breached", reason: "never")])
        expectVerdicts(session.inForce, [ExpectedVerdict("reply.first", "breached", reason: "late", value: 7)])
    }
}

/// The same assertion from XCTest.
final class VerdictAssertionXCTests: XCTestCase {
    func testExpectedVerdictsPass() throws {
        var log = TestLog()
        log.inquiry("T1", at: "10:00", to: "E1")
        XCTAssertVerdicts(try log.evaluate(Replies.policy).verdicts, [ExpectedVerdict("reply.first", "breached", subject: "T1")])
    }
}
