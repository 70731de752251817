import Foundation
import Rulebook
import Testing

/// A small domain of its own shows the engine knows nothing of contact centers:
/// help-desk tickets that expect a reply within five minutes.
enum HelpDesk {
    static let schema = EventSchema([
        EventType("ticket.opened", required: [.init("ticket", .id)], optional: [.init("agent", .id)]),
        EventType("ticket.replied", required: [.init("ticket", .id), .init("agent", .id)]),
        EventType("ticket.waived", required: [.init("ticket", .id)]),
    ])

    static let clause = Clause(source: "desk", text: "reply within five minutes")

    static let replyDeadline = Rule(
        id: "desk.reply", title: "Reply within five minutes", clause: clause,
        .schedule(ScheduleRule(
            Schedule(
                cases: CaseSource(EventSelector("ticket.opened"), id: "ticket", owner: "agent",
                                  start: .eventTime, end: .eventTime),
                expectations: [Expectation("reply", EventSelector("ticket.replied"), correlation: .caseID(field: "ticket"))],
                waivers: [CaseReference(EventSelector("ticket.waived"), caseField: "ticket")],
                closes: .start(plus: .seconds(300))),
            outcomes: [
                ScheduleOutcome("breached", reason: "late-reply",
                                when: .measure(Measure("reply", .after, .start()), above: .seconds(300), atMost: nil),
                                at: .point(.start(plus: .seconds(300))),
                                message: Message(en: "{subject} answered {value} min late", zh: "{subject} 逾時 {value} 分鐘")),
                ScheduleOutcome("breached", reason: "no-reply", when: .missing(.unexcused),
                                at: .point(.start(plus: .seconds(300))),
                                message: Message(en: "{subject} never answered", zh: "{subject} 未回覆")),
            ])))

    static func policy(_ extra: [Rule] = []) -> Policy {
        Policy(name: "desk", schema: schema, rules: [replyDeadline] + extra, timeZone: "UTC")
    }

    static func at(_ clock: String) -> Instant {
        (try? RFC3339.parse("2026-03-02T" + clock + "Z")) ?? .distantPast
    }
}

@Suite("Streaming and batch evaluation")
struct EvaluationTests {
    @Test func aDeadlineIsReportedTheMomentTimePassesIt() throws {
        var evaluation = try Evaluation(policy: HelpDesk.policy())
        evaluation.feed("ticket.opened", at: HelpDesk.at("10:00:00"), ["ticket": "T1", "agent": "A"])
        #expect(evaluation.advance(to: HelpDesk.at("10:04:59.999")).isEmpty)
        let changes = evaluation.advance(to: HelpDesk.at("10:05:00"))
        #expect(changes.issued.map(\.reason) == ["no-reply"])
        #expect(changes.issued.first?.time == HelpDesk.at("10:05:00"))
        #expect(changes.issued.first?.employee == "A")
    }

    @Test("A reply at five minutes is in time; a millisecond later is a breach", arguments: [
        ("10:05:00", [String]()), ("10:05:00.001", ["late-reply"]), ("09:59:00", []),
    ])
    func replyBoundary(reply: String, reasons: [String]) throws {
        var evaluation = try Evaluation(policy: HelpDesk.policy())
        evaluation.feed("ticket.opened", at: HelpDesk.at("10:00:00"), ["ticket": "T1"])
        evaluation.feed("ticket.replied", at: HelpDesk.at(reply), ["ticket": "T1", "agent": "B"])
        _ = evaluation.finish()
        #expect(evaluation.verdicts.map(\.reason) == reasons)
    }

    @Test func aLateEventRevisesAJudgedCase() throws {
        var evaluation = try Evaluation(policy: HelpDesk.policy())
        evaluation.feed("ticket.opened", at: HelpDesk.at("10:00:00"), ["ticket": "T1"])
        let breach = evaluation.advance(to: HelpDesk.at("11:00:00"))
        #expect(breach.issued.map(\.reason) == ["no-reply"])
        // The waiver is logged late; the breach is withdrawn.
        evaluation.feed("ticket.waived", at: HelpDesk.at("11:30:00"), ["ticket": "T1"])
        let revision = evaluation.advance(to: HelpDesk.at("12:00:00"))
        #expect(revision.retracted == breach.issued)
        #expect(revision.issued.isEmpty)
        #expect(evaluation.verdicts.isEmpty)
    }

    @Test func aReplyArrivingAfterTheDeadlineTurnsNoReplyIntoALateReply() throws {
        var evaluation = try Evaluation(policy: HelpDesk.policy())
        evaluation.feed("ticket.opened", at: HelpDesk.at("10:00:00"), ["ticket": "T1"])
        _ = evaluation.advance(to: HelpDesk.at("10:06:00"))
        evaluation.feed("ticket.replied", at: HelpDesk.at("10:07:30"), ["ticket": "T1", "agent": "B"])
        let changes = evaluation.advance(to: HelpDesk.at("10:08:00"))
        #expect(changes.retracted.map(\.reason) == ["no-reply"])
        #expect(changes.issued.map(\.reason) == ["late-reply"])
        #expect(changes.issued.first?.value == Decimal(string: "7.5"))
        #expect(changes.issued.first?.message(in: .en) == "T1 answered 7.5 min late")
    }

    @Test func withoutAnAsOfTimeFinishDecidesEveryPendingDeadline() throws {
        var complete = try Evaluation(policy: HelpDesk.policy())
        complete.feed("ticket.opened", at: HelpDesk.at("10:00:00"), ["ticket": "T1"])
        #expect(complete.finish().issued.count == 1)

        var asOf = try Evaluation(policy: HelpDesk.policy(), asOf: HelpDesk.at("10:03:00"))
        asOf.feed("ticket.opened", at: HelpDesk.at("10:00:00"), ["ticket": "T1"])
        #expect(asOf.finish().isEmpty)
        #expect(asOf.statistics.pendingCases == 1)
    }

    @Test func evidenceIsTheLinesTheVerdictRestsOn() throws {
        let report = try HelpDesk.policy().evaluate(lines: [
            #"{"time":"2026-03-02T10:00:00Z","type":"ticket.opened","ticket":"T1"}"#,
            "",
            #"{"time":"2026-03-02T10:09:00Z","type":"ticket.replied","ticket":"T1","agent":"A"}"#,
        ])
        #expect(report.verdicts.map(\.evidence) == [[1, 3]])
    }

    @Test("Invalid policies are refused with the reason", arguments: [
        (HelpDesk.policy([HelpDesk.replyDeadline]), PolicyError.duplicateRule("desk.reply")),
        (Policy(name: "p", schema: HelpDesk.schema, rules: [], timeZone: "Mars/Olympus"), .unknownTimeZone("Mars/Olympus")),
        (HelpDesk.policy([Self.ladder(id: "x", counting: "nope")]), .unknownInputRule(rule: "x", input: "nope")),
        (HelpDesk.policy([Self.ladder(id: "a", counting: "b"), Self.ladder(id: "b", counting: "a")]), .cycle(["a", "b", "a"])),
    ])
    func invalidPolicies(policy: Policy, error: PolicyError) {
        #expect(throws: error) { try Evaluation(policy: policy) }
    }

    static func ladder(id: String, counting: String) -> Rule {
        Rule(id: id, title: id, clause: HelpDesk.clause,
             .ladder(LadderRule(counting: [.init(counting)], within: .seconds(86_400),
                                tiers: [.init("warning", message: Message(en: "w", zh: "w"))])))
    }
}

@Suite("The watermark")
struct WatermarkTests {
    @Test func advancingToAnEarlierTimeKeepsTheLaterPromise() throws {
        var evaluation = try Evaluation(policy: HelpDesk.policy())
        evaluation.feed("ticket.opened", at: HelpDesk.at("10:00:00"), ["ticket": "T1"])
        #expect(evaluation.advance(to: HelpDesk.at("10:06:00")).issued.count == 1)
        // Going back does not withdraw what became certain.
        #expect(evaluation.advance(to: HelpDesk.at("10:01:00")).isEmpty)
        #expect(evaluation.verdicts.count == 1)
    }
}

@Suite("Limits")
struct LimitTests {
    @Test func anEventBeyondTheOpenCaseLimitIsReportedAndTheRestStillJudged() throws {
        var diagnostics: [String] = []
        let report = try HelpDesk.policy().evaluate(lines: (1...3).map { n in
            #"{"time":"2026-03-02T10:00:0\#(n)Z","type":"ticket.opened","ticket":"T\#(n)"}"#
        } + [#"{"time":"2026-03-02T10:00:09Z","type":"ticket.replied","ticket":"T1","agent":"A"}"#],
            limits: Evaluation.Limits(maximumOpenCases: 2)) { diagnostics.append($0.description) }
        #expect(diagnostics == [
            "line 3: error: the evaluation already holds its limit of 2 open cases; this event's case was not evaluated",
        ])
        #expect(report.verdicts.map(\.subject) == ["T2"])
        #expect(report.statistics.rejectedLines == 1)
    }
}
