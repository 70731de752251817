/// How a policy's rules stand to one another through their ids and the verdicts
/// they read: what evaluation needs to order rules over verdicts, and what loading
/// rule files reports, each problem with its place.
struct RuleDependencies {
    /// Rules sharing an id with an earlier rule whose effective period overlaps theirs.
    private(set) var duplicates: [(earlier: Int, later: Int)] = []
    /// Rules reading the verdicts of an id no rule has, with the input's position
    /// among the rule's ``Rule/inputRules``.
    private(set) var unknownInputs: [(rule: Int, position: Int, input: String)] = []
    /// Each cycle once, as rule indices from a rule back to itself.
    private(set) var cycles: [[Int]] = []
    /// The rules over verdicts (counts and ladders), each after the rules it reads.
    private(set) var derivedOrder: [Int] = []
    /// The indices of the rules of each id.
    let indicesByID: [String: [Int]]

    init(_ rules: [Rule]) {
        var indicesByID: [String: [Int]] = [:]
        for (index, rule) in rules.enumerated() {
            for earlier in indicesByID[rule.id] ?? [] where Self.overlap(rules[earlier], rule) {
                duplicates.append((earlier, index))
            }
            indicesByID[rule.id, default: []].append(index)
        }
        self.indicesByID = indicesByID
        for (index, rule) in rules.enumerated() {
            for (position, input) in rule.inputRules.enumerated() where indicesByID[input] == nil {
                unknownInputs.append((index, position, input))
            }
        }
        var state: [Int: Bool] = [:]  // false: on the path, true: done
        var path: [Int] = []
        func visit(_ index: Int) {
            if state[index] == true { return }
            if state[index] == false {
                if let start = path.firstIndex(of: index) { cycles.append(Array(path[start...]) + [index]) }
                return
            }
            state[index] = false
            path.append(index)
            for input in rules[index].inputRules {
                for next in indicesByID[input] ?? [] { visit(next) }
            }
            path.removeLast()
            state[index] = true
            if !rules[index].kind.readsEvents { derivedOrder.append(index) }
        }
        for index in rules.indices { visit(index) }
    }

    /// Whether two rules of one id are in force on a common day.
    private static func overlap(_ first: Rule, _ second: Rule) -> Bool {
        guard let a = first.effective, let b = second.effective else { return true }
        return a.overlaps(b)
    }
}
