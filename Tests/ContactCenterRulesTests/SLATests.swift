import ContactCenterRules
import Foundation
import Rulebook
import RulebookTesting
import Testing

@Suite("Response SLAs")
struct SLATests {
    static func breach(_ reason: String, _ ticket: String = "T1", employee: String? = "E1", value: Decimal? = nil,
                       rule: String = "sla.first-response") -> ExpectedVerdict {
        ExpectedVerdict(rule, "breached", employee: employee, subject: ticket, reason: reason, value: value)
    }

    @Test("A response at 5:00 is in time; at 5:00.001 it is late", arguments: [
        ("10:05:00", []), ("10:05:00.001", [breach("late-response")]), ("09:59:00", []),
    ] as [(String, [ExpectedVerdict])])
    func firstResponse(responded: String, expected: [ExpectedVerdict]) throws {
        var log = TestLog()
        log.inquiry("T1", at: "10:00", to: "E1", channel: "chat")
        log.responded("T1", by: "E1", at: responded)
        expectVerdicts(try log.verdicts(), expected)
    }

    @Test func anInquiryNeverAnsweredIsBreachedAtItsDeadline() throws {
        var log = TestLog()
        log.inquiry("T1", at: "10:00", to: "E1")
        let verdicts = try log.verdicts()
        expectVerdicts(verdicts, [Self.breach("no-response")])
        #expect(verdicts.first?.time == (try log.instant("10:05")))
        #expect(verdicts.first?.message() == "Inquiry T1 got no response within 5 minutes.")
    }

    @Test func sevenAndAHalfMinutesIsLateByTheMeasuredAmount() throws {
        var log = TestLog()
        log.inquiry("T9", at: "10:00", to: "E001", channel: "chat")
        log.responded("T9", by: "E001", at: "10:07:30")
        expectVerdicts(try log.verdicts(), [Self.breach("late-response", "T9", employee: "E001", value: 7.5)])
    }

    @Test func onlyTheEarliestInquiryAndResponseOfATicketCount() throws {
        var log = TestLog()
        log.inquiry("T1", at: "10:00", to: "E1")
        log.inquiry("T1", at: "10:04", to: "E1")
        log.responded("T1", by: "E1", at: "10:06")
        log.responded("T1", by: "E1", at: "10:03")
        expectVerdicts(try log.verdicts(), [])
    }

    @Test func whoIsNamedTheReceiverThenTheFirstResponderThenNobody() throws {
        var log = TestLog()
        log.inquiry("T1", at: "10:00")
        log.responded("T1", by: "E7", at: "10:09")
        log.inquiry("T2", at: "11:00")
        expectVerdicts(try log.verdicts(), [
            Self.breach("late-response", "T1", employee: "E7"),
            ExpectedVerdict("sla.first-response", "breached", subject: "T2", reason: "no-response"),
        ])
        #expect(try log.verdicts().last?.employee == nil)
    }

    @Test("Per-channel limits replace the default for their channel", arguments: [
        ("phone", "10:00:20", false), ("phone", "10:00:21", true), ("email", "2026-03-03 10:00", false),
        ("chat", "10:05:01", true), (nil, "10:05:01", true), (nil, "10:04:00", false),
    ] as [(String?, String, Bool)])
    func perChannel(channel: String?, responded: String, breached: Bool) throws {
        var sla = SLAParameters()
        sla.firstResponseByChannel = ["phone": .seconds(20), "email": .seconds(24 * 3600)]
        var log = TestLog()
        log.inquiry("T1", at: "10:00", to: "E1", channel: channel)
        log.responded("T1", by: "E1", at: responded)
        let verdicts = try log.evaluate(StandardPolicy.make(sla: sla)).verdicts
        expectVerdicts(verdicts, breached ? [Self.breach("late-response")] : [])
    }

    @Test("A complex inquiry is answered in full within 30 minutes", arguments: [
        ("10:30:00", []), ("10:30:00.001", [breach("late-answer", rule: "sla.complex-answer")]),
        (nil, [breach("no-answer", employee: "E1", rule: "sla.complex-answer")]),
    ] as [(String?, [ExpectedVerdict])])
    func complexAnswer(answered: String?, expected: [ExpectedVerdict]) throws {
        var log = TestLog()
        log.inquiry("T1", at: "10:00", to: "E1", complex: true)
        log.responded("T1", by: "E1", at: "10:01")
        if let answered { log.answered("T1", by: "E1", at: answered) }
        expectVerdicts(try log.verdicts(), expected)
    }

    @Test func aSimpleInquiryNeedsNoFullAnswer() throws {
        var log = TestLog()
        log.inquiry("T1", at: "10:00", to: "E1")
        log.responded("T1", by: "E1", at: "10:01")
        expectVerdicts(try log.verdicts(), [])
    }

    @Test func aStreamingSessionReportsTheBreachTheMomentTheDeadlinePasses() throws {
        var session = try TestSession(policy: StandardPolicy.make())
        session.log.inquiry("T1", at: "10:00", to: "E1")
        #expect(try session.advance(to: "10:04:59.999").isEmpty)
        expectVerdicts(try session.advance(to: "10:05").issued, [Self.breach("no-response")])
        // The late response arrives: the breach is revised to say by how much.
        session.log.responded("T1", by: "E1", at: "10:06")
        let revision = try session.advance(to: "10:07")
        expectVerdicts(revision.retracted, [Self.breach("no-response")])
        expectVerdicts(revision.issued, [Self.breach("late-response", value: 6)])
    }
}
