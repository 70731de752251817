/// A min-heap: the least element comes out first, as the next bucket of due cases
/// or the next run of a merge.
///
/// Each node has four children rather than two: half the levels for a removal to
/// walk down, for the price of comparing four neighbours side by side.
struct MinHeap<Element: Sendable>: Sendable {
    private var storage: [Element] = []

    var isEmpty: Bool { storage.isEmpty }
    var minimum: Element? { storage.first }

    private static var arity: Int { 4 }

    // Both sifts move a hole through the buffer and place the element once, rather
    // than swapping at every level through the array's checked subscripts.

    /// Adds `element`, for a heap ordered by `areInIncreasingOrder`.
    mutating func insert(_ element: Element, by areInIncreasingOrder: (Element, Element) -> Bool) {
        storage.append(element)
        storage.withUnsafeMutableBufferPointer { heap in
            var child = heap.count - 1
            while child > 0 {
                let parent = (child - 1) / Self.arity
                guard areInIncreasingOrder(element, heap[parent]) else { break }
                heap[child] = heap[parent]
                child = parent
            }
            heap[child] = element
        }
    }

    /// Takes out the least element, for a heap ordered by `areInIncreasingOrder`.
    mutating func removeMinimum(by areInIncreasingOrder: (Element, Element) -> Bool) -> Element? {
        guard let last = storage.popLast() else { return nil }
        guard !storage.isEmpty else { return last }
        return storage.withUnsafeMutableBufferPointer { heap in
            let minimum = heap[0]
            var parent = 0
            while true {
                let first = Self.arity * parent + 1
                guard first < heap.count else { break }
                var child = first
                for other in (first + 1)..<min(first + Self.arity, heap.count) where areInIncreasingOrder(heap[other], heap[child]) {
                    child = other
                }
                guard areInIncreasingOrder(heap[child], last) else { break }
                heap[parent] = heap[child]
                parent = child
            }
            heap[parent] = last
            return minimum
        }
    }
}

extension MinHeap where Element: Comparable {
    mutating func insert(_ element: Element) { insert(element, by: <) }
    mutating func removeMinimum() -> Element? { removeMinimum(by: <) }
}
