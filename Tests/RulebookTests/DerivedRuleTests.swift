import Foundation
import Rulebook
import Testing

/// Rules whose input is other rules' verdicts, or counted events.
@Suite("Counts and ladders")
struct DerivedRuleTests {
    static let message = Message(en: "{employee}: {value}", zh: "{employee}: {value}")

    /// Tickets opened by agent A, never answered: one breach each.
    static func breaches(on days: [String]) -> [String] {
        days.enumerated().map { index, day in
            #"{"time":"\#(day)T10:00:00Z","type":"ticket.opened","ticket":"T\#(index + 1)","agent":"A"}"#
        }
    }

    @Test func everyThirdBreachInAMonthCountsOnce() throws {
        let rule = Rule(id: "desk.three-breaches", title: "3 breaches", clause: HelpDesk.clause,
                        .count(CountRule(.verdicts(rules: ["desk.reply"]), per: .calendar(.month), limit: 3,
                                         trigger: .everyLimitth, outcome: "absent", reason: "three-breaches",
                                         message: Self.message)))
        let days = ["2026-03-02", "2026-03-05", "2026-03-09", "2026-03-20", "2026-03-30", "2026-03-31", "2026-04-01"]
        let report = try HelpDesk.policy([rule]).evaluate(lines: Self.breaches(on: days))
        let derived = report.verdicts.filter { $0.rule == "desk.three-breaches" }
        #expect(derived.map(\.subject) == ["T3", "T6"])
        #expect(derived.first?.evidence == [1, 2, 3])
    }

    @Test("At most two per ISO week: the third and later get a verdict", arguments: [
        (["2026-03-02", "2026-03-03"], [String]()),
        (["2026-03-02", "2026-03-03", "2026-03-08"], ["T3"]),
        (["2026-03-02", "2026-03-03", "2026-03-09"], []),
        (["2026-03-02", "2026-03-03", "2026-03-04", "2026-03-05"], ["T3", "T4"]),
    ])
    func weeklyLimit(days: [String], subjects: [String]) throws {
        let rule = Rule(id: "desk.weekly", title: "2 a week", clause: HelpDesk.clause,
                        .count(CountRule(.verdicts(rules: ["desk.reply"], outcomes: ["breached"]),
                                         per: .calendar(.isoWeek), limit: 2,
                                         outcome: "exceeded", reason: "over-weekly-limit", message: Self.message)))
        let report = try HelpDesk.policy([rule]).evaluate(lines: Self.breaches(on: days))
        #expect(report.verdicts.filter { $0.rule == "desk.weekly" }.map(\.subject) == subjects)
    }

    @Test func countingEventsPerPersonInARollingWindow() throws {
        let rule = Rule(id: "desk.busy", title: "busy", clause: HelpDesk.clause,
                        .count(CountRule(.events(EventSelector("ticket.opened"), person: "agent", subject: "ticket"),
                                         per: .rolling(.seconds(3600)), limit: 2,
                                         outcome: "busy", reason: "over-two-an-hour", message: Self.message)))
        let lines = ["10:00", "10:30", "11:00", "12:30"].enumerated().map { index, clock in
            #"{"time":"2026-03-02T\#(clock):00Z","type":"ticket.opened","ticket":"T\#(index + 1)","agent":"A"}"#
        }
        let report = try HelpDesk.policy([rule]).evaluate(lines: lines)
        // 10:00, 10:30 and 11:00 are within one hour inclusive.
        #expect(report.verdicts.filter { $0.rule == "desk.busy" }.map(\.subject) == ["T3"])
    }

    static let ladder = Rule(
        id: "desk.discipline", title: "Escalation", clause: HelpDesk.clause,
        .ladder(LadderRule(counting: [.init("desk.reply", outcomes: ["breached"])], within: .seconds(365 * 86_400), tiers: [
            .init("warning", message: Message(en: "warning", zh: "警告")),
            .init("fine", amount: 50, message: Message(en: "fine", zh: "罰款")),
            .init("demerit", message: Message(en: "demerit", zh: "記過")),
            .init("dismissal", message: Message(en: "dismissal", zh: "解除勞動合同")),
        ])))

    @Test func theLadderClimbsFromWarningToDismissalAndStaysThere() throws {
        let days = ["2026-01-05", "2026-02-05", "2026-03-05", "2026-04-05", "2026-05-05"]
        let report = try HelpDesk.policy([Self.ladder]).evaluate(lines: Self.breaches(on: days))
        let steps = report.verdicts.filter { $0.rule == "desk.discipline" }
        #expect(steps.map(\.outcome) == ["warning", "fine", "demerit", "dismissal", "dismissal"])
        #expect(steps[1].amount == 50)
        #expect(steps[3].evidence == [1, 2, 3, 4])
    }

    @Test("A violation 365 days old still counts; 366 days old does not", arguments: [
        ("2027-03-05", "fine"), ("2027-03-06", "warning"),
    ])
    func ladderWindow(secondDay: String, outcome: String) throws {
        let report = try HelpDesk.policy([Self.ladder]).evaluate(lines: Self.breaches(on: ["2026-03-05", secondDay]))
        #expect(report.verdicts.filter { $0.rule == "desk.discipline" }.last?.outcome == outcome)
    }

    @Test func rulesAreValuesThatRoundTripThroughCodable() throws {
        let data = try JSONEncoder().encode([HelpDesk.replyDeadline, Self.ladder])
        let decoded = try JSONDecoder().decode([Rule].self, from: data)
        #expect(decoded == [HelpDesk.replyDeadline, Self.ladder])
    }
}
