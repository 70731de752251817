import Foundation

/// One thing a count or a ladder counts: a verdict of another rule, or an event.
struct CountedItem: Sendable {
    var person: String
    var subject: String
    var time: Instant
    var evidence: [Int]

    /// Orders items by time, then subject, then evidence, so ranks are deterministic.
    static func order(_ lhs: CountedItem, _ rhs: CountedItem) -> Bool {
        if lhs.time != rhs.time { return lhs.time < rhs.time }
        if lhs.subject != rhs.subject { return lhs.subject < rhs.subject }
        return lhs.evidence.lexicographicallyPrecedes(rhs.evidence)
    }

    /// Per person, the items in order.
    static func grouped(_ items: [CountedItem]) -> [(person: String, items: [CountedItem])] {
        Dictionary(grouping: items, by: \.person)
            .map { ($0.key, $0.value.sorted(by: order)) }
            .sorted { $0.person < $1.person }
    }
}

extension CountRule {
    /// The verdicts of this rule over `items` (already filtered to its input).
    func verdicts(of rule: Rule, items: [CountedItem], calendar: PolicyCalendar) -> [Verdict] {
        var verdicts: [Verdict] = []
        for (person, items) in CountedItem.grouped(items) {
            for (index, item) in items.enumerated() {
                let inWindow: [CountedItem]
                switch window {
                case .calendar(let unit):
                    let period = calendar.period(unit, containing: item.time)
                    inWindow = items[...index].filter { $0.time >= period.start && $0.time < period.end }
                case .rolling(let duration):
                    let earliest = item.time - duration
                    inWindow = items[...index].filter { $0.time >= earliest }
                }
                let count = inWindow.count
                let fires = switch trigger {
                case .eachBeyondLimit: count > limit
                case .everyLimitth: limit > 0 && count % limit == 0
                }
                guard fires else { continue }
                verdicts.append(Verdict(
                    rule: rule.id, outcome: outcome, employee: person, subject: item.subject, time: item.time,
                    reason: reason, template: message, arguments: ["limit": String(limit), "rank": String(count)],
                    evidence: inWindow.flatMap(\.evidence), source: rule.clause.citation, value: Decimal(count)))
            }
        }
        return verdicts
    }
}

extension LadderRule {
    /// The verdicts of this ladder over `items` (already filtered to counted verdicts).
    func verdicts(of rule: Rule, items: [CountedItem]) -> [Verdict] {
        guard !tiers.isEmpty else { return [] }
        var verdicts: [Verdict] = []
        for (person, items) in CountedItem.grouped(items) {
            for (index, item) in items.enumerated() {
                let earliest = item.time - window
                let inWindow = items[...index].filter { $0.time >= earliest }
                let tier = tiers[min(inWindow.count, tiers.count) - 1]
                verdicts.append(Verdict(
                    rule: rule.id, outcome: tier.outcome, employee: person, subject: item.subject, time: item.time,
                    reason: "violation-\(inWindow.count)-in-window", template: tier.message,
                    arguments: ["rank": String(inWindow.count)], evidence: inWindow.flatMap(\.evidence),
                    source: rule.clause.citation, value: Decimal(inWindow.count), amount: tier.amount))
            }
        }
        return verdicts
    }
}
