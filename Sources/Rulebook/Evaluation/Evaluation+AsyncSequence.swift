extension Evaluation {
    /// Evaluates JSON Lines as they arrive (from a socket, a queue, a tail of a file)
    /// and yields what each step makes certain.
    ///
    /// After each line the evaluation advances to the latest event time seen, less
    /// `lateness`: events may arrive out of order by up to that much. When the lines
    /// end, the evaluation finishes and yields the rest.
    ///
    /// ```swift
    /// for try await changes in Evaluation.verdicts(of: socket.lines, policy: policy, lateness: .seconds(30)) {
    ///     for verdict in changes.issued { notifySupervisor(verdict) }
    /// }
    /// ```
    public static func verdicts<Lines: AsyncSequence & Sendable>(
        of lines: Lines, policy: Policy, lateness: Duration = .zero
    ) -> AsyncThrowingStream<VerdictChanges, any Error> where Lines.Element == String {
        AsyncThrowingStream { continuation in
            let task = Task {
                do {
                    var evaluation = try Evaluation(policy: policy)
                    var number = 0
                    for try await line in lines {
                        number += 1
                        evaluation.feed(line: line, number: number)
                        guard let latest = evaluation.coverage?.upperBound else { continue }
                        let changes = evaluation.advance(to: latest - lateness)
                        if !changes.isEmpty { continuation.yield(changes) }
                    }
                    let rest = evaluation.finish()
                    if !rest.isEmpty { continuation.yield(rest) }
                    continuation.finish()
                } catch {
                    continuation.finish(throwing: error)
                }
            }
            continuation.onTermination = { _ in task.cancel() }
        }
    }
}
