/// A JSON value read from a rule file, with the place each part of it was found, so
/// that an error can point at the line and column at fault.
///
/// Objects keep their keys in the order written: a rule file is read the way its
/// author laid it out, and written back the same way.
///
/// ```swift
/// let node = try JSONNodeParser.parse(Array(#"{"limit": 3}"#.utf8))
/// node["limit"]?.value      // .number("3")
/// node["limit"]?.position   // 1:11
/// ```
public struct JSONNode: Equatable, Sendable {
    /// The kinds of JSON value.
    ///
    /// ```swift
    /// if case .number(let text)? = node["limit"]?.value { print(Decimal(string: text) ?? 0) }
    /// ```
    public indirect enum Value: Equatable, Sendable {
        /// `null`.
        case null
        /// `true` or `false`.
        case bool(Bool)
        /// A number, as written: `30`, `0.5`, `-2`; kept as text so that decimals stay exact.
        case number(String)
        /// A string.
        case string(String)
        /// An array.
        case array([JSONNode])
        /// An object: its members in the order written.
        case object([Member])
    }

    /// One member of an object.
    ///
    /// ```swift
    /// if case .object(let members) = node.value { for member in members { print(member.key, member.keyPosition) } }
    /// ```
    public struct Member: Equatable, Sendable {
        /// The key.
        public var key: String
        /// Where the key starts.
        public var keyPosition: SourcePosition
        /// The value.
        public var value: JSONNode

        /// Creates a member.
        ///
        /// ```swift
        /// JSONNode(.object([JSONNode.Member(key: "limit", value: JSONNode(.number("3")))]))
        /// ```
        public init(key: String, keyPosition: SourcePosition = .unknown, value: JSONNode) {
            self.key = key
            self.keyPosition = keyPosition
            self.value = value
        }
    }

    /// The value.
    public var value: Value
    /// Where it starts.
    public var position: SourcePosition

    /// Creates a node.
    ///
    /// ```swift
    /// JSONNode(.string("30m")).compactText   // "\"30m\""
    /// ```
    public init(_ value: Value, at position: SourcePosition = .unknown) {
        self.value = value
        self.position = position
    }

    /// The member named `key` of an object.
    public subscript(key: String) -> JSONNode? {
        guard case .object(let members) = value else { return nil }
        return members.first { $0.key == key }?.value
    }

    /// The node's value described for an error message: `the string "9am"`, `an object`.
    public var summary: String {
        switch value {
        case .null: "null"
        case .bool(let flag): flag ? "true" : "false"
        case .number(let text): "the number " + text
        case .string(let text): "the string " + JSONString.quoted(text.count > 40 ? String(text.prefix(40)) + "…" : text)
        case .array: "an array"
        case .object: "an object"
        }
    }
}

/// A 1-based line and column (in characters) in a text file.
///
/// ```swift
/// SourcePosition(line: 12, column: 5).description   // "12:5"
/// ```
public struct SourcePosition: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The line, from 1; 0 when unknown.
    public var line: Int
    /// The column, from 1; 0 when unknown.
    public var column: Int

    /// Creates a position.
    ///
    /// ```swift
    /// SourcePosition(line: 3, column: 15).description   // "3:15"
    /// ```
    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    /// No known place: a value built in code rather than read from a file.
    public static let unknown = SourcePosition(line: 0, column: 0)

    /// `LINE:COLUMN`.
    public var description: String { "\(line):\(column)" }

    public static func < (lhs: SourcePosition, rhs: SourcePosition) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }
}
