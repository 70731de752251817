import Foundation
@testable import Rulebook
import Testing

@Suite("Dealing tickets so that the threads finish together")
struct ShardBalanceTests {
    static let keys = ["inquiry.received": "ticket", "inquiry.responded": "ticket"]

    @Test func everyTicketFallsInExactlyOneShare() {
        let shares = CaseShard.shares([3, 0, 1], keys: Self.keys)
        #expect(shares.map(\.buckets.count) == [3072, 0, 1024])
        for number in 0..<2_000 {
            let id = Array("T\(number)".utf8)
            let owners = id.withUnsafeBufferPointer { id in shares.filter { $0.owns(id) }.count }
            #expect(owners == 1)
        }
    }

    @Test func withNoWeightTheSharesAreEqual() {
        #expect(CaseShard.shares([0, 0], keys: Self.keys).map(\.buckets) == [0..<2048, 2048..<4096])
        #expect(CaseShard.shares([1, 1, 1], keys: Self.keys).map(\.buckets.count) == [1365, 1366, 1365])
    }

    @Test func theThreadWithTheShiftsTakesFewerTickets() {
        // 1,000 shift lines read by six rules on one thread; 10,000 ticket lines read by
        // two rules on each. Each thread should have half of 7,000 + 30,000.
        let balance = ShardBalance(linesByType: ["shift.scheduled": 1_000, "inquiry.received": 10_000])
        let readers = [["shift.scheduled": 6, "inquiry.received": 2], ["inquiry.received": 2]]
        let weights = balance.weights(readers: readers, shared: ["inquiry.received"])
        #expect(weights == [11_500, 18_500])
        // Shifts that outweigh every ticket leave that thread none.
        let heavy = ShardBalance(linesByType: ["shift.scheduled": 100_000, "inquiry.received": 10])
        #expect(heavy.weights(readers: readers, shared: ["inquiry.received"]) == [0, 350_015])
    }

    @Test func theSampleCountsTheLinesOfEachType() throws {
        let lines = [
            #"{"time":"2026-03-01T09:00:00+08:00","type":"shift.scheduled","shift":"S1"}"#,
            #"{"time":"2026-03-01T09:01:00+08:00","type":"inquiry.received","ticket":"T1"}"#,
            #"{"time":"2026-03-01T09:02:00+08:00","type":"inquiry.received","ticket":"T2"}"#,
            // A type not found cheaply is not counted.
            #"{"time":"2026-03-01T09:03:00+08:00","type":"inquiry.received","note":"a \"quote\""}"#,
        ]
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("sample-\(UUID().uuidString).jsonl").path
        try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(ShardBalance(sampling: path).linesByType == ["shift.scheduled": 1, "inquiry.received": 2])
        #expect(ShardBalance(sampling: path + ".missing").linesByType.isEmpty)
    }

    @Test func aLargeLogIsSampledInWindowsOfWholeLines() throws {
        // Far more lines than the windows hold: each window counts whole lines only,
        // and the windows together see a part of the log.
        let line = #"{"time":"2026-03-01T09:01:00+08:00","type":"inquiry.received","ticket":"T1"}"#
        let count = 4 * ShardBalance.windows * ShardBalance.windowSize / line.utf8.count
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("sample-\(UUID().uuidString).jsonl").path
        try String(repeating: line + "\n", count: count).write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let sampled = ShardBalance(sampling: path).linesByType
        #expect(sampled.keys.sorted() == ["inquiry.received"])
        let seen = try #require(sampled["inquiry.received"])
        #expect(seen > count / 8 && seen < count / 2)
    }
}
