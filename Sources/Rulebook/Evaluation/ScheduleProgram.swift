/// The running state of one ``Schedule``: its cases, the events they may match,
/// excuses, waivers and exemptions, indexed by interned ids.
///
/// Every rule over the same schedule shares one program. Judging a case is a pure
/// function of this state, so a case judged early and judged again after a late
/// correction gives what a batch run over the whole log gives.
struct ScheduleProgram: Sendable {
    struct CaseRecord: Sendable {
        /// The case's key: its id, or (owner, id) for per-owner cases.
        var id: Symbol
        /// The id the verdict names.
        var subject: Symbol
        var owner: Symbol?
        /// The value of the case source's join field.
        var joinKey: Symbol?
        var start: Instant
        var end: Instant
        var mark: EventMark
        var closes: Instant
        /// Whether the opening event meets the schedule's `unwaivableWhen` and the
        /// exchange's `frozenWhen` conditions.
        var unwaivable: Bool
        var frozen: Bool
        /// The handover group the case belongs to.
        var group: Symbol?
    }

    /// An exchange's compiled form.
    struct CompiledExchange: Sendable {
        var spec: Exchange
        var id: Symbol
        var steps: [CompiledSelector]
        var proposal: Int
        var decision: Int
        var firstPerson: Symbol
        var firstCase: Symbol
        var secondPerson: Symbol
        var secondCase: Symbol
        var frozen: CompiledSelector
    }

    struct CompiledExpectation: Sendable {
        var spec: Expectation
        var selector: CompiledSelector
        var field: Symbol
        var byOwner: Bool
        var person: Symbol?
        var join: Int?
    }

    /// The latest event per key of a join's types, and whether it meets the join.
    struct JoinTable: Sendable {
        var spec: Join
        var selector: CompiledSelector
        var field: Symbol
        var key: Symbol
        var latest: [Symbol: Event] = [:]

        func holds(_ key: Symbol?) -> Bool {
            guard let key, let event = latest[key] else { return false }
            return selector.matchesFields(event)
        }
    }

    struct CompiledReference: Sendable {
        var selector: CompiledSelector
        var caseField: Symbol
        var ownerField: Symbol?
    }

    struct CompiledExcuse: Sendable {
        var spec: Excuse
        var reference: CompiledReference
        var covers: [Int]
    }

    struct CompiledRule: Sendable {
        var ruleIndex: Int
        var rule: Rule
        var outcomes: [ScheduleOutcome] { didSet { judged = Self.judged(rule, outcomes) } }
        /// When the rule is in force: it judges the cases that start then.
        var inForce: InForce
        /// Each outcome with what its verdicts carry of the rule, in order.
        private(set) var judged: [JudgedOutcome]

        init(ruleIndex: Int, rule: Rule, outcomes: [ScheduleOutcome], inForce: InForce) {
            self.ruleIndex = ruleIndex
            self.rule = rule
            self.outcomes = outcomes
            self.inForce = inForce
            judged = Self.judged(rule, outcomes)
        }

        private static func judged(_ rule: Rule, _ outcomes: [ScheduleOutcome]) -> [JudgedOutcome] {
            outcomes.map { JudgedOutcome(ruleID: rule.id, outcome: $0, citation: ($0.clause ?? rule.clause).citation) }
        }
    }

    /// One outcome of a rule as judging reads it, held by reference: every case is
    /// judged against every outcome of its rules, and copying the rule and outcome
    /// values for each cost more than judging most cases.
    final class JudgedOutcome: Sendable {
        let outcome: ScheduleOutcome
        /// What its verdicts say alike, citing the outcome's own clause or the rule's.
        let statement: Verdict.Statement

        init(ruleID: String, outcome: ScheduleOutcome, citation: String) {
            self.outcome = outcome
            statement = Verdict.Statement(rule: ruleID, outcome: outcome.outcome, reason: outcome.reason,
                                          template: outcome.message, source: citation)
        }
    }

    let schedule: Schedule
    let calendar: PolicyCalendar
    /// The offset of the point where cases close, in nanoseconds.
    private let closesOffset: Int64
    var rules: [CompiledRule] = [] {
        didSet { limitArguments = Self.limitArguments(of: rules) }
    }
    /// Per limit a measure compares with, the message arguments that name it: built
    /// once and shared by every verdict, rather than a dictionary and the limit's
    /// text per verdict.
    private(set) var limitArguments: [Duration: [String: String]] = [:]
    var exchangeRules: [(rule: Rule, spec: ExchangeRule)] = []
    let exchange: CompiledExchange?
    private let unwaivable: CompiledSelector
    let groupField: Symbol?
    /// Per exchange id, the earliest event of each step.
    var exchangeSteps: [Symbol: [Event?]] = [:]
    /// The cases exchanges name, so a change to one recomputes the roster.
    var exchangedCases: Set<Symbol> = []
    /// The people exchanges name: their other cases bear on rest and adjacency.
    var exchangeParties: Set<Symbol> = []
    /// Per person, the cases their effective exchanges moved: whether such a case is
    /// covered depends on both parties' events.
    var movedCasesByParty: [Symbol: Set<Symbol>] = [:]
    var rosterIsStale = false
    /// The roster after effective exchanges: case id to its holder, where it changed.
    var holders: [Symbol: Symbol] = [:]
    /// The exchange that last moved a case.
    var movedBy: [Symbol: Symbol] = [:]
    /// Every exchange's status, computed with the roster.
    var exchangeStates: [ExchangeState] = []
    private(set) var casesByGroup = SymbolMap<[Symbol]>()
    /// The exchange verdicts in force (certain by the last watermark).
    var exchangeVerdicts: [String: Verdict] = [:]
    /// Every exchange verdict, certain or not yet, as last computed.
    var allExchangeVerdicts: [String: Verdict] = [:]
    var exchangeVerdictsAreStale = false
    private(set) var joins: [JoinTable] = []
    private let caseJoin: Int?
    let caseSelector: CompiledSelector
    let idField: Symbol
    let ownerField: Symbol?
    let startField: Symbol?
    let endField: Symbol?
    let expectations: [CompiledExpectation]
    let excuses: [CompiledExcuse]
    let waivers: [CompiledReference]
    let exemptions: [(selector: CompiledSelector, field: Symbol)]
    /// Whether judging one case of a person can change another's (quotas, or
    /// events matched by person).
    let couplesOwners: Bool

    private(set) var cases = SymbolMap<CaseRecord>()
    var casesByOwner = SymbolMap<[Symbol]>()
    /// Per person, the cases they were scheduled as opened, before any exchange: the
    /// roster the exchange rules replay exchanges over. Kept as cases open, for
    /// schedules with exchanges, rather than rebuilt from every case at each step of a
    /// stream.
    var scheduledByOwner: [Symbol: Set<Symbol>] = [:]
    /// Per expectation: the events keyed by the person or case they name.
    private(set) var matches: [SymbolMap<EventMarks>]
    /// Per excuse: the events keyed by case id, with the person they name.
    private(set) var excuseMarks: [SymbolMap<EventMarks>]
    private(set) var waiverMarks = SymbolMap<EventMarks>()
    private(set) var exempt = SymbolMap<Int>()

    private var due = DueCases()
    var judged = SymbolSet()
    /// How many of the cases the last ``casesToJudge(upTo:)`` returned were judged
    /// for the first time.
    private(set) var newlyJudged = 0
    /// Whether a judged case can be let go once nothing to come can change it: its
    /// verdicts rest on its own events alone (``Schedule/casesStandAlone``).
    let releasable: Bool
    /// The cases let go: their verdicts are kept, later events for them are not.
    private(set) var released = SymbolSet()
    /// Judged cases to let go once the watermark passes the time they settle.
    private var unsettled = DueCases()
    var judgedOwners = SymbolSet()
    var dirtyCases: Set<Symbol> = []
    var dirtyOwners: Set<Symbol> = []

    struct DueCase: Comparable, Sendable {
        var closes: Instant
        var id: Symbol
        static func < (lhs: DueCase, rhs: DueCase) -> Bool { (lhs.closes, lhs.id) < (rhs.closes, rhs.id) }
    }

    init(_ schedule: Schedule, calendar: PolicyCalendar, symbols: inout SymbolTable) {
        self.schedule = schedule
        self.calendar = calendar
        closesOffset = schedule.closes.offset.nanoseconds
        var joins: [JoinTable] = []
        func join(_ spec: Join?) -> Int? {
            guard let spec else { return nil }
            if let index = joins.firstIndex(where: { $0.spec == spec }) { return index }
            joins.append(JoinTable(spec: spec, selector: CompiledSelector(spec.events, symbols: &symbols),
                                   field: symbols.intern(spec.field), key: symbols.intern(spec.key)))
            return joins.count - 1
        }
        caseJoin = join(schedule.cases.join)
        unwaivable = CompiledSelector(EventSelector(types: schedule.cases.events.types, conditions: schedule.unwaivableWhen),
                                      symbols: &symbols)
        groupField = schedule.handoverGroup.map { symbols.intern($0) }
        exchange = schedule.exchanges.map { spec in
            let names = spec.steps.map(\.name)
            return CompiledExchange(
                spec: spec, id: symbols.intern(spec.id), steps: spec.steps.map { CompiledSelector($0.events, symbols: &symbols) },
                proposal: names.firstIndex(of: spec.proposal) ?? 0, decision: names.firstIndex(of: spec.decision) ?? 0,
                firstPerson: symbols.intern(spec.first.person), firstCase: symbols.intern(spec.first.case),
                secondPerson: symbols.intern(spec.second.person), secondCase: symbols.intern(spec.second.case),
                frozen: CompiledSelector(EventSelector(types: schedule.cases.events.types, conditions: spec.frozenWhen),
                                         symbols: &symbols))
        }
        caseSelector = CompiledSelector(schedule.cases.events, symbols: &symbols)
        idField = symbols.intern(schedule.cases.id)
        ownerField = schedule.cases.owner.map { symbols.intern($0) }
        func field(_ source: TimeSource) -> Symbol? {
            if case .field(let name) = source { symbols.intern(name) } else { nil }
        }
        startField = field(schedule.cases.start)
        endField = field(schedule.cases.end)
        expectations = schedule.expectations.map { spec in
            switch spec.correlation {
            case .owner(let name):
                CompiledExpectation(spec: spec, selector: CompiledSelector(spec.events, symbols: &symbols),
                                    field: symbols.intern(name), byOwner: true, person: spec.person.map { symbols.intern($0) },
                                    join: join(spec.join))
            case .caseID(let name):
                CompiledExpectation(spec: spec, selector: CompiledSelector(spec.events, symbols: &symbols),
                                    field: symbols.intern(name), byOwner: false, person: spec.person.map { symbols.intern($0) },
                                    join: join(spec.join))
            }
        }
        func reference(_ spec: CaseReference) -> CompiledReference {
            CompiledReference(selector: CompiledSelector(spec.events, symbols: &symbols),
                              caseField: symbols.intern(spec.caseField),
                              ownerField: spec.ownerField.map { symbols.intern($0) })
        }
        let names = schedule.expectations.map(\.name)
        excuses = schedule.excuses.map { spec in
            CompiledExcuse(spec: spec, reference: reference(spec.reference),
                           covers: spec.covers.compactMap { names.firstIndex(of: $0) })
        }
        waivers = schedule.waivers.map(reference)
        exemptions = schedule.exemptions.map {
            (CompiledSelector($0.events, symbols: &symbols), symbols.intern($0.field))
        }
        couplesOwners = schedule.exchanges != nil || schedule.handoverGroup != nil || schedule.excuses.contains { $0.quota != nil }
            || schedule.expectations.contains { if case .owner = $0.correlation { true } else { false } }
        matches = Array(repeating: SymbolMap(), count: schedule.expectations.count)
        excuseMarks = Array(repeating: SymbolMap(), count: schedule.excuses.count)
        self.joins = joins
        releasable = schedule.casesStandAlone
    }

    /// The event types this program reads.
    var eventTypes: Set<Symbol> {
        var types = Set(caseSelector.types)
        for e in expectations { types.formUnion(e.selector.types) }
        for e in excuses { types.formUnion(e.reference.selector.types) }
        for w in waivers { types.formUnion(w.selector.types) }
        for e in exemptions { types.formUnion(e.selector.types) }
        for j in joins { types.formUnion(j.selector.types) }
        for step in exchange?.steps ?? [] { types.formUnion(step.types) }
        return types
    }

    var caseCount: Int { cases.count }

    // MARK: Reading events

    /// This part's share of the cases, when the cases stand alone and threads share
    /// them out: per event type read, the field naming the case.
    private(set) var shard: (share: CaseShard, keys: [(type: Symbol, field: Symbol)])?

    /// Judges only the cases whose ids fall in `share`.
    mutating func deal(_ share: CaseShard, symbols: inout SymbolTable) {
        shard = (share, share.keys.sorted { $0.key < $1.key }.map { (symbols.intern($0.key), symbols.intern($0.value)) })
    }

    mutating func ingest(_ event: Event, symbols: inout SymbolTable, budget: inout CaseBudget) {
        if let shard, let key = shard.keys.first(where: { $0.type == event.type }),
           let id = event[key.field]?.symbol, !symbols.withUTF8(of: id, shard.share.owns) {
            return
        }
        for index in joins.indices where joins[index].selector.types.contains(event.type) {
            guard let key = event[joins[index].key]?.symbol else { continue }
            if joins[index].latest[key].map({ ($0.time, $0.line) < (event.time, event.line) }) ?? true {
                joins[index].latest[key] = event
                // What a join names can change any case; such events are rare.
                dirtyOwners.formUnion(judgedOwners)
                dirtyCases.formUnion(judged)
            }
        }
        if caseSelector.matches(event) { openCase(event, symbols: &symbols, budget: &budget) }
        if let exchange { ingestExchangeStep(event, exchange, budget: &budget) }
        // By index, here and below: every event meets every expectation's, excuse's,
        // waiver's and exemption's selector, and copying each to ask cost more than
        // most answers.
        for index in expectations.indices where expectations[index].selector.matches(event) {
            guard let key = event[expectations[index].field]?.symbol, !released.contains(key) else { continue }
            let person = expectations[index].person.flatMap { event[$0]?.symbol }
            let joined = expectations[index].join.flatMap { event[joins[$0].field]?.symbol }
            matches[index][key, default: EventMarks()].insertSorted(EventMark(time: event.time, line: event.line, key: person, join: joined))
            if expectations[index].byOwner { touch(owner: key) } else { touch(case: key) }
        }
        for index in excuses.indices where excuses[index].reference.selector.matches(event) {
            guard let id = event[excuses[index].reference.caseField]?.symbol else { continue }
            let owner = excuses[index].reference.ownerField.flatMap { event[$0]?.symbol }
            excuseMarks[index][id, default: EventMarks()].insertSorted(EventMark(time: event.time, line: event.line, key: owner))
            touch(case: id)
        }
        for index in waivers.indices where waivers[index].selector.matches(event) {
            guard let id = event[waivers[index].caseField]?.symbol else { continue }
            let owner = waivers[index].ownerField.flatMap { event[$0]?.symbol }
            waiverMarks[id, default: EventMarks()].insertSorted(EventMark(time: event.time, line: event.line, key: owner))
            touch(case: id)
        }
        for index in exemptions.indices where exemptions[index].selector.matches(event) {
            guard let person = event[exemptions[index].field]?.symbol else { continue }
            exempt[person] = min(exempt[person] ?? .max, event.line)
            touch(owner: person)
        }
    }

    private mutating func openCase(_ event: Event, symbols: inout SymbolTable, budget: inout CaseBudget) {
        guard let subject = event[idField]?.symbol else { return }
        let owner = ownerField.flatMap { event[$0]?.symbol }
        var id = subject
        if schedule.cases.perOwner {
            guard let owner else { return }
            id = symbols.intern(symbols[owner] + "\u{1F}" + symbols[subject])
        }
        // A released case opened earlier than anything still to come, and the
        // earliest opening counts.
        guard !released.contains(id) else { return }
        let mark = EventMark(time: event.time, line: event.line)
        let previous = cases[id]
        if let previous, schedule.cases.keeps == .latest ? mark < previous.mark : previous.mark < mark { return }
        if previous == nil, !budget.admit() { return }
        func time(_ field: Symbol?) -> Instant? { field.map { event[$0]?.instant } ?? event.time }
        guard let start = time(startField), let end = time(endField) else { return }
        let joinKey = caseJoin.flatMap { event[joins[$0].field]?.symbol }
        let frozen = exchange.map { $0.frozen.matchesFields(event) && !$0.spec.frozenWhen.isEmpty } ?? false
        let group = groupField.flatMap { event[$0]?.symbol }
        var record = CaseRecord(id: id, subject: subject, owner: owner, joinKey: joinKey, start: start, end: end,
                                mark: mark, closes: start,
                                unwaivable: !schedule.unwaivableWhen.isEmpty && unwaivable.matchesFields(event),
                                frozen: frozen, group: group)
        let isNew = previous == nil
        // A case is listed under its group and holder when first opened; only a
        // reopened case can be listed already, so only then is the list searched.
        if let group, isNew || !(casesByGroup[group]?.contains(id) ?? false) { casesByGroup[group, default: []].append(id) }
        if exchangedCases.contains(id) { rosterIsStale = true }
        if let owner, exchangeParties.contains(owner) { exchangeVerdictsAreStale = true }
        record.closes = closingTime(of: record)
        let holder = holders[id] ?? owner
        if let previous, let previousHolder = holders[id] ?? previous.owner, previousHolder != holder {
            casesByOwner[previousHolder]?.removeAll { $0 == id }
            touch(owner: previousHolder)
        }
        // Cases whose verdicts rest on their own events alone (see `releasable`) are
        // never judged again for their owner's sake: listing them by owner would keep
        // every ticket of the log for nothing.
        if !releasable, let holder, isNew || !(casesByOwner[holder]?.contains(id) ?? false) {
            casesByOwner[holder, default: []].append(id)
        }
        if exchange != nil {
            if let previousOwner = previous?.owner, previousOwner != owner { scheduledByOwner[previousOwner]?.remove(id) }
            if let owner { scheduledByOwner[owner, default: []].insert(id) }
        }
        cases[id] = record
        due.insert(DueCase(closes: record.closes, id: id))
        touch(case: id)
    }

    mutating func touch(case id: Symbol) {
        if judged.contains(id) { dirtyCases.insert(id) }
        if couplesOwners, let record = cases[id], let owner = holder(of: record), judgedOwners.contains(owner) {
            dirtyOwners.insert(owner)
        }
    }

    /// Who holds a case on the roster after exchanges.
    func holder(of record: CaseRecord) -> Symbol? { holders.isEmpty ? record.owner : holders[record.id] ?? record.owner }

    mutating func touch(owner: Symbol) {
        if judgedOwners.contains(owner) { dirtyOwners.insert(owner) }
    }

    // MARK: Deciding what to judge

    /// The cases to judge now: those that closed by `watermark` and were not judged
    /// yet, and judged ones whose events changed since. Sorted, so that judging is
    /// deterministic.
    mutating func casesToJudge(upTo watermark: Instant) -> [Symbol] {
        if rosterIsStale { recomputeRoster() }
        newlyJudged = 0
        // Collected, then sorted and made unique once: a batch run judges millions of
        // cases in one step, and a hashed set of them cost more than the judging order.
        var selected: [Symbol] = []
        for next in due.removeAll(dueBy: watermark, including: true) {
            guard let record = cases[next.id], record.closes == next.closes else { continue }
            if judged.insert(next.id) {
                newlyJudged += 1
                selected.append(next.id)
                if let owner = holder(of: record) { judgedOwners.insert(owner) }
            }
        }
        for id in dirtyCases where judged.contains(id) { selected.append(id) }
        for owner in dirtyOwners {
            for id in casesByOwner[owner] ?? [] where judged.contains(id) && !released.contains(id) { selected.append(id) }
            for id in movedCasesByParty[owner] ?? [] where judged.contains(id) { selected.append(id) }
        }
        // A case's handover verdict rests on its relief's events: judging a case again
        // judges the cases that hand over to it too.
        if groupField != nil {
            for id in selected {
                guard let record = cases[id], let group = record.group else { continue }
                for other in casesByGroup[group] ?? [] where judged.contains(other) && cases[other]?.end == record.start {
                    selected.append(other)
                }
            }
        }
        dirtyCases.removeAll(keepingCapacity: true)
        dirtyOwners.removeAll(keepingCapacity: true)
        selected.sortAndRemoveDuplicates()
        return selected
    }

    private static func limitArguments(of rules: [CompiledRule]) -> [Duration: [String: String]] {
        var arguments: [Duration: [String: String]] = [:]
        func collect(_ condition: ScheduleCondition) {
            switch condition {
            case .measure(_, let above, let atMost):
                if let limit = atMost ?? above { arguments[limit] = ["limit": limit.minutes.plainText] }
            case .all(let conditions):
                conditions.forEach(collect)
            case .missing, .found, .waiverRefused, .uncovered, .leftBeforeRelief, .excuseTooLate:
                break
            }
        }
        for rule in rules { for outcome in rule.outcomes { collect(outcome.condition) } }
        return arguments
    }

    /// Lets go of the judged cases that nothing at or after `watermark` can change,
    /// with the events they matched, and returns them; their verdicts stay with the
    /// evaluation. `judged` are the cases just judged, with the time each settles;
    /// cases judged earlier are looked at again once the watermark passes that time.
    mutating func release(_ judged: [(id: Symbol, settles: Instant?)], upTo watermark: Instant) -> [Symbol] {
        guard releasable else { return [] }
        var releasedNow: [Symbol] = []
        func consider(_ id: Symbol, settles: Instant?) {
            guard let settles else { return }
            guard settles < watermark else {
                unsettled.insert(DueCase(closes: settles, id: id))
                return
            }
            guard let record = cases[id] else { return }
            cases[id] = nil
            for index in matches.indices { matches[index][record.subject] = nil }
            released.insert(id)
            releasedNow.append(id)
        }
        for (id, settles) in judged { consider(id, settles: settles) }
        // In order of settling time: cases are let go, and their verdicts gathered, in
        // the same order however the queue kept them.
        for next in unsettled.removeAll(dueBy: watermark, including: false).sorted() {
            // The case may have been judged again since, with other events.
            guard let record = cases[next.id], self.judged.contains(next.id) else { continue }
            consider(next.id, settles: settlingTime(of: record, matched: nil))
        }
        return releasedNow
    }

    /// The time after which nothing still to come can change the case: its opening
    /// event, its closing, and for each expectation its earliest event or the end of
    /// its window, whichever is first. `nil` while an expectation with no end to its
    /// window has found nothing, or picks its latest event: the case then waits for an
    /// event, which makes it judged again. `matched` are the expectations' events, if
    /// known.
    func settlingTime(of record: CaseRecord, matched: [EventMark?]?) -> Instant? {
        guard caseJoinHolds(record) else { return nil }
        var settles = max(record.mark.time, record.closes)
        for index in expectations.indices {
            let end = expectations[index].spec.to.map { point($0, of: record) }
            var found: Instant?
            if expectations[index].spec.pick == .earliest {
                found = matched.map { $0[index]?.time }
                    ?? matches[index][record.subject].flatMap { pick(index, from: $0, record: record) }?.time
            }
            switch (end, found) {
            case (let end?, let found?): settles = max(settles, min(end, found))
            case (let fixed?, nil), (nil, let fixed?): settles = max(settles, fixed)
            case (nil, nil): return nil
            }
        }
        return settles
    }

    /// Cases not judged yet: pending when the evaluation finishes as of a time.
    var pendingCount: Int {
        var count = 0
        cases.forEach { _, record in if !judged.contains(record.id), caseJoinHolds(record) { count += 1 } }
        return count
    }

    // MARK: Case geometry

    func point(_ point: CasePoint, of record: CaseRecord) -> Instant {
        calendarPoint(point, of: record) + point.offset
    }

    /// When `record` closes: its closing point, with the offset found once in
    /// nanoseconds, as every case opened needs it.
    private func closingTime(of record: CaseRecord) -> Instant {
        let instant = calendarPoint(schedule.closes, of: record)
        return Instant(nanosecondsSinceEpoch: instant.nanosecondsSinceEpoch.saturatingAdd(closesOffset))
    }

    /// The point's anchor moved by its calendar years and days, without its offset.
    private func calendarPoint(_ point: CasePoint, of record: CaseRecord) -> Instant {
        var instant = point.anchor == .start ? record.start : record.end
        if point.years != 0 { instant = calendar.adding(years: point.years, to: instant) }
        if point.days != 0 { instant = calendar.adding(days: point.days, to: instant) }
        return instant
    }

    /// Whether the case's join holds (always, for a source without a join).
    func caseJoinHolds(_ record: CaseRecord) -> Bool {
        caseJoin.map { joins[$0].holds(record.joinKey) } ?? true
    }

    /// The event the case's join names, if any.
    func joinedEvent(of record: CaseRecord) -> Event? {
        guard let index = caseJoin, let key = record.joinKey else { return nil }
        return joins[index].latest[key]
    }
}
