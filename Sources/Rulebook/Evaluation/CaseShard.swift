/// One of several threads' share of the cases of the schedules whose cases stand
/// alone (tickets): an event belongs to the share its case id falls in.
///
/// A case of such a schedule is judged from its own events only, so the cases can be
/// dealt among threads by id and each thread judges exactly the verdicts of its cases;
/// the verdicts of all threads together are those of one.
struct CaseShard: Sendable, Equatable {
    /// The buckets case ids are hashed into; each share holds a run of them, so
    /// shares need not be equal: a thread with more of the other rules' work takes
    /// fewer cases.
    static let bucketCount = 4096
    /// The buckets of this share.
    let buckets: Range<Int>
    /// Per event type the shared schedules read, the field naming an event's case.
    let keys: [String: String]

    /// Whether the case id with these UTF-8 bytes falls in this share.
    func owns(_ id: UnsafeBufferPointer<UInt8>) -> Bool {
        buckets.contains(Int(Self.hash(id) % UInt64(Self.bucketCount)))
    }

    /// Shares in proportion to `weights` (one per thread) that together hold every
    /// bucket, each a run of them; equal shares when no weight is above zero.
    static func shares(_ weights: [Double], keys: [String: String]) -> [CaseShard] {
        var weights = weights.map { max(0, $0) }
        if !weights.contains(where: { $0 > 0 }) { weights = weights.map { _ in 1 } }
        let total = weights.reduce(0, +)
        var start = 0, sum = 0.0
        return weights.indices.map { index in
            sum += weights[index]
            let end = index == weights.count - 1 ? bucketCount : max(start, Int((sum / total * Double(bucketCount)).rounded()))
            defer { start = end }
            return CaseShard(buckets: start..<end, keys: keys)
        }
    }

    /// FNV-1a: the same for the bytes of a line and of the id read from it, in every
    /// thread and every run.
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01B3 }
        return hash
    }
}

extension Schedule {
    /// Whether each case's verdicts rest on its own events alone: no excuses, waivers,
    /// exemptions, exchanges, handovers or joins, every expectation matched by case id
    /// rather than by person, and the first opening event the one that counts. Such
    /// cases can be judged and let go one by one, and dealt among threads by id.
    var casesStandAlone: Bool {
        exchanges == nil && handoverGroup == nil && excuses.isEmpty && waivers.isEmpty && exemptions.isEmpty
            && unwaivableWhen.isEmpty && cases.keeps == .earliest && !cases.perOwner && cases.join == nil
            && expectations.allSatisfy { expectation in
                guard expectation.join == nil, case .caseID = expectation.correlation else { return false }
                return true
            }
    }

    /// Per event type the schedule reads, the field naming the case an event of that
    /// type belongs to, when the cases stand alone (``casesStandAlone``) and every event
    /// it reads names its case by one field. `nil` for any other schedule.
    var standAloneCaseKeys: [String: String]? {
        guard casesStandAlone else { return nil }
        var keys: [String: String] = [:]
        func add(_ selector: EventSelector, _ field: String) -> Bool {
            guard !selector.types.isEmpty else { return false }
            for type in selector.types {
                if let known = keys[type], known != field { return false }
                keys[type] = field
            }
            return true
        }
        guard add(cases.events, cases.id) else { return nil }
        for expectation in expectations {
            guard case .caseID(let field) = expectation.correlation, add(expectation.events, field) else { return nil }
        }
        return keys
    }
}

extension Policy {
    /// One thread's part of a parallel evaluation: its rules, and its share of the
    /// cases of the schedules whose cases stand alone, which every part holds.
    struct ParallelPart: Sendable {
        var policy: Policy
        var shard: CaseShard?
    }

    /// The policy split for `count` threads. The groups of connected rules whose
    /// rules are all schedules with standing-alone cases, reading event types no
    /// other rule reads, go to every part, each part judging its share of their cases;
    /// the other groups are dealt as ``independentParts(_:)`` deals them. Without such
    /// groups, the parts are ``independentParts(_:)``.
    func parallelParts(_ count: Int) -> [ParallelPart] {
        var plain: [ParallelPart] { independentParts(count).map { ParallelPart(policy: $0, shard: nil) } }
        guard count > 1 else { return plain }
        let groups = ruleGroups()
        var keys: [String: String] = [:]
        var shared: [Int] = []
        var others: [[Int]] = []
        for group in groups {
            let groupKeys = group.map { index -> [String: String]? in
                guard case .schedule(let schedule) = rules[index].kind else { return nil }
                return schedule.schedule.standAloneCaseKeys
            }
            guard groupKeys.allSatisfy({ $0 != nil }) else {
                others.append(group)
                continue
            }
            for case let ruleKeys? in groupKeys {
                for (type, field) in ruleKeys {
                    if let known = keys[type], known != field { return plain }
                    keys[type] = field
                }
            }
            shared += group
        }
        guard !shared.isEmpty else { return plain }
        // The shared types must be read by the shared rules alone: a part skips the
        // lines of other shares' cases.
        let rest = Policy(name: name, schema: schema, rules: others.flatMap { $0 }.map { rules[$0] }, timeZone: timeZone,
                          parameters: parameters)
        guard let restTypes = try? Evaluation(policy: rest).typesRead, restTypes.isDisjoint(with: keys.keys) else {
            return plain
        }
        var buckets = Array(repeating: shared, count: count)
        for (position, group) in others.enumerated() { buckets[position % count] += group }
        let shards = CaseShard.shares(Array(repeating: 1, count: count), keys: keys)
        return buckets.enumerated().map { index, rules in
            ParallelPart(
                policy: Policy(name: name, schema: schema, rules: rules.sorted().map { self.rules[$0] }, timeZone: timeZone,
                               parameters: parameters),
                shard: shards[index])
        }
    }
}
