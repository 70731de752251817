/// The running state of one ``PeriodicRule``: per person, the latest qualifying
/// event, when employment started and ended, and the times of required events.
struct PeriodicProgram: KeyedProgram {
    private struct Person {
        var qualifying: Event?
        var hired: EventMark?
        var left: EventMark?
        var required: [EventMark] = []
    }

    let rule: Rule
    let spec: PeriodicRule
    private let calendar: PolicyCalendar
    private let qualifying: (selector: CompiledSelector, field: Symbol)
    private let hired: (selector: CompiledSelector, field: Symbol)
    private let left: (selector: CompiledSelector, field: Symbol)?
    private let required: (selector: CompiledSelector, field: Symbol)
    private var people: [Symbol: Person] = [:]
    private var changed = false
    /// The covered periods already due at the last judgement: a new one, or one
    /// whose end the watermark passes, calls for judging again.
    private var judgedPeriods: [Period] = []
    private var verdicts: [String: Verdict] = [:]

    init(_ rule: Rule, _ spec: PeriodicRule, calendar: PolicyCalendar, symbols: inout SymbolTable) {
        self.rule = rule
        self.spec = spec
        self.calendar = calendar
        func compile(_ reference: PersonReference) -> (CompiledSelector, Symbol) {
            (CompiledSelector(reference.events, symbols: &symbols), symbols.intern(reference.field))
        }
        qualifying = compile(spec.qualifying)
        hired = compile(spec.employedFrom)
        left = spec.employedUntil.map(compile)
        required = compile(spec.required)
    }

    var eventTypes: Set<Symbol> {
        Set(qualifying.selector.types + hired.selector.types + (left?.selector.types ?? []) + required.selector.types)
    }
    var currentVerdicts: [Verdict] { Array(verdicts.values) }
    var pendingCount: Int { 0 }

    mutating func ingest(_ event: Event, budget: inout CaseBudget) {
        let mark = EventMark(time: event.time, line: event.line)
        let names = [qualifying.field, hired.field, left?.field, required.field].compactMap { $0 }
        if let who = names.lazy.compactMap({ event[$0]?.symbol }).first, people[who] == nil, eventTypes.contains(event.type),
           !budget.admit() {
            return
        }
        // The latest qualifying event counts whatever it says, so only its type is checked here.
        if qualifying.selector.types.contains(event.type), let who = event[qualifying.field]?.symbol {
            if people[who]?.qualifying.map({ ($0.time, $0.line) < (event.time, event.line) }) ?? true {
                people[who, default: Person()].qualifying = event
                changed = true
            }
        }
        if hired.selector.matches(event), let who = event[hired.field]?.symbol {
            if people[who]?.hired.map({ mark < $0 }) ?? true { people[who, default: Person()].hired = mark; changed = true }
        }
        if let left, left.selector.matches(event), let who = event[left.field]?.symbol {
            if people[who]?.left.map({ $0 < mark }) ?? true { people[who, default: Person()].left = mark; changed = true }
        }
        if required.selector.matches(event), let who = event[required.field]?.symbol {
            people[who, default: Person()].required.insertSorted(mark)
            changed = true
        }
    }

    mutating func judge(upTo watermark: Instant, context: JudgingContext) -> [(old: Verdict?, new: Verdict?)] {
        let due = coveredPeriods(context.coverage).filter { $0.end <= watermark }
        guard changed || due != judgedPeriods else { return [] }
        changed = false
        judgedPeriods = due
        var new: [String: Verdict] = [:]
        for period in due {
            for (who, person) in people {
                guard let latest = person.qualifying, qualifying.selector.matchesFields(latest),
                      let start = person.hired, start.time < period.end else { continue }
                if let end = person.left, end.time < period.start { continue }
                let attended = person.required.contains { $0.time >= period.start && $0.time < period.end }
                guard !attended else { continue }
                let name = context.symbols[who]
                new[period.label + "|" + name] = Verdict(
                    rule: rule.id, outcome: spec.outcome, employee: name, subject: period.label, time: period.end,
                    reason: spec.reason, template: spec.message, evidence: [latest.line, start.line],
                    source: rule.clause.citation)
            }
        }
        defer { verdicts = new }
        return verdicts.changes(to: new)
    }

    /// The periods that lie wholly within the span the log covers.
    private func coveredPeriods(_ coverage: ClosedRange<Instant>?) -> [Period] {
        guard let coverage else { return [] }
        var periods: [Period] = []
        var period = calendar.period(spec.per, containing: coverage.lowerBound)
        if period.start < coverage.lowerBound { period = calendar.period(spec.per, containing: period.end) }
        while period.end <= coverage.upperBound, period.end > period.start {
            periods.append(period)
            period = calendar.period(spec.per, containing: period.end)
        }
        return periods
    }
}
