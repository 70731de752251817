import Foundation
import Rulebook
import Testing

@Suite("Totals and ratios")
struct TotalRuleTests {
    static let schema = EventSchema([
        EventType("class.planned", required: [.init("class", .id), .init("length", .number())]),
        EventType("lesson", required: [.init("student", .id), .init("class", .id), .init("lesson", .id),
                                       .init("planned", .number()), .init("present", .number())]),
        EventType("expense", required: [.init("person", .id), .init("budget", .id), .init("amount", .number())]),
    ])

    static let missedAThird = Rule(
        id: "school.absent", title: "Missed a third", clause: Clause(source: "school", text: "1/3"),
        .total(TotalRule(EventSelector("lesson"), person: "student", subject: "class", distinctBy: "lesson",
                         quantity: .difference("planned", "present"), reaches: .atLeast,
                         bound: .fraction(1, 3, of: ReferencedValue(EventSelector("class.planned"), key: "class", value: "length")),
                         outcome: "not-attended", reason: "missed-a-third",
                         message: Message(en: "{employee} missed {value} of the {limit} allowed", zh: "{employee} 缺 {value}"))))

    static let overBudget = Rule(
        id: "budget.over", title: "Over budget", clause: Clause(source: "finance", text: "at most 60"),
        .total(TotalRule(EventSelector("expense"), person: "person", subject: "budget", quantity: .field("amount"),
                         reaches: .above, bound: .constant(60), outcome: "over", reason: "over-budget",
                         message: Message(en: "{value} > {limit}", zh: "{value} > {limit}"))))

    static func verdicts(_ lines: [String]) throws -> [Verdict] {
        try Policy(name: "school", schema: schema, rules: [missedAThird, overBudget], timeZone: "UTC").evaluate(lines: lines).verdicts
    }

    static func lesson(_ day: Int, _ id: String, planned: Int, present: String, student: String = "S") -> String {
        #"{"time":"2026-03-0\#(day)T10:00:00Z","type":"lesson","student":"\#(student)","class":"C","lesson":"\#(id)","planned":\#(planned),"present":\#(present)}"#
    }

    static let planned = #"{"time":"2026-03-01T00:00:00Z","type":"class.planned","class":"C","length":600}"#

    @Test("Missing exactly a third counts as not attending; a minute less does not", arguments: [
        ("100", "100", true), ("100", "101", false), ("99.5", "100.5", true),
    ])
    func aThird(first: String, second: String, reached: Bool) throws {
        let verdicts = try Self.verdicts([
            Self.planned, Self.lesson(2, "L1", planned: 200, present: first), Self.lesson(3, "L2", planned: 200, present: second),
        ])
        #expect(verdicts.map(\.outcome) == (reached ? ["not-attended"] : []))
        if reached {
            #expect(verdicts.first?.value == 200)
            #expect(verdicts.first?.time == (try RFC3339.parse("2026-03-03T10:00:00Z")))
            #expect(verdicts.first?.evidence == [1, 2, 3])
        }
    }

    @Test func decimalsAreExact() throws {
        let verdicts = try Self.verdicts([
            #"{"time":"2026-03-02T10:00:00Z","type":"expense","person":"P","budget":"B","amount":15.3}"#,
            #"{"time":"2026-03-02T11:00:00Z","type":"expense","person":"P","budget":"B","amount":44.7}"#,
        ])
        // 15.3 + 44.7 is exactly 60, which is not more than 60.
        #expect(verdicts.isEmpty)
    }

    @Test func theLatestRecordOfALessonWins() throws {
        let verdicts = try Self.verdicts([
            Self.planned,
            Self.lesson(2, "L1", planned: 200, present: "0"),
            Self.lesson(4, "L1", planned: 200, present: "200"),
        ])
        // The correction arrives later: the first record alone reached a third, and
        // the verdict is reported as soon as it was reached.
        #expect(verdicts.map(\.time) == [try RFC3339.parse("2026-03-02T10:00:00Z")])
    }

    @Test func aClassNeverPlannedIsNotJudged() throws {
        #expect(try Self.verdicts([Self.lesson(2, "L1", planned: 200, present: "0")]).isEmpty)
    }

    @Test func eachStudentIsJudgedOnTheirOwn() throws {
        let verdicts = try Self.verdicts([
            Self.planned, Self.lesson(2, "L1", planned: 200, present: "0", student: "A"),
            Self.lesson(2, "L1", planned: 200, present: "150", student: "B"),
        ])
        #expect(verdicts.map(\.employee) == ["A"])
    }

    @Test func streamingReportsTheVerdictWhenTimeReachesIt() throws {
        var evaluation = try Evaluation(policy: Policy(name: "school", schema: Self.schema, rules: [Self.missedAThird], timeZone: "UTC"))
        evaluation.feed(line: Self.planned, number: 1)
        evaluation.feed(line: Self.lesson(2, "L1", planned: 200, present: "0"), number: 2)
        #expect(evaluation.advance(to: try RFC3339.parse("2026-03-02T09:59:59Z")).isEmpty)
        #expect(evaluation.advance(to: try RFC3339.parse("2026-03-02T10:00:00Z")).issued.count == 1)
    }
}

@Suite("A third, exactly")
struct ExactThirdTests {
    @Test("A third of 100 minutes is reached only at or past 100/3", arguments: [
        ("33.333333333333333333333333333333333333", false), ("33.34", true), ("33.33", false),
    ])
    func third(missed: String, reached: Bool) throws {
        let lines = [
            #"{"time":"2026-03-01T00:00:00Z","type":"class.planned","class":"C","length":100}"#,
            #"{"time":"2026-03-02T10:00:00Z","type":"lesson","student":"S","class":"C","lesson":"L1","planned":"#
                + missed + #","present":0}"#,
        ]
        let verdicts = try Policy(name: "school", schema: TotalRuleTests.schema, rules: [TotalRuleTests.missedAThird],
                                  timeZone: "UTC").evaluate(lines: lines).verdicts
        #expect(verdicts.count == (reached ? 1 : 0))
    }
}
