/// The running state of one ``StepsRule``: the earliest event of each step per case,
/// and the looked-up cases their deadlines come from.
struct StepsProgram: Sendable {
    let rule: Rule
    let spec: StepsRule
    private let idField: Symbol
    private let steps: [CompiledSelector]
    private let personField: (step: Int, field: Symbol)?
    private let deadlineStep: Int?
    private let lookup: (selector: CompiledSelector, id: Symbol, time: Symbol, namedBy: [(step: Int, field: Symbol)])?
    private let exclusions: [CompiledSelector]

    /// Per case id, the earliest event of each step.
    private var cases: [Symbol: [Event?]] = [:]
    private var looked: [Symbol: Event] = [:]
    private var casesByReference: [Symbol: Set<Symbol>] = [:]
    private var unjudged: Set<Symbol> = []
    private var dirty: Set<Symbol> = []
    private(set) var verdicts: [Symbol: Verdict] = [:]

    init(_ rule: Rule, _ spec: StepsRule, symbols: inout SymbolTable) {
        self.rule = rule
        self.spec = spec
        idField = symbols.intern(spec.id)
        steps = spec.steps.map { CompiledSelector($0.events, symbols: &symbols) }
        let names = spec.steps.map(\.name)
        func stepField(_ field: StepField) -> (step: Int, field: Symbol)? {
            names.firstIndex(of: field.step).map { ($0, symbols.intern(field.field)) }
        }
        personField = spec.person.flatMap(stepField)
        deadlineStep = spec.deadline.flatMap { names.firstIndex(of: $0.step) }
        if let before = spec.deadline?.before {
            lookup = (CompiledSelector(before.events, symbols: &symbols), symbols.intern(before.id),
                      symbols.intern(before.time), before.namedBy.compactMap(stepField))
            exclusions = spec.excludedWhen.map {
                CompiledSelector(EventSelector(types: before.events.types, conditions: [$0]), symbols: &symbols)
            }
        } else {
            lookup = nil
            exclusions = []
        }
    }

    var eventTypes: Set<Symbol> { steps.reduce(Set(lookup?.selector.types ?? [])) { $0.union($1.types) } }

    mutating func ingest(_ event: Event, budget: inout CaseBudget) {
        if let lookup, lookup.selector.matches(event), let id = event[lookup.id]?.symbol {
            if looked[id].map({ ($0.time, $0.line) < (event.time, event.line) }) ?? true {
                looked[id] = event
                dirty.formUnion(casesByReference[id] ?? [])
            }
        }
        for (index, step) in steps.enumerated() where step.matches(event) {
            guard let id = event[idField]?.symbol else { continue }
            if cases[id] == nil, !budget.admit() { continue }
            var record = cases[id] ?? Array(repeating: nil, count: steps.count)
            if record[index].map({ ($0.time, $0.line) > (event.time, event.line) }) ?? true {
                record[index] = event
                cases[id] = record
                if verdicts[id] != nil || !unjudged.contains(id) { dirty.insert(id) }
                if let lookup {
                    for named in lookup.namedBy where named.step == index {
                        if let reference = event[named.field]?.symbol { casesByReference[reference, default: []].insert(id) }
                    }
                }
            }
            if verdicts[id] == nil { unjudged.insert(id) }
        }
    }

    /// Judges cases whose deadline passed by `watermark` and judged cases that
    /// changed; returns the old and new verdict of each.
    mutating func judge(upTo watermark: Instant, context: JudgingContext) -> [(old: Verdict?, new: Verdict?)] {
        let symbols = context.symbols
        var keys = dirty
        dirty.removeAll(keepingCapacity: true)
        for id in unjudged where closes(id) <= watermark { keys.insert(id) }
        var changes: [(old: Verdict?, new: Verdict?)] = []
        for id in keys.sorted() where closes(id) <= watermark {
            unjudged.remove(id)
            let new = verdict(for: id, symbols: symbols)
            let old = verdicts[id]
            if old != new { changes.append((old, new)) }
            verdicts[id] = new
        }
        return changes
    }

    var pendingCount: Int { unjudged.count }

    /// The looked-up cases a case's steps name, or `nil` if one does not exist.
    private func references(of record: [Event?]) -> [Event]? {
        guard let lookup else { return [] }
        var found: [Event] = []
        for named in lookup.namedBy {
            guard let step = record[named.step], let id = step[named.field]?.symbol else { continue }
            guard let event = looked[id] else { return nil }
            found.append(event)
        }
        return found
    }

    private func deadline(of references: [Event]) -> Instant? {
        guard let lookup else { return nil }
        return references.compactMap { $0[lookup.time]?.instant }.min()
    }

    /// When a case can be judged: its deadline, or the end of the log.
    private func closes(_ id: Symbol) -> Instant {
        guard let record = cases[id], let references = references(of: record) else { return .distantFuture }
        return deadline(of: references) ?? .distantFuture
    }

    private func verdict(for id: Symbol, symbols: SymbolTable) -> Verdict? {
        guard let record = cases[id] else { return nil }
        let references = references(of: record)
        if let references, references.contains(where: { event in exclusions.contains { $0.matchesFields(event) } }) {
            return nil
        }
        let missing = spec.steps.indices.filter { record[$0] == nil }.map { spec.steps[$0].name }
        let deadline = references.flatMap(deadline(of:))
        var failures: Set<StepsRule.Failure> = []
        if !missing.isEmpty { failures.insert(.incomplete) }
        if references == nil { failures.insert(.unknownReference) }
        if let deadline, let step = deadlineStep, let event = record[step], !(event.time < deadline) { failures.insert(.late) }
        guard let chosen = spec.outcomes.first(where: { failures.contains($0.failure) }) else { return nil }

        let present = record.compactMap { $0 }
        let time = deadline ?? present.map(\.time).max() ?? .distantPast
        let person = personField.flatMap { record[$0.step]?[$0.field]?.symbol }.map { symbols[$0] }
        return Verdict(
            rule: rule.id, outcome: chosen.outcome, employee: person, subject: symbols[id], time: time,
            reason: chosen.reason, template: chosen.message, arguments: ["missing": missing.joined(separator: ", ")],
            evidence: present.map(\.line) + (references ?? []).map(\.line), source: rule.clause.citation)
    }
}
