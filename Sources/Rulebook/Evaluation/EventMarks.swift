/// The marks of the events an index keeps under one key, sorted by (time, line), with
/// a single mark kept in place.
///
/// Most keys have one event: a ticket's first response, its answer. An array of its
/// own for each open ticket cost a heap allocation, freed again when the ticket was let
/// go, and most of the memory the ticket's marks took.
struct EventMarks: RandomAccessCollection, Sendable {
    private enum Storage: Sendable {
        case one(EventMark)
        /// None, or more than one.
        case many([EventMark])
    }

    private var storage: Storage

    /// No marks.
    init() { storage = .many([]) }

    var startIndex: Int { 0 }

    var endIndex: Int {
        switch storage {
        case .one: 1
        case .many(let marks): marks.count
        }
    }

    subscript(position: Int) -> EventMark {
        switch storage {
        case .one(let mark):
            // Position 0, the only one there is.
            return mark
        case .many(let marks):
            return marks[position]
        }
    }

    /// Inserts keeping the marks sorted by (time, line).
    mutating func insertSorted(_ mark: EventMark) {
        switch storage {
        case .one(let held):
            // After any equal to it, as the array's insertion does.
            storage = .many(mark < held ? [mark, held] : [held, mark])
        case .many(var marks):
            guard !marks.isEmpty else {
                storage = .one(mark)
                return
            }
            // Let go of the stored array first, so that inserting does not copy it.
            storage = .many([])
            marks.insertSorted(mark)
            storage = .many(marks)
        }
    }
}
