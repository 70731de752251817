@testable import Rulebook
import Testing

@Suite("Event marks kept per key")
struct EventMarksTests {
    static func mark(_ seconds: Int64, line: Int) -> EventMark {
        EventMark(time: Instant(secondsSinceEpoch: seconds), line: line)
    }

    @Test func marksAreKeptSortedByTimeThenLineWhateverOrderTheyComeIn() {
        // Lines of a log exported out of order, with two events at the same time.
        let arriving = [Self.mark(60, line: 7), Self.mark(30, line: 9), Self.mark(60, line: 3), Self.mark(90, line: 1)]
        var marks = EventMarks()
        #expect(marks.isEmpty)
        for mark in arriving { marks.insertSorted(mark) }
        #expect(Array(marks) == arriving.sorted())
        #expect(marks.map(\.line) == [9, 3, 7, 1])
    }

    @Test func oneMarkIsReadLikeAnArrayOfOne() {
        var marks = EventMarks()
        marks.insertSorted(Self.mark(30, line: 4))
        #expect(marks.count == 1)
        #expect(marks.first?.line == 4)
        #expect(marks.partitioningIndex { $0.time >= Self.mark(31, line: 0).time } == 1)
    }

    @Test func equalMarksKeepTheOrderTheyCameIn() {
        var marks = EventMarks(), array: [EventMark] = []
        let first = EventMark(time: Instant(secondsSinceEpoch: 0), line: 5, key: Symbol(rawValue: 1))
        let second = EventMark(time: Instant(secondsSinceEpoch: 0), line: 5, key: Symbol(rawValue: 2))
        for mark in [first, second, first] {
            marks.insertSorted(mark)
            array.insertSorted(mark)
        }
        #expect(marks.map(\.key) == array.map(\.key))
        #expect(marks.map(\.key) == [Symbol(rawValue: 1), Symbol(rawValue: 2), Symbol(rawValue: 1)])
    }
}
