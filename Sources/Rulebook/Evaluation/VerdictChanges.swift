/// What a step of a streaming evaluation concluded: verdicts that became certain,
/// and earlier verdicts that a late correction withdrew.
///
/// ```swift
/// let changes = evaluation.advance(to: now)
/// for verdict in changes.issued { notify(verdict) }
/// for verdict in changes.retracted { withdraw(verdict) }
/// ```
public struct VerdictChanges: Sendable, Equatable {
    /// New verdicts, in output order.
    public var issued: [Verdict]
    /// Verdicts issued earlier and no longer true, in output order.
    public var retracted: [Verdict]

    /// Creates a set of changes.
    ///
    /// ```swift
    /// let nothing = VerdictChanges()
    /// nothing.isEmpty   // true
    /// ```
    public init(issued: [Verdict] = [], retracted: [Verdict] = []) {
        self.issued = issued
        self.retracted = retracted
    }

    /// Whether nothing changed.
    public var isEmpty: Bool { issued.isEmpty && retracted.isEmpty }

    mutating func record(old: [Verdict], new: [Verdict]) {
        // Most steps only issue or only retract; hashing verdicts is for the rest.
        if old.isEmpty {
            issued.append(contentsOf: new)
            return
        }
        if new.isEmpty {
            retracted.append(contentsOf: old)
            return
        }
        guard old != new else { return }
        let oldSet = Set(old), newSet = Set(new)
        retracted.append(contentsOf: old.filter { !newSet.contains($0) })
        issued.append(contentsOf: new.filter { !oldSet.contains($0) })
    }

    mutating func sort() {
        issued = issued.inOutputOrder()
        retracted = retracted.inOutputOrder()
    }
}
