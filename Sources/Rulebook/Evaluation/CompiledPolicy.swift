/// A policy's rules turned into the programs that evaluate them, with the strings
/// they name interned.
struct CompiledPolicy {
    var programs: [ScheduleProgram] = []
    var eventCounts: [EventCount] = []
    var keyed: [any KeyedProgram] = []
    var symbols = SymbolTable()

    let calendar: PolicyCalendar

    init(_ policy: Policy, calendar: PolicyCalendar) throws(PolicyError) {
        self.calendar = calendar
        for (index, rule) in policy.rules.enumerated() {
            try add(rule.kind, of: rule, at: index, inUnion: false)
        }
    }

    private mutating func add(_ kind: Rule.Kind, of rule: Rule, at index: Int, inUnion: Bool) throws(PolicyError) {
        switch kind {
        case .schedule(let scheduleRule):
            programs[program(for: scheduleRule.schedule)].rules.append(
                .init(ruleIndex: index, rule: rule, outcomes: scheduleRule.outcomes,
                      inForce: InForce(rule.effective, calendar: calendar)))
        case .exchange(let exchangeRule):
            programs[program(for: exchangeRule.schedule)].exchangeRules.append((rule, exchangeRule))
        case .total(let total):
            keyed.append(TotalProgram(rule, total, symbols: &symbols))
        case .steps(let steps):
            keyed.append(StepsProgram(rule, steps, symbols: &symbols))
        case .scores(let scores):
            keyed.append(ScoreProgram(rule, scores, calendar: calendar, symbols: &symbols))
        case .periodic(let periodic):
            keyed.append(PeriodicProgram(rule, periodic, calendar: calendar, symbols: &symbols))
        case .union(let parts):
            for part in parts { try add(part, of: rule, at: index, inUnion: true) }
        case .count(let count):
            guard !inUnion else { throw .unsupportedUnionPart(rule: rule.id) }
            if case .events(let selector, let person, let subject) = count.input {
                eventCounts.append(EventCount(
                    ruleIndex: index, selector: CompiledSelector(selector, symbols: &symbols),
                    person: symbols.intern(person), subject: subject.map { symbols.intern($0) }))
            }
        case .ladder:
            guard !inUnion else { throw .unsupportedUnionPart(rule: rule.id) }
        }
    }
}

extension CompiledPolicy {
    /// The index of the program for `schedule`: rules over an equal schedule share one.
    private mutating func program(for schedule: Schedule) -> Int {
        if let existing = programs.firstIndex(where: { $0.schedule == schedule }) { return existing }
        programs.append(ScheduleProgram(schedule, calendar: calendar, symbols: &symbols))
        return programs.count - 1
    }
}

/// The events a count rule over events has seen, per person.
struct EventCount: Sendable {
    var ruleIndex: Int
    var selector: CompiledSelector
    var person: Symbol
    var subject: Symbol?
    var items: [String: [CountedItem]] = [:]
}
