import Foundation

/// Exchanges of cases between people: their steps, the roster they produce, and the
/// verdicts of the rules over them.
extension ScheduleProgram {
    /// Where an exchange stands once every step read so far is taken into account.
    struct ExchangeState: Sendable {
        enum Status: Sendable, Equatable {
            case effective
            case incomplete(missing: [String])
            case unknownCase
            case decidedTooLate
            case frozen
        }

        var id: Symbol
        var status: Status
        var steps: [Event?]
        var first: (person: Symbol, case: Symbol)?
        var second: (person: Symbol, case: Symbol)?
        /// The earliest deciding step.
        var decision: EventMark?
        /// The start of the earlier of the two cases, when both exist.
        var deadline: Instant?
        /// Which parties give a frozen case.
        var frozenParties: [Symbol]

        var lines: [Int] { steps.compactMap { $0?.line } }
    }

    mutating func ingestExchangeStep(_ event: Event, _ exchange: CompiledExchange, budget: inout CaseBudget) {
        for (index, step) in exchange.steps.enumerated() where step.matches(event) {
            guard let id = event[exchange.id]?.symbol else { continue }
            if exchangeSteps[id] == nil, !budget.admit() { continue }
            var record = exchangeSteps[id] ?? Array(repeating: nil, count: exchange.steps.count)
            guard record[index].map({ ($0.time, $0.line) > (event.time, event.line) }) ?? true else { continue }
            record[index] = event
            exchangeSteps[id] = record
            if index == exchange.proposal {
                for field in [exchange.firstCase, exchange.secondCase] {
                    if let named = event[field]?.symbol { exchangedCases.insert(named) }
                }
                for field in [exchange.firstPerson, exchange.secondPerson] {
                    if let person = event[field]?.symbol { exchangeParties.insert(person) }
                }
            }
            rosterIsStale = true
        }
    }

    /// Recomputes every exchange's status and the roster, moving cases between
    /// holders and marking what changed for judging again.
    mutating func recomputeRoster() {
        rosterIsStale = false
        exchangeVerdictsAreStale = true
        guard let exchange else { return }
        var states: [ExchangeState] = []
        for (id, steps) in exchangeSteps {
            states.append(state(of: id, steps: steps, exchange))
        }
        states.sort { ($0.decision?.time ?? .distantFuture, $0.decision?.line ?? 0, $0.id) < ($1.decision?.time ?? .distantFuture, $1.decision?.line ?? 0, $1.id) }
        var newHolders: [Symbol: Symbol] = [:]
        var newMovedBy: [Symbol: Symbol] = [:]
        var moved: [Symbol: Set<Symbol>] = [:]
        for state in states where state.status == .effective {
            guard let first = state.first, let second = state.second else { continue }
            newHolders[first.case] = second.person
            newHolders[second.case] = first.person
            newMovedBy[first.case] = state.id
            newMovedBy[second.case] = state.id
            for party in [first.person, second.person] { moved[party, default: []].formUnion([first.case, second.case]) }
        }
        movedCasesByParty = moved
        exchangeStates = states
        let changed = Set(newHolders.keys).union(holders.keys).filter { newHolders[$0] != holders[$0] }
            .union(Set(newMovedBy.keys).union(movedBy.keys).filter { newMovedBy[$0] != movedBy[$0] })
        var before: [Symbol: Symbol?] = [:]
        for id in changed { before[id] = cases[id].flatMap { holders[$0.id] ?? $0.owner } }
        holders = newHolders
        movedBy = newMovedBy
        for id in changed.sorted() {
            guard let record = cases[id] else { continue }
            if let old = before[id] ?? nil {
                casesByOwner[old]?.removeAll { $0 == id }
                touch(owner: old)
            }
            if let new = holder(of: record) {
                if !(casesByOwner[new]?.contains(id) ?? false) { casesByOwner[new, default: []].append(id) }
                touch(owner: new)
            }
            touch(case: id)
        }
    }

    private func state(of id: Symbol, steps: [Event?], _ exchange: CompiledExchange) -> ExchangeState {
        let proposal = steps[exchange.proposal]
        func side(_ person: Symbol, _ field: Symbol) -> (person: Symbol, case: Symbol)? {
            guard let proposal, let who = proposal[person]?.symbol, let what = proposal[field]?.symbol else { return nil }
            return (who, what)
        }
        let first = side(exchange.firstPerson, exchange.firstCase)
        let second = side(exchange.secondPerson, exchange.secondCase)
        let decision = steps[exchange.decision].map { EventMark(time: $0.time, line: $0.line) }
        let firstCase = first.flatMap { cases[$0.case] }
        let secondCase = second.flatMap { cases[$0.case] }
        var frozenParties: [Symbol] = []
        if let first, firstCase?.frozen == true { frozenParties.append(first.person) }
        if let second, secondCase?.frozen == true { frozenParties.append(second.person) }
        let deadline = firstCase.flatMap { a in secondCase.map { b in min(a.start, b.start) } }
        var state = ExchangeState(id: id, status: .effective, steps: steps, first: first, second: second,
                                  decision: decision, deadline: deadline, frozenParties: frozenParties)
        let missing = exchange.spec.steps.indices.filter { steps[$0] == nil }.map { exchange.spec.steps[$0].name }
        if !frozenParties.isEmpty {
            state.status = .frozen
        } else if !missing.isEmpty {
            state.status = .incomplete(missing: missing)
        } else if firstCase == nil || secondCase == nil {
            state.status = .unknownCase
        } else if let decision, let deadline, !(decision.time < deadline) {
            state.status = .decidedTooLate
        }
        return state
    }

    // MARK: Judging exchanges

    /// The verdicts of the exchange rules that are certain by `watermark`, keyed by
    /// rule, exchange and party; recomputed only when exchanges or cases changed.
    mutating func judgeExchanges(upTo watermark: Instant, symbols: SymbolTable) -> [(old: Verdict?, new: Verdict?)] {
        guard !exchangeRules.isEmpty else { return [] }
        if rosterIsStale { recomputeRoster() }
        var all = exchangeVerdicts
        if exchangeVerdictsAreStale {
            all = computeExchangeVerdicts(symbols: symbols)
            exchangeVerdictsAreStale = false
            allExchangeVerdicts = all
        } else {
            all = allExchangeVerdicts
        }
        let visible = all.filter { $0.value.time <= watermark }
        defer { exchangeVerdicts = visible }
        return exchangeVerdicts.changes(to: visible)
    }

    private func computeExchangeVerdicts(symbols: SymbolTable) -> [String: Verdict] {
        var result: [String: Verdict] = [:]
        let effective = exchangeStates.filter { $0.status == .effective }
        for (rule, spec) in exchangeRules {
            let inForce = InForce(rule.effective, calendar: calendar)
            func add(_ state: ExchangeState, party: Symbol?, time: Instant, value: Int? = nil,
                     arguments: [String: String] = [:], evidence: [Int] = [], reason: String? = nil) {
                guard inForce.contains(time) else { return }
                let name = party.map { symbols[$0] }
                result[rule.id + "|" + symbols[state.id] + "|" + (name ?? "")] = Verdict(
                    rule: rule.id, outcome: spec.outcome, employee: name, subject: symbols[state.id], time: time,
                    reason: reason ?? spec.reason, template: reason.flatMap { spec.messagesByReason[$0] } ?? spec.message,
                    arguments: arguments,
                    evidence: state.lines + evidence, source: rule.clause.citation, value: value.map { Decimal($0) })
            }
            switch spec.judgement {
            case .notEffective:
                for state in exchangeStates {
                    let reason: String
                    var arguments: [String: String] = [:]
                    switch state.status {
                    case .effective, .frozen: continue
                    case .incomplete(let missing):
                        reason = "missing-step"
                        arguments["missing"] = missing.joined(separator: ", ")
                    case .unknownCase: reason = "case-not-scheduled"
                    case .decidedTooLate: reason = "decided-too-late"
                    }
                    let time = state.deadline ?? state.steps.compactMap { $0?.time }.max() ?? .distantPast
                    add(state, party: state.first?.person, time: time, arguments: arguments,
                        evidence: caseLines(state), reason: reason)
                }
            case .frozen:
                for state in exchangeStates where state.status == .frozen {
                    let time = state.decision?.time ?? state.steps.compactMap { $0?.time }.max() ?? .distantPast
                    for party in state.frozenParties { add(state, party: party, time: time, evidence: caseLines(state)) }
                }
            case .limit(let limit, let unit):
                var counts: [[String]: Int] = [:]
                for state in effective {
                    guard let first = state.first, let second = state.second, let decision = state.decision,
                          let shift = cases[first.case] else { continue }
                    let period = calendar.period(unit, containing: shift.start).label
                    for party in Set([first.person, second.person]).sorted() {
                        let key = [symbols[party], period]
                        counts[key, default: 0] += 1
                        if let count = counts[key], count > limit {
                            add(state, party: party, time: decision.time, value: count, arguments: ["limit": String(limit)])
                        }
                    }
                }
            case .consecutive, .backToBack:
                // Only the parties' sets are copied as exchanges change them.
                var roster = scheduledByOwner
                var givenAway: [Symbol: [Symbol]] = [:]
                for state in effective {
                    guard let first = state.first, let second = state.second, let decision = state.decision else { continue }
                    roster[first.person]?.remove(first.case)
                    roster[second.person]?.remove(second.case)
                    roster[second.person, default: []].insert(first.case)
                    roster[first.person, default: []].insert(second.case)
                    for (party, given, received) in [(first.person, first.case, second.case), (second.person, second.case, first.case)] {
                        let own = roster[party] ?? []
                        if case .backToBack(let rest) = spec.judgement {
                            guard let got = cases[received] else { continue }
                            let clash = own.contains { other in
                                guard other != received, let shift = cases[other] else { return false }
                                let (earlier, later) = shift.start <= got.start ? (shift, got) : (got, shift)
                                return later.start - earlier.end < rest
                            }
                            if clash { add(state, party: party, time: decision.time, evidence: caseLines(state)) }
                        } else {
                            guard let gave = cases[given] else { continue }
                            let adjacent = (givenAway[party] ?? []).contains { earlier in
                                guard let before = cases[earlier] else { return false }
                                let low = min(before.start, gave.start), high = max(before.start, gave.start)
                                return !own.contains { id in cases[id].map { $0.start > low && $0.start < high } ?? false }
                            }
                            if adjacent { add(state, party: party, time: decision.time, evidence: caseLines(state)) }
                            givenAway[party, default: []].append(given)
                        }
                    }
                }
            }
        }
        return result
    }

    private func caseLines(_ state: ExchangeState) -> [Int] {
        [state.first?.case, state.second?.case].compactMap { $0.flatMap { cases[$0]?.mark.line } }
    }
}
