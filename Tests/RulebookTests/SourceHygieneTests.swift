import Foundation
import Testing

/// Nothing a log or a rule contains may crash the library or the CLI: the sources
/// have no force unwraps, forced tries or casts, and no deliberate traps.
@Suite("No traps in the sources")
struct SourceHygieneTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func sourceLines() throws -> [(file: String, number: Int, text: String)] {
        var lines: [(String, Int, String)] = []
        for folder in ["Sources", "Examples/rulebook"] {
            let base = root.appendingPathComponent(folder)
            guard let files = FileManager.default.enumerator(atPath: base.path) else { continue }
            for case let path as String in files where path.hasSuffix(".swift") {
                let text = try String(contentsOf: base.appendingPathComponent(path), encoding: .utf8)
                for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                    let code = line.split(separator: "//", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
                    lines.append((folder + "/" + path, index + 1, String(code)))
                }
            }
        }
        return lines
    }

    @Test func theSourcesAreFound() throws {
        #expect(try Self.sourceLines().count > 1000)
    }

    @Test("No trapping construct", arguments: [
        ("forced try", #"try!"#), ("forced cast", #"as! "#), ("fatal error", #"fatalError\("#),
        ("precondition", #"precondition(Failure)?\("#), ("force unwrap", #"[A-Za-z0-9_)\]]![^=]|[A-Za-z0-9_)\]]!$"#),
    ])
    func noTraps(name: String, pattern: String) throws {
        let regex = try NSRegularExpression(pattern: pattern)
        let offending = try Self.sourceLines().filter { line in
            regex.firstMatch(in: line.text, range: NSRange(line.text.startIndex..., in: line.text)) != nil
        }
        #expect(offending.isEmpty, "\(name): \(offending.map { "\($0.file):\($0.number): \($0.text)" })")
    }
}
