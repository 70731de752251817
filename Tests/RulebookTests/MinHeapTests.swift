@testable import Rulebook
import Testing

@Suite("Cases due soonest first")
struct MinHeapTests {
    @Test func casesComeOutInOrderOfDueTime() {
        // Inserts and removals interleaved, with repeated times, against a sorted list.
        var heap = MinHeap<Int>()
        var reference: [Int] = []
        for step in 0..<5_000 {
            if step % 3 == 2 {
                #expect(heap.removeMinimum() == (reference.isEmpty ? nil : reference.removeFirst()))
            } else {
                let due = step * 7_919 % 500
                heap.insert(due)
                reference.insert(due, at: reference.firstIndex { $0 > due } ?? reference.count)
            }
            #expect(heap.minimum == reference.first)
        }
        while let next = heap.removeMinimum() { #expect(next == reference.removeFirst()) }
        #expect(reference.isEmpty && heap.isEmpty)
    }
}
