import Rulebook

/// What changing a policy changes: the verdicts that appear and those that
/// disappear, with counts per rule. Two verdicts are the same when their rule,
/// outcome, person, case and reason agree; their messages may differ, as they name
/// the parameters.
struct VerdictDiff {
    var appeared: [Verdict]
    var disappeared: [Verdict]

    init(before: [Verdict], after: [Verdict]) {
        func key(_ v: Verdict) -> String { [v.rule, v.outcome, v.employee ?? "", v.subject, v.reason].joined(separator: "|") }
        let beforeKeys = Set(before.map(key)), afterKeys = Set(after.map(key))
        appeared = after.filter { !beforeKeys.contains(key($0)) }
        disappeared = before.filter { !afterKeys.contains(key($0)) }
    }

    func lines(calendar: PolicyCalendar, language: Language) -> [String] {
        let zh = language == .zh
        var counts = TextTable()
        counts.rows.append(zh ? ["規則", "結果", "新增", "消失"] : ["rule", "outcome", "appear", "disappear"])
        var byRule: [String: (Int, Int)] = [:]
        for v in appeared { byRule[v.rule + " " + v.outcome, default: (0, 0)].0 += 1 }
        for v in disappeared { byRule[v.rule + " " + v.outcome, default: (0, 0)].1 += 1 }
        for (name, (plus, minus)) in byRule.sorted(by: { $0.key < $1.key }) {
            let parts = name.split(separator: " ")
            counts.rows.append([String(parts[0]), String(parts.last ?? ""), "+\(plus)", "-\(minus)"])
        }
        var lines = counts.rendered()
        lines.append("")
        let changes = (appeared.map { ("+", $0) } + disappeared.map { ("-", $0) })
            .sorted { Verdict.outputOrder($0.1, $1.1) || (!Verdict.outputOrder($1.1, $0.1) && $0.0 < $1.0) }
        for (sign, v) in changes {
            lines.append("\(sign) \(calendar.format(v.time))  \(v.employee ?? "-")  \(v.rule)  \(v.outcome)  \(v.subject)  \(v.message(in: language))")
        }
        return lines
    }
}
