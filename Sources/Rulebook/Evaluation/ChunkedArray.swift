/// An array stored in chunks of fixed size, which grows without moving what it holds.
///
/// A batch run keeps a value per case (millions of tickets); a plain array doubling
/// its storage copied all of them each time and briefly held both copies, which set
/// the peak memory of a run and cost a tenth of its time in copying and page faults.
struct ChunkedArray<Element: Sendable>: Sendable {
    private static var chunkBits: Int { 12 }
    private static var chunkSize: Int { 1 << chunkBits }
    private var chunks: [[Element]] = []
    private(set) var count = 0

    init() {}

    subscript(index: Int) -> Element {
        _read { yield chunks[index >> Self.chunkBits][index & (Self.chunkSize - 1)] }
        _modify { yield &chunks[index >> Self.chunkBits][index & (Self.chunkSize - 1)] }
    }

    /// The first byte of element `index`, read in place: a load whose only use is to
    /// bring the element into the cache before it is needed.
    func firstByte(at index: Int) -> UInt8 {
        chunks[index >> Self.chunkBits].withUnsafeBytes { $0[(index & (Self.chunkSize - 1)) * MemoryLayout<Element>.stride] }
    }

    mutating func append(_ element: Element) {
        if count & (Self.chunkSize - 1) == 0 {
            var chunk: [Element] = []
            // The first chunk grows as usual, so that small maps stay small.
            if !chunks.isEmpty { chunk.reserveCapacity(Self.chunkSize) }
            chunks.append(chunk)
        }
        chunks[chunks.count - 1].append(element)
        count += 1
    }

    @discardableResult
    mutating func removeLast() -> Element {
        let last = chunks[chunks.count - 1].removeLast()
        if chunks[chunks.count - 1].isEmpty { chunks.removeLast() }
        count -= 1
        return last
    }

    /// Removes the element at `index` and moves the last one into its place: an
    /// order-free removal that moves one element rather than swapping two.
    mutating func remove(movingLastInto index: Int) {
        let last = removeLast()
        if index < count { self[index] = last }
    }

    /// The elements, in order, as one array.
    var elements: [Element] { chunks.flatMap { $0 } }

    /// Calls `body` with each element, in order.
    func forEach(_ body: (Element) -> Void) {
        for chunk in chunks { for element in chunk { body(element) } }
    }
}
