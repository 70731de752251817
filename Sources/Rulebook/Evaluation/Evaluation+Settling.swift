/// Letting go, during a batch run, of what nothing still to come can change.
///
/// A log is written roughly in time order. While reading, the run promises itself
/// that no event will come more than a day before the latest
/// one read so far, judges what closed before that point, and lets go of the settled
/// cases and of the fingerprints of lines from hours before it. It checks the promise
/// on every line; a line that breaks it ends the attempt, and the log is read again
/// without letting go of anything. Either way the verdicts, diagnostics and
/// statistics are those of a run that keeps everything.
extension Evaluation {
    struct Settling: Sendable {
        /// How far behind the latest event an event may come.
        let slack: Duration
        /// How many lines are read between two settling steps.
        let linesPerStep: Int
        /// How many settled verdicts are gathered before they are packed into a run:
        /// enough that a month of a large contact center makes a few dozen runs to
        /// merge, few enough that the values gathered stay a small part of its memory.
        let verdictsPerRun: Int

        init(slack: Duration = .seconds(24 * 3600), linesPerStep: Int = 16_384, verdictsPerRun: Int = 32_768) {
            self.slack = slack
            self.linesPerStep = max(1, linesPerStep)
            self.verdictsPerRun = max(1, verdictsPerRun)
        }

        private(set) var latest = Instant.distantPast
        private(set) var watermark = Instant.distantPast
        /// The first line that came later than the promise allowed.
        private(set) var brokenAt: Int?

        mutating func observe(_ event: Event) {
            if event.time < watermark { broken(at: event.line) }
            if event.time > latest { latest = event.time }
        }

        mutating func broken(at line: Int) {
            if brokenAt == nil { brokenAt = line }
        }

        /// The next watermark, if it moved.
        mutating func advance() -> Instant? {
            guard brokenAt == nil, latest > .distantPast else { return nil }
            let next = latest - slack
            guard next > watermark else { return nil }
            watermark = next
            return next
        }
    }

    /// Starts letting go of settled cases as lines are read.
    mutating func startSettling(_ settling: Settling = Settling()) {
        self.settling = settling
        settledVerdicts = SettledVerdicts(verdictsPerRun: settling.verdictsPerRun)
    }

    /// The first line that broke the promise settling rests on, if one did.
    var settlingBrokenAt: Int? { settling?.brokenAt }

    /// Settles after line `number` if a step of lines has been read since the last
    /// time and the promise still holds.
    mutating func settleIfDue(afterLine number: Int) {
        guard let settling, settling.brokenAt == nil, number % settling.linesPerStep == 0 else { return }
        settle()
    }

    /// Judges the cases that closed before the watermark in the schedules whose
    /// cases can be let go, and lets go of those settled. Other rules are judged when
    /// the run finishes, as without settling: judging a case depends only on its
    /// events, so judging it earlier gives the same verdicts, while rules over
    /// verdicts, periods and people would only be judged again.
    mutating func settle() {
        guard let next = settling?.advance() else { return }
        var ignored = VerdictChanges()
        for index in programs.indices where programs[index].releasable && !programFeedsDerived[index] {
            let judged = judgeCases(of: index, upTo: next, recording: false, into: &ignored)
            let released = programs[index].release(judged, upTo: next)
            budget.give(back: released.count)
            for id in released {
                guard let verdicts = caseVerdicts[index][id] else { continue }
                caseVerdicts[index][id] = nil
                for verdict in verdicts { settledVerdicts.append(verdict) }
            }
        }
        decoder.forgetLines(before: next)
    }
}
