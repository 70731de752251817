import Rulebook

/// The summary of a check: lines read and rejected, cases judged, verdicts per rule
/// and outcome.
struct Summary {
    var report: EvaluationReport
    /// The verdicts shown, counted.
    var counts: VerdictCounts
    var language: Language
    /// The directory of rule files evaluated with; empty for the built-in pack.
    var rulesDirectory = ""

    func lines() -> [String] {
        let s = report.statistics
        let zh = language == .zh
        var lines: [String] = []
        lines.append(zh
            ? "讀取 \(s.linesRead) 行: 事件 \(s.events), 重複 \(s.duplicateLines), 空行 \(s.blankLines), 拒絕 \(s.rejectedLines), 略過 \(s.skippedLines)"
            : "read \(s.linesRead) lines: \(s.events) events, \(s.duplicateLines) duplicate, \(s.blankLines) blank, \(s.rejectedLines) rejected, \(s.skippedLines) skipped")
        if s.eventsAfterAsOf > 0 {
            lines.append(zh ? "截止時間之後的事件 \(s.eventsAfterAsOf) 件, 未評估" : "\(s.eventsAfterAsOf) events after the as-of time, not evaluated")
        }
        var table = TextTable()
        table.rows.append(zh ? ["規則", "結果", "判定", "已評案件"] : ["rule", "outcome", "verdicts", "cases judged"])
        let rules = Set(counts.byRule.keys).union(s.casesJudged.keys).sorted()
        for rule in rules {
            let outcomes = counts.byRule[rule] ?? [:]
            let judged = s.casesJudged[rule].map(String.init) ?? "-"
            if outcomes.isEmpty { table.rows.append([rule, "-", "0", judged]) }
            for (outcome, count) in outcomes.sorted(by: { $0.key < $1.key }) {
                table.rows.append([rule, outcome, String(count), judged])
            }
        }
        lines.append(contentsOf: table.rendered())
        lines.append(zh ? "判定總數 \(counts.total), 待定案件 \(s.pendingCases)"
                        : "\(counts.total) verdicts, \(s.pendingCases) cases pending")
        if rulesDirectory.isEmpty {
            lines.append(zh ? "規則: 內建標準規則" : "rules: the built-in standard pack")
        } else {
            lines.append((zh ? "規則: " : "rules: ") + rulesDirectory + "/" + (zh ? " 中的規則檔" : " (rule files)"))
        }
        if !report.parameters.isEmpty {
            lines.append((zh ? "參數: " : "parameters: ") + report.parameters.map { "\($0.name)=\($0.value)" }.joined(separator: ", "))
        }
        return lines
    }
}

/// How many verdicts each rule gave, by outcome.
struct VerdictCounts {
    private(set) var byRule: [String: [String: Int]] = [:]
    private(set) var total = 0

    init() {}

    init(_ verdicts: [Verdict]) { add(verdicts) }

    mutating func add(_ verdicts: [Verdict]) {
        // By index, so that each verdict is read in place rather than copied.
        for index in verdicts.indices {
            byRule[verdicts[index].rule, default: [:]][verdicts[index].outcome, default: 0] += 1
        }
        total += verdicts.count
    }
}
