import ContactCenterRules
import Foundation
import Rulebook
import Testing

/// The benchmark's reduced policies give exactly the verdict counts of the
/// hand-written C program on the same workload.
@Suite("Reference policies P1-P4")
struct ReferencePolicyTests {
    @Test func theFiveEmployeeWorkloadGivesTheCProgramsCounts() throws {
        let log = packageRoot.appendingPathComponent("Tests/ContactCenterRulesTests/Fixtures/bench-5-employees.jsonl")
        let report = try ReferencePolicies.make().evaluate(logAt: log.path)
        let counts = Dictionary(grouping: report.verdicts, by: \.rule).mapValues(\.count)
        #expect(report.statistics.events == 9444)
        #expect(counts == ["P1": 5, "P3": 1, "P4": 277])
    }
}
