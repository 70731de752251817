/// How many cases an evaluation may hold at once, shared by all its rules, so that
/// no input, however hostile, grows memory without bound through new cases.
struct CaseBudget: Sendable {
    let limit: Int
    private(set) var used = 0
    /// Whether the event being fed asked for a case the budget could not give.
    var refused = false

    init(limit: Int) { self.limit = limit }

    /// Takes one case from the budget; `false`, and ``refused`` set, when none is left.
    mutating func admit() -> Bool {
        guard used < limit else {
            refused = true
            return false
        }
        used += 1
        return true
    }

    /// Gives back `count` cases that were let go.
    mutating func give(back count: Int) { used -= count }
}
