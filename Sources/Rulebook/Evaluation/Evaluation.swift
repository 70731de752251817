/// A streaming evaluation of a policy: feed events, tell it that time has passed,
/// and finish.
///
/// Sans-IO: it never reads a file or a clock. `advance(to:)` is a promise that no
/// event earlier than the given time is still to come; cases that closed by then are
/// judged and their verdicts reported. An event that changes an already judged case
/// (a supervisor's confirmation days later) revises it at the next step, so the
/// verdicts converge to what a batch run over the whole log gives.
///
/// ```swift
/// var evaluation = try Evaluation(policy: policy)
/// evaluation.feed(event)
/// let changes = evaluation.advance(to: now)   // verdicts certain by now
/// let rest = evaluation.finish()              // the log is complete
/// ```
public struct Evaluation: Sendable {
    /// The policy being evaluated.
    public let policy: Policy
    /// The policy's calendar.
    public let calendar: PolicyCalendar
    /// The table that interns this evaluation's strings.
    public internal(set) var symbols = SymbolTable()
    /// What has been read and judged so far.
    public internal(set) var statistics = EvaluationStatistics()
    /// The time the evaluation is as of: later events are not evaluated and later
    /// deadlines stay pending; `nil` for a complete log.
    public let asOf: Instant?

    var decoder: EventLineDecoder
    var programs: [ScheduleProgram] = []
    private(set) var routes = SymbolMap<[Int]>()
    private(set) var eventCounts: [EventCount] = []
    private var keyed: [any KeyedProgram] = []
    /// When each keyed program's rule is in force: it keeps the verdicts certain then.
    private var keyedInForce: [InForce] = []
    /// When each rule is in force, by index in the policy.
    private let inForce: [InForce]
    private(set) var keyedRoutes = SymbolMap<[Int]>()
    var caseVerdicts: [SymbolMap<[Verdict]>]
    /// The verdicts of cases let go while settling, which nothing can change.
    var settledVerdicts = SettledVerdicts()
    private var derivedRules: [Int]
    /// The ids of the rules whose verdicts rules over verdicts read, and per schedule
    /// program whether it judges one of them: a batch run that does not report its
    /// steps records only the changes those rules need.
    private var derivedInputs: Set<String> = []
    var programFeedsDerived: [Bool] = []
    /// Per person, the verdicts of rules that read events, as rules over verdicts
    /// (counts, ladders) take them; and those rules' own verdicts. Both are per
    /// person, so a step recomputes only the people whose inputs changed.
    private var baseByPerson: [String: [Verdict]] = [:]
    private var derivedByPerson: [String: [Verdict]] = [:]
    /// People whose counted events changed, or lie beyond the watermark.
    private var countedPeopleTouched: Set<String> = []
    private var countedPeopleAhead: Set<String> = []
    private var nextSequence = 1
    /// The earliest and latest times of the events evaluated so far: the span of
    /// time the log covers.
    public internal(set) var coverage: ClosedRange<Instant>?
    /// The latest time the evaluation was advanced to.
    private var watermark = Instant.distantPast
    var budget: CaseBudget
    /// What judging keeps from one case and step to the next.
    private var memo = JudgingMemo()
    /// The sum of what ``ScheduleProgram/prefetch(_:)`` read, kept only so that its
    /// loads are made.
    private var prefetched: UInt8 = 0
    /// What ``judgeSchedulesAhead()`` judged, for the step that finishes the log.
    private var judgedAhead = VerdictChanges()
    /// How a batch run lets go of settled cases as it reads; `nil` when it does not.
    var settling: Settling?

    /// Bounds on what an evaluation holds, so that hostile input cannot exhaust memory.
    ///
    /// ```swift
    /// var evaluation = try Evaluation(policy: policy, limits: .init(maximumOpenCases: 100_000))
    /// ```
    public struct Limits: Sendable, Equatable {
        /// The most cases (shifts, tickets, swaps, groups a sum is kept for, monthly
        /// scores, people a periodic rule follows) held at once, across all rules.
        /// An event that would open one more is reported and not evaluated.
        public var maximumOpenCases: Int

        /// Creates limits.
        ///
        /// ```swift
        /// let limits = Evaluation.Limits(maximumOpenCases: 200_000)
        /// ```
        public init(maximumOpenCases: Int = 5_000_000) {
            self.maximumOpenCases = maximumOpenCases
        }
    }

    /// Prepares an evaluation of `policy`.
    ///
    /// - Parameters:
    ///   - policy: the rules, the events they read and the calendar's zone.
    ///   - asOf: evaluate as known at this time: later events are counted in
    ///     ``statistics`` but not evaluated, and ``finish()`` leaves later deadlines
    ///     pending. `nil` (the default) treats the log as complete.
    ///   - limits: bounds on what the evaluation holds; see ``Limits``.
    /// - Throws: ``PolicyError`` for an unknown time zone, duplicate rule ids, or
    ///   rules over verdicts of missing rules or in a cycle.
    ///
    /// ```swift
    /// var evaluation = try Evaluation(policy: policy, asOf: try RFC3339.parse("2026-03-31T23:59:59+08:00"))
    /// ```
    public init(policy: Policy, asOf: Instant? = nil, limits: Limits = Limits()) throws(PolicyError) {
        self.policy = policy
        self.asOf = asOf
        budget = CaseBudget(limit: limits.maximumOpenCases)
        do { calendar = try PolicyCalendar(timeZone: policy.timeZone) } catch {
            throw .unknownTimeZone(policy.timeZone)
        }
        decoder = EventLineDecoder(schema: policy.schema)
        inForce = policy.rules.map { [calendar] in InForce($0.effective, calendar: calendar) }
        derivedRules = try Self.derivedOrder(policy.rules)

        for rule in policy.rules { statistics.casesJudged[rule.id] = 0 }
        let compiled = try CompiledPolicy(policy, calendar: calendar)
        programs = compiled.programs
        eventCounts = compiled.eventCounts
        keyed = compiled.keyed
        keyedInForce = keyed.map { [calendar] in InForce($0.rule.effective, calendar: calendar) }
        symbols = compiled.symbols
        for (index, program) in keyed.enumerated() {
            for type in program.eventTypes { keyedRoutes[type, default: []].append(index) }
        }
        for (index, program) in programs.enumerated() {
            for type in program.eventTypes { routes[type, default: []].append(index) }
        }
        caseVerdicts = Array(repeating: SymbolMap(), count: programs.count)
        derivedInputs = Set(derivedRules.flatMap { policy.rules[$0].inputRules })
        programFeedsDerived = programs.map { [derivedInputs] in $0.rules.contains { derivedInputs.contains($0.rule.id) } }
    }

    // MARK: Feeding

    /// Reads one line of a JSON Lines log and evaluates its event.
    ///
    /// - Parameters:
    ///   - bytes: the line, without its `\n`.
    ///   - number: its 1-based line number: the evidence verdicts cite.
    /// - Returns: a diagnostic if the line was rejected or skipped.
    ///
    /// ```swift
    /// var text = #"{"time":"2026-03-02T09:41:00+08:00","type":"clock.in","employee":"E1"}"#
    /// let diagnostic = text.withUTF8 { evaluation.feed(line: $0, number: 1) }
    /// ```
    @discardableResult
    public mutating func feed(line bytes: UnsafeBufferPointer<UInt8>, number: Int) -> LogDiagnostic? {
        statistics.linesRead += 1
        let outcome = decoder.decode(bytes, line: number, symbols: &symbols)
        if settling != nil, decoder.readForgottenHour { settling?.broken(at: number) }
        switch outcome {
        case .event(let event):
            feed(event)
            guard budget.refused else { return nil }
            budget.refused = false
            statistics.rejectedLines += 1
            return LogDiagnostic(
                severity: .error, line: number,
                message: "the evaluation already holds its limit of \(budget.limit) open cases; this event's case was not evaluated")
        case .blank:
            statistics.blankLines += 1
        case .duplicate:
            statistics.duplicateLines += 1
        case .diagnostic(let diagnostic):
            if diagnostic.severity == .error { statistics.rejectedLines += 1 } else { statistics.skippedLines += 1 }
            return diagnostic
        }
        return nil
    }

    /// Decodes one line with this evaluation's symbols, without evaluating it: for
    /// callers that read a log once and evaluate its events later, or many times.
    ///
    /// ```swift
    /// var text = #"{"time":"2026-03-02T09:41:00+08:00","type":"clock.in","employee":"E1"}"#
    /// if case .event(let event) = text.withUTF8({ evaluation.decode(line: $0, number: 1) }) { events.append(event) }
    /// ```
    public mutating func decode(line bytes: UnsafeBufferPointer<UInt8>, number: Int) -> EventLineDecoder.Outcome {
        decoder.decode(bytes, line: number, symbols: &symbols)
    }

    /// Reads one line of a JSON Lines log given as a string.
    ///
    /// ```swift
    /// evaluation.feed(line: #"{"time":"2026-03-02T09:41:00+08:00","type":"clock.in","employee":"E1"}"#, number: 1)
    /// ```
    @discardableResult
    public mutating func feed(line: String, number: Int) -> LogDiagnostic? {
        var text = line
        return text.withUTF8 { feed(line: $0, number: number) }
    }

    /// Records a line that was too long to read, and returns its diagnostic.
    ///
    /// ```swift
    /// if case .tooLong(let number, let length) = line {
    ///     print(evaluation.rejectOverlongLine(number: number, length: length))
    /// }
    /// ```
    public mutating func rejectOverlongLine(number: Int, length: Int) -> LogDiagnostic {
        statistics.linesRead += 1
        statistics.rejectedLines += 1
        return LogDiagnostic(
            severity: .error, line: number,
            message: "line of \(length) bytes is longer than the limit of \(EventLogReader.maximumLineLength) bytes; skipped")
    }

    /// Evaluates one event, interned with this evaluation's ``symbols``.
    ///
    /// ```swift
    /// for event in decodedEarlier { evaluation.feed(event) }
    /// ```
    public mutating func feed(_ event: Event) {
        if let asOf, event.time > asOf {
            statistics.eventsAfterAsOf += 1
            return
        }
        statistics.events += 1
        if settling != nil { settling?.observe(event) }
        nextSequence = max(nextSequence, event.line + 1)
        if let known = coverage {
            if event.time < known.lowerBound || event.time > known.upperBound {
                coverage = min(known.lowerBound, event.time)...max(known.upperBound, event.time)
            }
        } else {
            coverage = event.time...event.time
        }
        if let targets = routes[event.type] {
            for index in targets { programs[index].ingest(event, symbols: &symbols, budget: &budget) }
        }
        if let targets = keyedRoutes[event.type] {
            for index in targets { keyed[index].ingest(event, budget: &budget) }
        }
        for index in eventCounts.indices where eventCounts[index].selector.matches(event) {
            guard let person = event[eventCounts[index].person]?.symbol else { continue }
            let subject = eventCounts[index].subject.flatMap { event[$0]?.symbol }.map { symbols[$0] } ?? symbols[event.type]
            let name = symbols[person]
            eventCounts[index].items[name, default: []].append(
                CountedItem(person: name, subject: subject, time: event.time, evidence: [event.line]))
            countedPeopleTouched.insert(name)
        }
    }

    /// Builds an event from strings and evaluates it; its line is the next sequence
    /// number unless given.
    ///
    /// ```swift
    /// evaluation.feed("clock.in", at: try RFC3339.parse("2026-03-02T09:41:00+08:00"),
    ///                 ["employee": "E001"])
    /// ```
    public mutating func feed(_ type: String, at time: Instant, line: Int? = nil, _ fields: [String: FieldInput]) {
        let fields = fields.map { name, input in
            Event.Field(name: symbols.intern(name), value: input.value(symbols: &symbols))
        }
        feed(Event(type: symbols.intern(type), time: time, line: line ?? nextSequence, fields: fields))
    }

    // MARK: Judging

    /// Judges every case that closed by `time` and every judged case that changed.
    ///
    /// The promise only grows: advancing to a time earlier than an earlier advance
    /// keeps the later one, and only judges what changed since.
    ///
    /// - Returns: the verdicts issued and retracted by this step.
    ///
    /// ```swift
    /// let changes = evaluation.advance(to: try RFC3339.parse("2026-03-02T23:00:00+08:00"))
    /// for verdict in changes.issued { print(verdict.message(in: .zh)) }
    /// ```
    public mutating func advance(to requested: Instant) -> VerdictChanges {
        step(to: requested, reporting: true)
    }

    /// Judges as ``advance(to:)`` does. When not `reporting`, the changes returned
    /// hold only what rules over verdicts need, unsorted: a batch run reads its
    /// verdicts at the end, and a change set of every verdict was its largest copy.
    mutating func step(to requested: Instant, reporting: Bool) -> VerdictChanges {
        let time = max(requested, watermark)
        watermark = time
        var changes = judgedAhead
        judgedAhead = VerdictChanges()
        judgeSchedules(upTo: time, reporting: reporting, into: &changes)
        let context = JudgingContext(symbols: symbols, coverage: coverage)
        for index in keyed.indices {
            let judged = keyed[index].judge(upTo: time, context: context)
            let inForce = keyedInForce[index]
            for (old, new) in judged {
                changes.record(old: old.flatMap { inForce.contains($0.time) ? [$0] : nil } ?? [],
                               new: new.flatMap { inForce.contains($0.time) ? [$0] : nil } ?? [])
            }
            if !judged.isEmpty { statistics.casesJudged[keyed[index].rule.id, default: 0] += judged.count }
        }
        if !derivedRules.isEmpty {
            for verdict in changes.retracted {
                guard let person = verdict.employee, let index = baseByPerson[person]?.firstIndex(of: verdict) else { continue }
                baseByPerson[person]?.remove(at: index)
            }
            for verdict in changes.issued where derivedInputs.contains(verdict.rule) {
                if let person = verdict.employee { baseByPerson[person, default: []].append(verdict) }
            }
            var people = Set(changes.issued.compactMap(\.employee) + changes.retracted.compactMap(\.employee))
            people.formUnion(countedPeopleTouched)
            people.formUnion(countedPeopleAhead)
            countedPeopleTouched.removeAll()
            for person in people.sorted() {
                let new = judgeDerived(for: person, upTo: time)
                if reporting { changes.record(old: derivedByPerson[person] ?? [], new: new) }
                derivedByPerson[person] = new.isEmpty ? nil : new
            }
        }
        if reporting { changes.sort() }
        return changes
    }

    /// Judges the schedules' exchanges and cases as finishing the log does, ahead of
    /// the rest of it: the part of a parallel evaluation that holds them judges them
    /// while the other parts still read, as they need neither the others' events nor
    /// the span of time all the parts read, which the rules over periods do. The
    /// step that finishes the log takes what this recorded for the rules over
    /// verdicts, as if it had judged them itself.
    mutating func judgeSchedulesAhead() {
        var changes = judgedAhead
        judgeSchedules(upTo: max(asOf ?? .distantFuture, watermark), reporting: false, into: &changes)
        judgedAhead = changes
    }

    /// Judges each schedule's exchanges, then its cases, up to `time`, recording in
    /// `changes` what rules over verdicts need, or everything when `reporting`.
    private mutating func judgeSchedules(upTo time: Instant, reporting: Bool, into changes: inout VerdictChanges) {
        for index in programs.indices {
            for (old, new) in programs[index].judgeExchanges(upTo: time, symbols: symbols) {
                changes.record(old: old.map { [$0] } ?? [], new: new.map { [$0] } ?? [])
            }
            judgeCases(of: index, upTo: time, recording: reporting || programFeedsDerived[index], into: &changes)
        }
    }

    /// How many cases' records are fetched together before they are judged.
    private static var prefetchBatch: Int { 16 }

    /// Judges the cases of schedule program `index` that closed by `time`, and the
    /// judged ones whose events changed; keeps their verdicts, records the changes
    /// in `changes` when `recording`, and returns the cases judged.
    @discardableResult
    mutating func judgeCases(
        of index: Int, upTo time: Instant, recording: Bool, into changes: inout VerdictChanges
    ) -> [(id: Symbol, settles: Instant?)] {
        let ids = programs[index].casesToJudge(upTo: time)
        guard !ids.isEmpty else { return [] }
        var judged: [(id: Symbol, settles: Instant?)] = []
        judged.reserveCapacity(ids.count)
        // Judging reads the program; reading it through the array for each case
        // copied the whole program every time.
        let program = programs[index]
        memo.forgetFacts()
        for (position, id) in ids.enumerated() {
            if position % Self.prefetchBatch == 0 {
                prefetched &+= program.prefetch(ids[position..<min(ids.count, position + Self.prefetchBatch)])
            }
            memo.forgetFacts(unlessFewerThan: JudgingMemo.factsLimit)
            var settles: Instant?
            let new = program.judge(id, calendar: calendar, symbols: symbols, memo: &memo, settles: &settles)
            if recording { changes.record(old: caseVerdicts[index][id] ?? [], new: new) }
            caseVerdicts[index][id] = new.isEmpty ? nil : new
            judged.append((id, settles))
        }
        let newlyJudged = programs[index].newlyJudged
        for rule in programs[index].rules { statistics.casesJudged[rule.rule.id, default: 0] += newlyJudged }
        return judged
    }

    /// Judges everything: the log is complete, so every pending deadline has passed;
    /// or, for an evaluation ``asOf`` a time, every deadline up to it. Cases still
    /// open are counted in ``statistics``.
    ///
    /// ```swift
    /// let last = evaluation.finish()
    /// print(evaluation.verdicts.count, evaluation.statistics.pendingCases)
    /// ```
    public mutating func finish() -> VerdictChanges {
        finish(reporting: true)
    }

    /// Finishes as ``finish()`` does, for a caller that reads ``verdicts`` afterwards
    /// rather than the changes.
    mutating func complete() {
        _ = finish(reporting: false)
    }

    private mutating func finish(reporting: Bool) -> VerdictChanges {
        // Nothing more is read: the room for finding ids fast goes before the report
        // is made, the moment a run holds the most.
        symbols.stopRecentIds()
        let changes = step(to: asOf ?? .distantFuture, reporting: reporting)
        statistics.pendingCases = programs.reduce(0) { $0 + $1.pendingCount }
            + keyed.reduce(0) { $0 + $1.pendingCount }
        return changes
    }

    /// Every verdict in force, in output order.
    public var verdicts: [Verdict] {
        var copy = self
        return copy.takeVerdicts()
    }

    /// Every verdict in force, in output order, taken out of the evaluation: for a
    /// batch run done with it, so that the verdicts are not held twice over.
    mutating func takeVerdicts() -> [Verdict] {
        var merge = takeVerdictsInOrder()
        return merge.collect()
    }

    /// Every verdict, taken out of the evaluation, to be read in output order: the
    /// settled ones from their runs, the rest sorted in place.
    mutating func takeVerdictsInOrder() -> VerdictMerge {
        // The last settled verdicts are packed first, so that the values they were
        // gathered in are let go before the rest are.
        let settled = settledVerdicts.takeRuns()
        let keyedVerdicts = zip(keyed, keyedInForce).map { program, inForce in
            program.currentVerdicts.filter { inForce.contains($0.time) }
        }
        var count = keyedVerdicts.reduce(0) { $0 + $1.count }
        for store in caseVerdicts { store.forEach { _, list in count += list.count } }
        for program in programs { count += program.exchangeVerdicts.count }
        for list in derivedByPerson.values { count += list.count }
        // Held once: the array is made to size and sorted in place.
        var rest: [Verdict] = []
        rest.reserveCapacity(count)
        for index in caseVerdicts.indices {
            caseVerdicts[index].forEach { _, list in rest.append(contentsOf: list) }
            caseVerdicts[index] = SymbolMap()
        }
        for program in programs { rest.append(contentsOf: program.exchangeVerdicts.values) }
        for list in keyedVerdicts { rest.append(contentsOf: list) }
        baseByPerson = [:]
        for list in derivedByPerson.values { rest.append(contentsOf: list) }
        derivedByPerson = [:]
        rest.sortInOutputOrder()
        // Settled verdicts come first among equals, as they were gathered first.
        return VerdictMerge(runs: settled, then: rest)
    }

    /// The verdicts of the rules over verdicts and counted events for one person.
    private mutating func judgeDerived(for person: String, upTo time: Instant) -> [Verdict] {
        var byRule: [String: [Verdict]] = [:]
        for verdict in baseByPerson[person] ?? [] { byRule[verdict.rule, default: []].append(verdict) }
        countedPeopleAhead.remove(person)
        var derived: [Verdict] = []
        for index in derivedRules {
            let rule = policy.rules[index]
            let inForce = self.inForce[index]
            func items(_ rules: [String], _ outcomes: (String) -> [String]?) -> [CountedItem] {
                rules.flatMap { id in
                    (byRule[id] ?? []).filter { v in
                        v.time <= time && inForce.contains(v.time) && (outcomes(id)?.contains(v.outcome) ?? true)
                    }
                        .compactMap { v in
                            v.employee.map { CountedItem(person: $0, subject: v.subject, time: v.time, evidence: v.evidence) }
                        }
                }
            }
            let produced: [Verdict]
            switch rule.kind {
            case .schedule, .total, .steps, .scores, .periodic, .exchange, .union:
                continue
            case .count(let count):
                switch count.input {
                case .verdicts(let rules, let outcomes):
                    produced = count.verdicts(of: rule, items: items(rules) { _ in outcomes }, calendar: calendar)
                case .events:
                    let stored = eventCounts.first { $0.ruleIndex == index }?.items[person] ?? []
                    if stored.contains(where: { $0.time > time }) { countedPeopleAhead.insert(person) }
                    produced = count.verdicts(
                        of: rule, items: stored.filter { $0.time <= time && inForce.contains($0.time) }, calendar: calendar)
                }
            case .ladder(let ladder):
                let counted = items(ladder.counted.map(\.rule)) { id in
                    ladder.counted.first { $0.rule == id }?.outcomes
                }
                produced = ladder.verdicts(of: rule, items: counted)
            }
            byRule[rule.id, default: []].append(contentsOf: produced)
            derived.append(contentsOf: produced)
        }
        return derived
    }

    /// The indices of the rules over verdicts, each after the rules whose verdicts it
    /// reads; the first problem among the rules' ids and inputs, if any.
    private static func derivedOrder(_ rules: [Rule]) throws(PolicyError) -> [Int] {
        let dependencies = RuleDependencies(rules)
        if let duplicate = dependencies.duplicates.first { throw .duplicateRule(rules[duplicate.later].id) }
        if let unknown = dependencies.unknownInputs.first {
            throw .unknownInputRule(rule: rules[unknown.rule].id, input: unknown.input)
        }
        if let cycle = dependencies.cycles.first { throw .cycle(cycle.map { rules[$0].id }) }
        return dependencies.derivedOrder
    }
}
