import Rulebook
import Testing

/// Work permits: requested, signed and approved, the approval strictly before the
/// visits the request names start.
@Suite("Correlating the steps of one case")
struct StepsRuleTests {
    static let schema = EventSchema([
        EventType("visit.booked", required: [.init("visit", .id), .init("start", .time)], optional: [.init("night", .boolean)]),
        EventType("permit.requested", required: [.init("permit", .id), .init("person", .id), .init("visit", .id),
                                                 .init("returnVisit", .id)]),
        EventType("permit.signed", required: [.init("permit", .id)]),
        EventType("permit.approved", required: [.init("permit", .id)]),
    ])

    static let message = Message(en: "{subject}: {missing}", zh: "{subject}: {missing}")

    static let rule = Rule(
        id: "permit.not-effective", title: "Permit not effective", clause: Clause(source: "site", text: "permits"),
        .steps(StepsRule(
            id: "permit",
            steps: [.init("requested", EventSelector("permit.requested")), .init("signed", EventSelector("permit.signed")),
                    .init("approved", EventSelector("permit.approved"))],
            person: StepField(step: "requested", field: "person"),
            deadline: StepDeadline(step: "approved", before: Lookup(
                EventSelector("visit.booked"), id: "visit", time: "start",
                namedBy: [StepField(step: "requested", field: "visit"), StepField(step: "requested", field: "returnVisit")])),
            excludedWhen: [.isTrue("night")],
            outcomes: [
                .init(when: .incomplete, "not-effective", reason: "step-missing", message: message),
                .init(when: .unknownReference, "not-effective", reason: "visit-not-booked", message: message),
                .init(when: .late, "not-effective", reason: "approved-too-late", message: message),
            ])))

    static func verdicts(approval: String?, signed: Bool = true, nightVisit: Bool = false, bookReturn: Bool = true) throws -> [Verdict] {
        var lines = [
            #"{"time":"2026-03-01T09:00:00Z","type":"visit.booked","visit":"V1","start":"2026-03-10T09:00:00Z","night":\#(nightVisit)}"#,
            #"{"time":"2026-03-02T09:00:00Z","type":"permit.requested","permit":"P1","person":"A","visit":"V1","returnVisit":"V2"}"#,
        ]
        if bookReturn {
            lines.append(#"{"time":"2026-03-01T09:00:00Z","type":"visit.booked","visit":"V2","start":"2026-03-08T09:00:00Z"}"#)
        }
        if signed { lines.append(#"{"time":"2026-03-03T09:00:00Z","type":"permit.signed","permit":"P1"}"#) }
        if let approval { lines.append(#"{"time":"\#(approval)","type":"permit.approved","permit":"P1"}"#) }
        return try Policy(name: "site", schema: schema, rules: [rule], timeZone: "UTC").evaluate(lines: lines).verdicts
    }

    @Test("The approval must come strictly before the earlier visit", arguments: [
        ("2026-03-08T08:59:59Z", [String]()), ("2026-03-08T09:00:00Z", ["approved-too-late"]),
    ])
    func approvalDeadline(approval: String, reasons: [String]) throws {
        let verdicts = try Self.verdicts(approval: approval)
        #expect(verdicts.map(\.reason) == reasons)
        if let verdict = verdicts.first {
            #expect(verdict.employee == "A")
            #expect(verdict.time == (try RFC3339.parse("2026-03-08T09:00:00Z")))
            #expect(verdict.evidence == [1, 2, 3, 4, 5])
        }
    }

    @Test func aMissingStepIsNamed() throws {
        let verdicts = try Self.verdicts(approval: "2026-03-04T09:00:00Z", signed: false)
        #expect(verdicts.map(\.reason) == ["step-missing"])
        #expect(verdicts.first?.message() == "P1: signed")
    }

    @Test func aVisitThatWasNeverBookedMakesThePermitIneffective() throws {
        #expect(try Self.verdicts(approval: "2026-03-04T09:00:00Z", bookReturn: false).map(\.reason) == ["visit-not-booked"])
    }

    @Test func anExcludedVisitLeavesThePermitToAnotherRule() throws {
        #expect(try Self.verdicts(approval: nil, nightVisit: true).isEmpty)
    }
}
