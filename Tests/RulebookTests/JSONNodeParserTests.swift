import Rulebook
import Testing

@Suite("Reading JSON with places")
struct JSONNodeParserTests {
    static func parse(_ text: String) throws -> JSONNode { try JSONNodeParser.parse(Array(text.utf8)) }

    @Test func everyValueAndKeyKnowsItsLineAndColumn() throws {
        let node = try Self.parse("{\n  \"title\": \"遲到\", \"limit\": 3,\n  \"per\": [\"month\"]\n}")
        #expect(node.position == SourcePosition(line: 1, column: 1))
        // Columns count characters: the two Chinese characters are two columns.
        #expect(node["limit"]?.position == SourcePosition(line: 2, column: 27))
        #expect(node["per"]?.position == SourcePosition(line: 3, column: 10))
        guard case .object(let members)? = Optional(node.value) else { return }
        #expect(members.map(\.keyPosition) == [SourcePosition(line: 2, column: 3), SourcePosition(line: 2, column: 18),
                                               SourcePosition(line: 3, column: 3)])
    }

    @Test("Each syntax error names its place and what was expected", arguments: [
        (#"{"a": 1,}"#, "1:9", "expected a key in double quotes, found '}'"),
        (#"{"a": 1 "b": 2}"#, "1:9", "expected ',' or '}' after the value of 'a', found '\"'"),
        (#"{"a": 1, "a": 2}"#, "1:10", "the key 'a' appears twice in one object"),
        ("{\"a\": 01}", "1:7", "expected a number without a leading zero, found 01"),
        ("{\"a\": \"x", "1:9", "expected the string to be closed with '\"', found the end of the file"),
        ("[1, 2] 3", "1:8", "expected the end of the file after the value, found '3'"),
        ("", "1:1", "expected a value, found the end of the file"),
    ])
    func syntaxErrors(text: String, place: String, message: String) {
        do {
            _ = try JSONNodeParser.parse(Array(text.utf8))
            Issue.record("expected an error")
        } catch {
            #expect(error.position.description == place)
            #expect(error.message == message)
        }
    }

    @Test func nestingDeeperThanTheLimitIsRefused() {
        let deep = String(repeating: "[", count: JSONNodeParser.maximumDepth + 1) + String(repeating: "]", count: JSONNodeParser.maximumDepth + 1)
        #expect(throws: JSONNodeParser.Failure.self) { try Self.parse(deep) }
        let allowed = String(repeating: "[", count: JSONNodeParser.maximumDepth) + String(repeating: "]", count: JSONNodeParser.maximumDepth)
        #expect((try? Self.parse(allowed)) != nil)
    }

    @Test func aLongFileOnOneLineIsReadWithItsColumns() throws {
        // 200,000 values on one line, as a minified rule file would be.
        let text = "[" + Array(repeating: "1", count: 200_000).joined(separator: ",") + "]"
        let node = try Self.parse(text)
        guard case .array(let elements) = node.value else {
            Issue.record("expected an array")
            return
        }
        #expect(elements.count == 200_000)
        #expect(elements.last?.position == SourcePosition(line: 1, column: 400_000))
    }

    @Test func prettyTextReadsBackToTheSameValues() throws {
        let node = try Self.parse(#"{"id": "a", "when": {"measure": {"above": "30m", "from": "start"}}, "list": [1, 2.5, true, null, "\"q\""]}"#)
        let again = try Self.parse(node.prettyText(width: 30))
        #expect(again.compactText == node.compactText)
        #expect(node.compactText == #"{"id": "a", "when": {"measure": {"above": "30m", "from": "start"}}, "list": [1, 2.5, true, null, "\"q\""]}"#)
    }
}
