import Foundation

/// The running state of one ``TotalRule``: each (person, subject) group's records and
/// the referenced values, judged as time advances.
struct TotalProgram: Sendable {
    struct GroupKey: Hashable, Comparable, Sendable {
        var person: Symbol
        var subject: Symbol
        static func < (lhs: GroupKey, rhs: GroupKey) -> Bool { (lhs.person, lhs.subject) < (rhs.person, rhs.subject) }
    }

    struct Record: Sendable {
        var mark: EventMark
        var distinct: Symbol?
        var value: Decimal
    }

    let rule: Rule
    let spec: TotalRule
    private let selector: CompiledSelector
    private let person: Symbol
    private let subject: Symbol
    private let distinct: Symbol?
    private let quantity: (Symbol?, Symbol?)
    private let reference: (selector: CompiledSelector, key: Symbol, value: Symbol)?

    private var groups: [GroupKey: [Record]] = [:]
    private var groupsBySubject: [Symbol: Set<GroupKey>] = [:]
    private var references: [Symbol: (mark: EventMark, value: Decimal)] = [:]
    private var dirty: Set<GroupKey> = []
    /// Groups with records later than the last watermark: their total may still grow.
    private var unsettled: Set<GroupKey> = []
    private(set) var verdicts: [GroupKey: Verdict] = [:]

    init(_ rule: Rule, _ spec: TotalRule, symbols: inout SymbolTable) {
        self.rule = rule
        self.spec = spec
        selector = CompiledSelector(spec.events, symbols: &symbols)
        person = symbols.intern(spec.person)
        subject = symbols.intern(spec.subject)
        distinct = spec.distinctBy.map { symbols.intern($0) }
        switch spec.quantity {
        case .field(let name): quantity = (symbols.intern(name), nil)
        case .difference(let a, let b): quantity = (symbols.intern(a), symbols.intern(b))
        case .one: quantity = (nil, nil)
        }
        if case .fraction(_, _, let referenced) = spec.bound {
            reference = (CompiledSelector(referenced.events, symbols: &symbols),
                         symbols.intern(referenced.key), symbols.intern(referenced.value))
        } else {
            reference = nil
        }
    }

    var eventTypes: Set<Symbol> { Set(selector.types).union(reference?.selector.types ?? []) }

    mutating func ingest(_ event: Event, budget: inout CaseBudget) {
        if let reference, reference.selector.matches(event),
           let key = event[reference.key]?.symbol, let value = event[reference.value]?.number {
            let mark = EventMark(time: event.time, line: event.line)
            if references[key].map({ $0.mark < mark }) ?? true {
                references[key] = (mark, value)
                dirty.formUnion(groupsBySubject[key] ?? [])
            }
        }
        guard selector.matches(event), let who = event[person]?.symbol, let what = event[subject]?.symbol else { return }
        let value: Decimal
        switch quantity {
        case (let a?, let b?):
            guard let first = event[a]?.number, let second = event[b]?.number else { return }
            value = first - second
        case (let a?, nil):
            guard let number = event[a]?.number else { return }
            value = number
        default:
            value = 1
        }
        let key = GroupKey(person: who, subject: what)
        let record = Record(mark: EventMark(time: event.time, line: event.line), distinct: distinct.flatMap { event[$0]?.symbol },
                            value: value)
        if groups[key] == nil, !budget.admit() { return }
        var records = groups[key] ?? []
        var index = records.endIndex
        while index > records.startIndex, record.mark < records[index - 1].mark { index -= 1 }
        records.insert(record, at: index)
        groups[key] = records
        groupsBySubject[what, default: []].insert(key)
        dirty.insert(key)
        unsettled.insert(key)
    }

    /// Judges the groups that changed or may have grown by `watermark`; returns the
    /// old and new verdict of each group judged.
    mutating func judge(upTo watermark: Instant, context: JudgingContext) -> [(old: Verdict?, new: Verdict?)] {
        let symbols = context.symbols
        let keys = dirty.union(unsettled).sorted()
        dirty.removeAll(keepingCapacity: true)
        var changes: [(old: Verdict?, new: Verdict?)] = []
        for key in keys {
            let records = groups[key] ?? []
            if let last = records.last, last.mark.time <= watermark { unsettled.remove(key) }
            let new = verdict(for: key, records: records, upTo: watermark, symbols: symbols)
            let old = verdicts[key]
            if old != new { changes.append((old, new)) }
            verdicts[key] = new
        }
        return changes
    }

    private func verdict(for key: GroupKey, records: [Record], upTo watermark: Instant, symbols: SymbolTable) -> Verdict? {
        // The total is compared as `total × scale` against `limit`, so a fraction of a
        // referenced value (missed × 3 ≥ total) needs no division and stays exact.
        let bound: Decimal, limit: Decimal, scale: Decimal
        var evidence: [Int] = []
        switch spec.bound {
        case .constant(let value):
            (bound, limit, scale) = (value, value, 1)
        case .fraction(let numerator, let denominator, _):
            guard let referenced = references[key.subject], denominator > 0, numerator > 0 else { return nil }
            (bound, limit, scale) = (referenced.value * numerator / denominator, referenced.value * numerator, denominator)
            evidence.append(referenced.mark.line)
        }
        var latest: [Symbol: Record] = [:]
        var undistinguished: [Record] = []
        for record in records where record.mark.time <= watermark {
            if let id = record.distinct { latest[id] = record } else { undistinguished.append(record) }
            let counted = Array(latest.values) + undistinguished
            let total = counted.reduce(Decimal(0)) { $0 + $1.value }
            let reached = spec.comparison == .atLeast ? total * scale >= limit : total * scale > limit
            guard reached else { continue }
            return Verdict(
                rule: rule.id, outcome: spec.outcome, employee: symbols[key.person], subject: symbols[key.subject],
                time: record.mark.time, reason: spec.reason, template: spec.message,
                arguments: ["limit": bound.plainText], evidence: evidence + counted.map(\.mark.line),
                source: rule.clause.citation, value: total)
        }
        return nil
    }
}
