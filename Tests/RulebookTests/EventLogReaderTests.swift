import Foundation
import Rulebook
import Testing

@Suite("Reading a log file line by line")
struct EventLogReaderTests {
    func lines(of content: [UInt8], chunkSize: Int) throws -> [String] {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("reader-\(UUID().uuidString).jsonl")
        try Data(content).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        var result: [String] = []
        try EventLogReader(path: url.path, chunkSize: chunkSize).forEachLine { line in
            switch line {
            case .bytes(let bytes, let number): result.append("\(number):" + String(decoding: bytes, as: UTF8.self))
            case .tooLong(let number, let length): result.append("\(number):too long \(length)")
            }
        }
        return result
    }

    @Test("Lines are the same whatever the chunk size", arguments: [1, 2, 3, 7, 1 << 20])
    func chunkBoundaries(chunkSize: Int) throws {
        let content = Array("first\nsecond line\n\nlast without newline".utf8)
        #expect(try lines(of: content, chunkSize: chunkSize) == ["1:first", "2:second line", "3:", "4:last without newline"])
    }

    @Test func anOverlongLineIsReportedAndTheNextLineStillRead() throws {
        let long = [UInt8](repeating: UInt8(ascii: "x"), count: EventLogReader.maximumLineLength + 5)
        let content = Array("a\n".utf8) + long + Array("\nb\n".utf8)
        #expect(try lines(of: content, chunkSize: 4096) == ["1:a", "2:too long \(EventLogReader.maximumLineLength + 5)", "3:b"])
    }

    @Test func aMissingFileAndADirectoryAreErrors() {
        #expect(throws: EventLogReader.Failure.cannotOpen(path: "/no/such/file", reason: "no such file")) {
            try EventLogReader(path: "/no/such/file").forEachLine { _ in }
        }
        let folder = FileManager.default.temporaryDirectory.path
        #expect(throws: EventLogReader.Failure.isDirectory(path: folder)) {
            try EventLogReader(path: folder).forEachLine { _ in }
        }
    }
}

@Suite("Progress of a long log")
struct ProgressTests {
    @Test func progressIsReportedEvery65536Lines() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("progress-\(UUID().uuidString).jsonl")
        try Data(repeating: UInt8(ascii: "\n"), count: 140_000).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        var reported: [Int] = []
        let report = try HelpDesk.policy().evaluate(logAt: url.path, progress: EvaluationProgress { reported.append($0) })
        #expect(reported == [65_536, 131_072])
        #expect(report.statistics.blankLines == 140_000)
    }
}
