import Foundation

extension ScheduleProgram {
    /// What was found for one case, before any rule turns it into verdicts.
    struct CaseFacts {
        var record: CaseRecord
        /// Per expectation, the event that meets it.
        var matched: [EventMark?]
        /// Missing expectations not covered by an unlimited excuse, and their state.
        var missing: MissingState?
        /// The excuse that covers the missing events, if any.
        var coveringExcuse: EventMark?
        /// The case's rank among its owner's quota-excused cases in the period.
        var quotaRank: Int?
        var quotaLimit: Int?
        /// Who holds the case after exchanges.
        var holder: Symbol?
        /// A waiver that was given but refused, and whether because the case changed hands.
        var refusedWaiver: (changedHands: Bool, line: Int)?
        /// The quota of the excuse that covers the missing events, before ranking.
        var quota: Quota?
        /// What only cases with excuses, exchanges or handovers have, kept apart: the
        /// facts of a plain case (a ticket) are copied and let go of while it is judged,
        /// and every array in them is retained and released at each copy.
        private var details: Details?

        private struct Details {
            var tooLate: [EventMark?] = []
            var excuseLines: [Int] = []
            var uncoveredParties: [Symbol] = []
            var exchangeLines: [Int] = []
            var relief: [(case: CaseRecord, mark: EventMark)?] = []
        }

        init(record: CaseRecord, matched: [EventMark?], tooLate: [EventMark?], excuseLines: [Int],
             holder: Symbol?, refusedWaiver: (changedHands: Bool, line: Int)?) {
            self.record = record
            self.matched = matched
            self.holder = holder
            self.refusedWaiver = refusedWaiver
            if !tooLate.isEmpty || !excuseLines.isEmpty { details = Details(tooLate: tooLate, excuseLines: excuseLines) }
        }

        private mutating func changeDetails(_ change: (inout Details) -> Void) {
            var changed = details ?? Details()
            details = nil
            change(&changed)
            details = changed
        }

        /// Per excuse, the first excusing event on a later local date.
        var tooLate: [EventMark?] { details?.tooLate ?? [] }
        /// Lines of excuses that covered something.
        var excuseLines: [Int] { details?.excuseLines ?? [] }
        /// The parties of the exchange that moved the case, when nobody covered it.
        var uncoveredParties: [Symbol] {
            get { details?.uncoveredParties ?? [] }
            set { changeDetails { $0.uncoveredParties = newValue } }
        }
        /// The lines of the exchange that moved the case.
        var exchangeLines: [Int] {
            get { details?.exchangeLines ?? [] }
            set { changeDetails { $0.exchangeLines = newValue } }
        }
        /// Per expectation, the earliest match among the cases this one hands over to.
        var relief: [(case: CaseRecord, mark: EventMark)?] {
            get { details?.relief ?? [] }
            set { changeDetails { $0.relief = newValue } }
        }
    }

    /// A byte of the record of each case of `ids` and of the events matched to it,
    /// summed: loads whose only use is to bring them into the cache together, so that
    /// their misses overlap rather than come one after another as each case is judged.
    /// Cases are judged long after they opened, when little of them is still cached.
    func prefetch(_ ids: ArraySlice<Symbol>) -> UInt8 {
        var sum: UInt8 = 0
        for id in ids {
            sum &+= cases.firstByte(of: id)
            for index in matches.indices { sum &+= matches[index].firstByte(of: id) }
        }
        return sum
    }

    /// The verdicts of every rule over this schedule for the case `id`, and in
    /// `settles` the time after which nothing still to come can change them, if there
    /// is one (see ``settlingTime(of:matched:)``).
    func judge(
        _ id: Symbol, calendar: PolicyCalendar, symbols: SymbolTable, memo: inout JudgingMemo,
        settles: inout Instant?
    ) -> [Verdict] {
        guard let facts = facts(id, calendar: calendar, memo: &memo) else { return [] }
        if releasable { settles = settlingTime(of: facts.record, matched: facts.matched) }
        var verdicts: [Verdict] = []
        // At most one verdict per rule, case and person: the first listed outcome that
        // holds for a person is theirs.
        for ruleIndex in rules.indices where rules[ruleIndex].inForce.contains(facts.record.start) {
            var named: [String] = []
            for judged in rules[ruleIndex].judged {
                for verdict in self.verdicts(judged, facts: facts, calendar: calendar, symbols: symbols, memo: &memo)
                where !named.contains(verdict.employee ?? "") {
                    named.append(verdict.employee ?? "")
                    verdicts.append(verdict)
                }
            }
        }
        return verdicts
    }

    /// The facts of case `id`, or `nil` when it gets no verdicts at all (unknown,
    /// exempt owner, waived): its own facts, then what other cases add to them (its
    /// rank among its holder's excused cases, its relief's arrival). Other cases are
    /// read through their own facts only, so judging never recurses, whatever the
    /// schedule and however many cases a person has.
    func facts(_ id: Symbol, calendar: PolicyCalendar, memo: inout JudgingMemo) -> CaseFacts? {
        guard var facts = ownFacts(id, calendar: calendar, memo: &memo) else { return nil }
        let record = facts.record
        if let group = record.group {
            var relief: [(case: CaseRecord, mark: EventMark)?] = expectations.indices.map { _ in nil }
            for other in casesByGroup[group] ?? [] where other != record.id {
                guard let candidate = cases[other], candidate.start == record.end,
                      let reliefFacts = ownFacts(other, calendar: calendar, memo: &memo) else { continue }
                for (index, mark) in reliefFacts.matched.enumerated() {
                    guard let mark else { continue }
                    if relief[index].map({ mark < $0.mark }) ?? true { relief[index] = (candidate, mark) }
                }
            }
            facts.relief = relief
        }
        if let quota = facts.quota {
            let rank = quotaRank(of: record, quota: quota, calendar: calendar, memo: &memo)
            facts.quotaRank = rank
            facts.quotaLimit = quota.limit
            facts.missing = rank <= quota.limit ? .excused : .beyondQuota
        }
        return facts
    }

    /// What a case's own events say, memoised per judging step.
    private func ownFacts(_ id: Symbol, calendar: PolicyCalendar, memo: inout JudgingMemo) -> CaseFacts? {
        // Only a relief or a quota reads other cases' facts; otherwise each case's are
        // read once per step, and keeping them would only cost hashing.
        guard groupField != nil || excuses.contains(where: { $0.spec.quota != nil }) else {
            return computeOwnFacts(id, calendar: calendar)
        }
        if let known = memo.facts[id] { return known }
        let result = computeOwnFacts(id, calendar: calendar)
        memo.facts[id] = .some(result)
        return result
    }

    private func computeOwnFacts(_ id: Symbol, calendar: PolicyCalendar) -> CaseFacts? {
        guard let record = cases[id], caseJoinHolds(record) else { return nil }
        let holder = holder(of: record)
        if let holder, exempt[holder] != nil { return nil }
        var refusedWaiver: (changedHands: Bool, line: Int)?
        // Leave names the person who holds the case after exchanges.
        if let waiver = waiverMarks[record.subject]?.first(where: { $0.key == nil || $0.key == holder }) {
            if movedBy[record.id] != nil {
                refusedWaiver = (true, waiver.line)
            } else if record.unwaivable {
                refusedWaiver = (false, waiver.line)
            } else {
                return nil
            }
        }

        func matches(of person: Symbol?) -> [EventMark?] {
            var found: [EventMark?] = []
            found.reserveCapacity(expectations.count)
            // The candidates are taken out of the map before picking among them:
            // picked inside a closure the map lent them to, the map's arrays were
            // retained and released around it, for every expectation of every case.
            for index in expectations.indices {
                let key = expectations[index].byOwner ? person : record.subject
                let candidates = key.flatMap { self.matches[index][$0] }
                found.append(candidates.flatMap { pick(index, from: $0, record: record) })
            }
            return found
        }
        let matched = matches(of: holder)

        // The local date costs a time-zone lookup; most cases have no same-day excuse.
        var knownStartDate: LocalDate?
        func startDate() -> LocalDate {
            if let knownStartDate { return knownStartDate }
            let date = calendar.localDate(of: record.start)
            knownStartDate = date
            return date
        }
        var tooLate: [EventMark?] = Array(repeating: nil, count: excuses.count)
        var valid: [EventMark?] = Array(repeating: nil, count: excuses.count)
        for (index, excuse) in excuses.enumerated() {
            for mark in excuseMarks[index][record.subject] ?? EventMarks() where mark.key == nil || mark.key == holder || excuse.reference.ownerField == nil {
                switch excuse.spec.timing {
                case .any:
                    if valid[index] == nil { valid[index] = mark }
                case .sameLocalDate:
                    let date = calendar.localDate(of: mark.time)
                    if date == startDate(), valid[index] == nil { valid[index] = mark }
                    if date > startDate(), tooLate[index] == nil { tooLate[index] = mark }
                }
            }
        }

        var stillMissing = Set(matched.indices.filter { matched[$0] == nil })
        var excuseLines: [Int] = []
        for (index, excuse) in excuses.enumerated() where excuse.spec.quota == nil {
            guard let mark = valid[index], !stillMissing.isDisjoint(with: excuse.covers) else { continue }
            stillMissing.subtract(excuse.covers)
            excuseLines.append(mark.line)
        }

        var facts = CaseFacts(record: record, matched: matched, tooLate: tooLate, excuseLines: excuseLines,
                              holder: holder, refusedWaiver: refusedWaiver)
        if let exchangeID = movedBy[record.id], let state = exchangeStates.first(where: { $0.id == exchangeID }),
           let first = state.first, let second = state.second {
            facts.exchangeLines = state.lines
            let parties = first.person == second.person ? [first.person] : [first.person, second.person]
            let punched = parties.contains { party in matches(of: party).contains { $0 != nil } }
            let excused = valid.contains { $0 != nil }
            if !punched && !excused { facts.uncoveredParties = parties }
        }
        guard !stillMissing.isEmpty else { return facts }
        facts.missing = .unexcused
        for (index, excuse) in excuses.enumerated() {
            guard let quota = excuse.spec.quota, let mark = valid[index], stillMissing.isSubset(of: excuse.covers) else { continue }
            facts.coveringExcuse = mark
            facts.quota = quota
            break
        }
        return facts
    }

    /// The 1-based position of `record` among its owner's cases in the same quota
    /// period that need that excuse, ordered by case start, then id.
    private func quotaRank(of record: CaseRecord, quota: Quota, calendar: PolicyCalendar, memo: inout JudgingMemo) -> Int {
        guard let owner = holder(of: record) else { return 1 }
        let period = calendar.period(quota.per, containing: record.start)
        var rank = 1
        for other in casesByOwner[owner] ?? [] where other != record.id {
            guard let candidate = cases[other], candidate.start >= period.start, candidate.start < period.end,
                  (candidate.start, candidate.id) < (record.start, record.id)
            else { continue }
            if ownFacts(other, calendar: calendar, memo: &memo)?.quota != nil { rank += 1 }
        }
        return rank
    }

    /// The event that meets expectation `expectation` for `record` among `candidates`.
    ///
    /// The expectation is named by its index and read in place: judging picks for
    /// every expectation of every case, and passing it whole copied it, retaining
    /// each array and string in it.
    func pick(_ expectation: Int, from candidates: EventMarks, record: CaseRecord) -> EventMark? {
        let lower = expectations[expectation].spec.from.map { point($0, of: record) } ?? .distantPast
        let upper = expectations[expectation].spec.to.map { point($0, of: record) } ?? .distantFuture
        guard lower <= upper else { return nil }
        let first = candidates.partitioningIndex { $0.time >= lower }
        var best: EventMark?
        var index = first
        while index < candidates.count, candidates[index].time <= upper {
            let mark = candidates[index]
            index += 1
            if let join = expectations[expectation].join, !joins[join].holds(mark.join) { continue }
            switch expectations[expectation].spec.pick {
            case .earliest:
                return mark
            case .latest:
                if let current = best, current.time >= mark.time { break }
                best = mark
            }
        }
        return best
    }

    // MARK: From facts to verdicts

    /// The verdicts of `outcome` for the case: none if its condition does not hold,
    /// one for the holder, or one for each party of an uncovered exchange.
    private func verdicts(
        _ judged: JudgedOutcome, facts: CaseFacts, calendar: PolicyCalendar, symbols: SymbolTable,
        memo: inout JudgingMemo
    ) -> [Verdict] {
        // Most outcomes do not hold for most cases: the evidence array is only made
        // for one that does (a verdict sorts its evidence, so the order is free).
        var evidence: [Int] = []
        var value: Decimal?
        var arguments: [String: String] = [:]
        guard holds(judged.outcome.condition, facts: facts, evidence: &evidence, value: &value, arguments: &arguments, memo: &memo)
        else { return [] }
        // Read only for an outcome that holds: copying it retains every string in it.
        let outcome = judged.outcome
        evidence.append(facts.record.mark.line)
        let time: Instant
        switch outcome.time {
        case .point(let p): time = point(p, of: facts.record)
        case .event(let name):
            let index = expectations.firstIndex { $0.spec.name == name }
            time = index.flatMap { facts.matched[$0]?.time } ?? facts.record.closes
        case .endOfStartDay: time = calendar.endOfDay(containing: facts.record.start)
        }
        let person = facts.holder ?? facts.matched.lazy.compactMap { $0?.key }.first
        let money = outcome.amount.flatMap { amount($0, facts: facts, symbols: symbols, evidence: &evidence) }
        let people: [Symbol?] = outcome.condition == .uncovered ? facts.uncoveredParties : [person]
        return people.map { person in
            Verdict(
                statement: judged.statement, employee: person.map { symbols[$0] }, subject: symbols[facts.record.subject],
                time: time, arguments: arguments, evidence: evidence, value: value, amount: money)
        }
    }

    /// The amount a verdict carries: the joined event's field, scaled by the share
    /// of the case's window left when the prorating event happened.
    private func amount(_ amount: Amount, facts: CaseFacts, symbols: SymbolTable, evidence: inout [Int]) -> Decimal? {
        guard let joined = joinedEvent(of: facts.record), let field = symbols.lookup(amount.field),
              let value = joined[field]?.number else { return nil }
        evidence.append(joined.line)
        guard let name = amount.proratedBy, let index = expectations.firstIndex(where: { $0.spec.name == name }),
              let mark = facts.matched[index] else { return value }
        let whole = Decimal(facts.record.closes.nanosecondsSinceEpoch) - Decimal(facts.record.start.nanosecondsSinceEpoch)
        let left = Decimal(facts.record.closes.nanosecondsSinceEpoch) - Decimal(mark.time.nanosecondsSinceEpoch)
        guard whole > 0 else { return value }
        var share = value * max(0, min(left, whole)) / whole
        var rounded = Decimal()
        NSDecimalRound(&rounded, &share, 2, .plain)
        return rounded
    }

    private func holds(
        _ condition: ScheduleCondition, facts: CaseFacts,
        evidence: inout [Int], value: inout Decimal?, arguments: inout [String: String], memo: inout JudgingMemo
    ) -> Bool {
        switch condition {
        case .measure(let measure, let above, let atMost):
            guard let index = expectations.firstIndex(where: { $0.spec.name == measure.expectation }),
                  let mark = facts.matched[index] else { return false }
            let reference = point(measure.from, of: facts.record)
            let distance = measure.direction == .after ? mark.time - reference : reference - mark.time
            if let above, !(distance > above) { return false }
            if let atMost, !(distance <= atMost) { return false }
            evidence.append(mark.line)
            value = memo.minutes(of: distance)
            if let limit = atMost ?? above, arguments.isEmpty, let shared = limitArguments[limit] {
                arguments = shared
            } else {
                arguments["limit"] = (atMost ?? above).map { $0.minutes.plainText }
            }
            return true
        case .missing(let state):
            guard facts.missing == state else { return false }
            evidence.append(contentsOf: facts.matched.compactMap { $0?.line })
            evidence.append(contentsOf: facts.excuseLines)
            if let excuse = facts.coveringExcuse { evidence.append(excuse.line) }
            if let rank = facts.quotaRank {
                value = Decimal(rank)
                arguments["rank"] = String(rank)
                arguments["limit"] = facts.quotaLimit.map(String.init)
            }
            return true
        case .found(let name):
            guard let index = expectations.firstIndex(where: { $0.spec.name == name }),
                  let mark = facts.matched[index] else { return false }
            evidence.append(mark.line)
            return true
        case .waiverRefused(let changedHands):
            guard let refused = facts.refusedWaiver, refused.changedHands == changedHands else { return false }
            evidence.append(refused.line)
            evidence.append(contentsOf: facts.exchangeLines)
            return true
        case .uncovered:
            guard !facts.uncoveredParties.isEmpty else { return false }
            evidence.append(contentsOf: facts.exchangeLines)
            return true
        case .leftBeforeRelief(let name, let reliefName):
            guard let index = expectations.firstIndex(where: { $0.spec.name == name }),
                  let reliefIndex = expectations.firstIndex(where: { $0.spec.name == reliefName }),
                  let left = facts.matched[index], reliefIndex < facts.relief.count,
                  let relief = facts.relief[reliefIndex], left.time < relief.mark.time else { return false }
            evidence.append(contentsOf: [left.line, relief.case.mark.line, relief.mark.line])
            value = memo.minutes(of: relief.mark.time - left.time)
            return true
        case .excuseTooLate(let name):
            guard let index = excuses.firstIndex(where: { $0.spec.name == name }),
                  let mark = facts.tooLate[index] else { return false }
            evidence.append(mark.line)
            return true
        case .all(let conditions):
            for condition in conditions
            where !holds(condition, facts: facts, evidence: &evidence, value: &value, arguments: &arguments, memo: &memo) {
                return false
            }
            return true
        }
    }
}

extension Duration {
    /// The duration in minutes, exactly (to the nanosecond), e.g. `41` or `30.5`.
    var minutes: Decimal {
        // Whole minutes are the common case, and Decimal division is slow.
        let nanoseconds = self.nanoseconds
        if nanoseconds % 60_000_000_000 == 0 { return Decimal(nanoseconds / 60_000_000_000) }
        // A minute is 2^11 * 3 * 5^10 nanoseconds: a multiple of three nanoseconds is
        // a whole number of 10^-11 minutes, written without dividing.
        if nanoseconds % 3 == 0 {
            return Decimal(sign: nanoseconds < 0 ? .minus : .plus, exponent: -11,
                           significand: Decimal(nanoseconds.magnitude / 3 * 5))
        }
        return Decimal(nanoseconds) / Decimal(60_000_000_000)
    }
}

extension RandomAccessCollection where Index == Int {
    /// The first index whose element satisfies `predicate`, for a predicate that is
    /// false and then true along the collection.
    func partitioningIndex(where predicate: (Element) -> Bool) -> Int {
        var low = startIndex, high = endIndex
        while low < high {
            let middle = (low + high) / 2
            if predicate(self[middle]) { high = middle } else { low = middle + 1 }
        }
        return low
    }
}
