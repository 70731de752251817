import ContactCenterRules
import Rulebook
import RulebookTesting
import Testing

/// The README's tour, compiled and run, so the documentation cannot drift.
@Suite("The README tour")
struct ReadmeTourTests {
    @Test func theTourRunsAsWritten() throws {
        var attendance = AttendanceParameters()
        attendance.absenceThreshold = .seconds(20 * 60)
        let policy = StandardPolicy.make(attendance: attendance, timeZone: "Asia/Shanghai")

        var diagnostics: [String] = []
        let report = try policy.evaluate(logAt: packageRoot.appendingPathComponent("Examples/logs/week.jsonl").path) {
            diagnostics.append($0.rendered(file: "week.jsonl"))
        }
        #expect(diagnostics == ["week.jsonl:83: warning: field 'type': unknown event type 'break.started', skipped"])
        // With a 20-minute threshold, E12's 20 minutes late is still lateness.
        #expect(report.verdicts.contains { $0.subject == "S-E12-0303" && $0.rule == "attendance.late" })

        var live = try Evaluation(policy: policy)
        live.feed(line: #"{"time":"2026-03-02T09:41:00+08:00","type":"clock.in","employee":"E001"}"#, number: 1)
        let changes = live.advance(to: try RFC3339.parse("2026-03-02T23:00:00+08:00"))
        #expect(changes.isEmpty)
    }

    @Test func theTicketRuleOfTheTourCompilesAndJudges() throws {
        let reply = Rule(id: "desk.reply", title: "Reply within five minutes",
            clause: Clause(source: "desk", text: "reply within five minutes"),
            .schedule(ScheduleRule(
                Schedule(cases: CaseSource(EventSelector("ticket.opened"), id: "ticket", owner: "agent",
                                           start: .eventTime, end: .eventTime),
                         expectations: [Expectation("reply", EventSelector("ticket.replied"),
                                                    correlation: .caseID(field: "ticket"))],
                         closes: .start(plus: .seconds(300))),
                outcomes: [ScheduleOutcome("breached", reason: "no-reply", when: .missing(.unexcused),
                                           at: .point(.start(plus: .seconds(300))),
                                           message: Message(en: "{subject} never answered", zh: "{subject} 未回覆"))])))
        let schema = EventSchema([EventType("ticket.opened", required: [.init("ticket", .id)], optional: [.init("agent", .id)]),
                                  EventType("ticket.replied", required: [.init("ticket", .id)])])
        let report = try Policy(name: "desk", schema: schema, rules: [reply])
            .evaluate(lines: [#"{"time":"2026-03-02T10:00:00Z","type":"ticket.opened","ticket":"T1","agent":"A"}"#])
        #expect(report.verdicts.map { $0.message() } == ["T1 never answered"])
    }
}

/// The README's example of testing a policy variant, as written there.
@Test func twentyFiveMinutesLateIsAbsenceUnderOurHandbook() throws {
    var attendance = AttendanceParameters()
    attendance.absenceThreshold = .seconds(20 * 60)
    var log = TestLog(timeZone: "Asia/Shanghai", day: "2026-03-02")
    log.shift("S1", for: "E1", from: "09:00", to: "18:00")       // line 1
    let punch = log.clockIn("E1", at: "09:25")                   // line 2
    log.clockOut("E1", at: "18:00")
    let report = try log.evaluate(StandardPolicy.make(attendance: attendance))
    expectVerdicts(report.verdicts, [
        ExpectedVerdict("attendance.absence", "absent", employee: "E1", subject: "S1",
                        reason: "late-over-threshold", value: 25, evidence: [1, punch]),
        ExpectedVerdict("discipline.escalation", "warning", employee: "E1", subject: "S1"),
    ])
}

/// The README's policy composed in Swift and its live stream, as written there.
@Test func theComposedPolicyOfTheReadmeRuns() async throws {
    let clause = Clause(source: "our-handbook", text: "our own rules")
    let message = Message(en: "{employee}: {subject}", zh: "{employee}: {subject}")
    let strict = true
    let lines = AsyncStream<String> { continuation in
        continuation.yield(#"{"time":"2026-03-01T20:00:00+08:00","type":"shift.scheduled","employee":"E1","shift":"S1","start":"2026-03-02T09:00:00+08:00","end":"2026-03-02T18:00:00+08:00"}"#)
        continuation.finish()
    }
    var printed: [String] = []
    func print(_ text: String) { printed.append(text) }

    let ours = Policy(name: "our handbook", schema: ContactCenterEvents.schema) {
        AttendanceRules.rules()
        Rule.limit("attendance.early-leaves-per-week", counting: ["attendance.early-leave"],
                   atMost: 2, per: .isoWeek, clause: clause, message: message)
        if strict {
            Rule.every(3, of: ["attendance.late"], per: .month, "attendance.three-lates",
                       outcome: "absent", clause: clause, message: message)
        }
    }

    // A server that receives punches live: verdicts as they become certain.
    for try await changes in Evaluation.verdicts(of: lines, policy: ours, lateness: .seconds(30)) {
        for verdict in changes.issued { print(verdict.message(in: .zh)) }
    }

    #expect(ours.rules.count == 6)
    #expect(printed == ["E1 於班次 S1 漏打卡, 且無主管確認, 按曠工處理。"])
}
