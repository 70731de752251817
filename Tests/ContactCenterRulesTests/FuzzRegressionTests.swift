import ContactCenterRules
import Foundation
import Rulebook
import Testing

/// Inputs the fuzzer once crashed on: each is evaluated by the whole pack and must
/// simply give an answer.
@Suite("Inputs the fuzzer found")
struct FuzzRegressionTests {
    static let folder = packageRoot.appendingPathComponent("Tests/ContactCenterRulesTests/FuzzRegressions")
    static let files = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
    static let inputs = files.filter { $0.hasSuffix(".jsonl") }
    static let ruleInputs = files.filter { $0.hasSuffix(".json") }

    @Test("Each log is evaluated without trapping", arguments: inputs)
    func evaluates(name: String) throws {
        var diagnostics: [LogDiagnostic] = []
        let report = try StandardPolicy.make().evaluate(logAt: Self.folder.appendingPathComponent(name).path) {
            diagnostics.append($0)
        }
        #expect(report.statistics.linesRead > 0)
    }

    @Test("Each list of rules is compiled and evaluated without trapping", arguments: ruleInputs)
    func rules(name: String) throws {
        // Decoded without the loader's checks, as Swift code could build the same rules.
        let file = try JSONNodeParser.parse(Array(Data(contentsOf: Self.folder.appendingPathComponent(name))))
        let rules = try RuleFileDecoder().decode([Rule].self, from: file["rules"] ?? file)
        let policy = Policy(name: "fuzz", schema: ContactCenterEvents.schema, rules: rules)
        let report = try policy.evaluate(logAt: packageRoot.appendingPathComponent("Examples/logs/swaps.jsonl").path)
        #expect(report.statistics.events > 0)
    }

    @Test func aMonthBeforeTheSupportedYearsIsRejected() throws {
        var diagnostics: [String] = []
        _ = try StandardPolicy.make().evaluate(lines: [
            #"{"time":"2026-04-01T09:00:00+08:00","type":"review.scored","employee":"E1","period":"1013-07","score":80}"#,
        ]) { diagnostics.append($0.description) }
        #expect(diagnostics == [#"line 1: error: field 'period': expected a month like 2026-03, found "1013-07""#])
    }
}
