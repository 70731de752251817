import Foundation

/// The running state of one ``ScoreRule``: the latest score of each person and
/// month. Scores are few, so every step recomputes the verdicts from them.
struct ScoreProgram: KeyedProgram {
    private struct Month: Hashable, Comparable {
        var year: Int
        var month: Int
        static func < (lhs: Month, rhs: Month) -> Bool { (lhs.year, lhs.month) < (rhs.year, rhs.month) }
        var previous: Month { month == 1 ? Month(year: year - 1, month: 12) : Month(year: year, month: month - 1) }
        var label: String { String(year) + "-" + (month < 10 ? "0" : "") + String(month) }
    }

    private struct Record {
        var person: Symbol
        var monthLabel: Symbol
        var mark: EventMark
        var score: Decimal
    }

    /// A record with its month read from its label.
    private struct Scored {
        var record: Record
        var month: Month
        var person: Symbol { record.person }
        var mark: EventMark { record.mark }
        var score: Decimal { record.score }
    }

    let rule: Rule
    let spec: ScoreRule
    private let calendar: PolicyCalendar
    private let selector: CompiledSelector
    private let person: Symbol
    private let month: Symbol
    private let score: Symbol
    private var records: [[Symbol]: Record] = [:]
    private var changed = false
    private var judgedCoverage: ClosedRange<Instant>?
    /// The watermark of the last judgement, and the latest record time: a record
    /// beyond the watermark counts once the watermark reaches it.
    private var judgedWatermark = Instant.distantPast
    private var latestRecord = Instant.distantPast
    private var verdicts: [String: Verdict] = [:]

    init(_ rule: Rule, _ spec: ScoreRule, calendar: PolicyCalendar, symbols: inout SymbolTable) {
        self.rule = rule
        self.spec = spec
        self.calendar = calendar
        selector = CompiledSelector(spec.records.events, symbols: &symbols)
        person = symbols.intern(spec.records.person)
        month = symbols.intern(spec.records.month)
        score = symbols.intern(spec.records.score)
    }

    var eventTypes: Set<Symbol> { Set(selector.types) }
    var currentVerdicts: [Verdict] { Array(verdicts.values) }
    var pendingCount: Int { 0 }

    mutating func ingest(_ event: Event, budget: inout CaseBudget) {
        guard selector.matches(event), let who = event[person]?.symbol, let monthSymbol = event[month]?.symbol,
              let value = event[score]?.number else { return }
        let mark = EventMark(time: event.time, line: event.line)
        let key = [who, monthSymbol]
        if let existing = records[key], !(existing.mark < mark) { return }
        if records[key] == nil, !budget.admit() { return }
        records[key] = Record(person: who, monthLabel: monthSymbol, mark: mark, score: value)
        latestRecord = max(latestRecord, mark.time)
        changed = true
    }

    mutating func judge(upTo watermark: Instant, context: JudgingContext) -> [(old: Verdict?, new: Verdict?)] {
        let coverageMatters: Bool
        if case .best(let unit, _, _, _, _, _) = spec.judgement { coverageMatters = unit != .month } else { coverageMatters = false }
        let reachedNewRecords = latestRecord > judgedWatermark && watermark > judgedWatermark
        guard changed || reachedNewRecords || (coverageMatters && judgedCoverage != context.coverage) else { return [] }
        changed = false
        judgedCoverage = context.coverage
        judgedWatermark = watermark
        // The month field was checked as YYYY-MM when its line was read.
        let visible = records.values.compactMap { record -> Scored? in
            guard record.mark.time <= watermark, let month = Self.month(context.symbols[record.monthLabel]) else { return nil }
            return Scored(record: record, month: month)
        }
        let new = compute(visible, context: context)
        defer { verdicts = new }
        return verdicts.changes(to: new)
    }

    private func compute(_ visible: [Scored], context: JudgingContext) -> [String: Verdict] {
        var result: [String: Verdict] = [:]
        let symbols = context.symbols
        switch spec.judgement {
        case .best(let unit, let atLeast, let amount, let outcome, let reason, let message):
            var periods: [Period: [Scored]] = [:]
            for record in visible {
                guard let first = calendar.instant(LocalDate(year: record.month.year, month: record.month.month, day: 1),
                                                   hour: 0, minute: 0) else { continue }
                periods[calendar.period(unit == .month ? .month : unit, containing: first), default: []].append(record)
            }
            for (period, records) in periods {
                if unit != .month {
                    guard let coverage = context.coverage, coverage.lowerBound <= period.start,
                          coverage.upperBound >= period.end else { continue }
                }
                let byPerson = Dictionary(grouping: records, by: \.person)
                let values = byPerson.mapValues { own in own.reduce(Decimal(0)) { $0 + $1.score } / Decimal(own.count) }
                guard let best = values.values.max(), best >= atLeast else { continue }
                let lastReview = records.map(\.mark.time).max() ?? period.end
                let time = unit == .month ? lastReview : max(lastReview, period.end)
                for (who, value) in values where value == best {
                    result[period.label + "|" + symbols[who]] = Verdict(
                        rule: rule.id, outcome: outcome, employee: symbols[who], subject: period.label, time: time,
                        reason: reason, template: message, arguments: ["limit": atLeast.plainText],
                        evidence: records.map(\.mark.line), source: rule.clause.citation, value: value, amount: amount)
                }
            }
        case .below(let passMark, let first, let repeated):
            let byKey = Dictionary(visible.map { ([$0.person.rawValue, UInt32($0.month.year), UInt32($0.month.month)], $0) },
                                   uniquingKeysWith: { a, _ in a })
            for record in visible where record.score < passMark {
                let before = record.month.previous
                let previous = byKey[[record.person.rawValue, UInt32(before.year), UInt32(before.month)]]
                let again = previous.map { $0.score < passMark } ?? false
                let chosen = again ? repeated : first
                result[record.month.label + "|" + symbols[record.person]] = Verdict(
                    rule: rule.id, outcome: chosen.outcome, employee: symbols[record.person], subject: record.month.label,
                    time: record.mark.time, reason: chosen.reason, template: chosen.message,
                    arguments: ["limit": passMark.plainText],
                    evidence: [record.mark.line] + (again ? previous.map { [$0.mark.line] } ?? [] : []),
                    source: rule.clause.citation, value: record.score)
            }
        }
        return result
    }

    private static func month(_ label: String) -> Month? {
        let parts = label.split(separator: "-")
        guard parts.count == 2, let year = Int(parts[0]), let month = Int(parts[1]) else { return nil }
        return Month(year: year, month: month)
    }
}
