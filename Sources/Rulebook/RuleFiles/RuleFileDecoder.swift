import Foundation

/// Decodes `Decodable` values (rules, schedules, whole rule files) from ``JSONNode``s,
/// so that every error can be traced to the line and column it came from.
///
/// Its errors are `DecodingError`s, as `JSONDecoder`'s are; ``RuleFileDiagnostic``
/// turns one into a message with a place.
///
/// ```swift
/// let node = try JSONNodeParser.parse(bytes)
/// let rule = try RuleFileDecoder().decode(Rule.self, from: node)
/// ```
public struct RuleFileDecoder {
    /// Values the types being decoded can read, as with `JSONDecoder.userInfo`.
    public var userInfo: [CodingUserInfoKey: Any] = [:]

    /// Creates a decoder.
    ///
    /// ```swift
    /// var decoder = RuleFileDecoder()
    /// let rules = try decoder.decode([Rule].self, from: node)
    /// ```
    public init() {}

    /// Decodes a value of `type` from `node`.
    ///
    /// ```swift
    /// let rule = try RuleFileDecoder().decode(Rule.self, from: try JSONNodeParser.parse(bytes))
    /// ```
    public func decode<T: Decodable>(_ type: T.Type, from node: JSONNode, codingPath: [any CodingKey] = []) throws -> T {
        try NodeDecoder(node: node, codingPath: codingPath, userInfo: userInfo).decodeValue(type)
    }
}

/// A coding key for a position in an array.
struct IndexCodingKey: CodingKey {
    var intValue: Int?
    var stringValue: String { String(intValue ?? 0) }
    init(_ index: Int) { intValue = index }
    init?(stringValue: String) { nil }
    init?(intValue: Int) { self.intValue = intValue }
}

private struct NodeDecoder: Decoder {
    let node: JSONNode
    var codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any]

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard case .object(let members) = node.value else { throw mismatch(expected: "an object") }
        return KeyedDecodingContainer(KeyedNodeDecoder<Key>(decoder: self, members: members))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard case .array(let elements) = node.value else { throw mismatch(expected: "an array") }
        return UnkeyedNodeDecoder(decoder: self, elements: elements)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer { SingleNodeDecoder(decoder: self) }

    func mismatch(expected: String, _ type: Any.Type = Any.self) -> DecodingError {
        .typeMismatch(type, .init(codingPath: codingPath, debugDescription: "expected \(expected), found \(node.summary)"))
    }

    func nested(_ child: JSONNode, _ key: any CodingKey) -> NodeDecoder {
        NodeDecoder(node: child, codingPath: codingPath + [key], userInfo: userInfo)
    }

    func decodeValue<T: Decodable>(_ type: T.Type) throws -> T {
        if type == Decimal.self {
            guard case .number(let text) = node.value, let decimal = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")),
                  let result = decimal as? T else { throw mismatch(expected: "a number", type) }
            return result
        }
        if type == String.self, let result = try string() as? T { return result }
        if type == Bool.self, let result = try bool() as? T { return result }
        return try T(from: self)
    }

    func string() throws -> String {
        guard case .string(let text) = node.value else { throw mismatch(expected: "a string", String.self) }
        return text
    }

    func bool() throws -> Bool {
        guard case .bool(let flag) = node.value else { throw mismatch(expected: "true or false", Bool.self) }
        return flag
    }

    func integer<T: FixedWidthInteger>(_ type: T.Type) throws -> T {
        guard case .number(let text) = node.value, let value = T(text) else {
            throw mismatch(expected: "a whole number", type)
        }
        return value
    }

    func floatingPoint<T: LosslessStringConvertible>(_ type: T.Type) throws -> T {
        guard case .number(let text) = node.value, let value = T(text) else { throw mismatch(expected: "a number", type) }
        return value
    }
}

private struct KeyedNodeDecoder<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let decoder: NodeDecoder
    let members: [JSONNode.Member]
    /// Positions by key, for objects too large to search (a map of many entries):
    /// looking each key up by search would take time quadratic in their number.
    private let index: [String: Int]?
    var codingPath: [any CodingKey] { decoder.codingPath }
    var allKeys: [Key] { members.compactMap { Key(stringValue: $0.key) } }

    init(decoder: NodeDecoder, members: [JSONNode.Member]) {
        self.decoder = decoder
        self.members = members
        index = members.count > 16
            ? Dictionary(members.enumerated().map { ($1.key, $0) }, uniquingKeysWith: { first, _ in first }) : nil
    }

    private func member(_ key: Key) -> JSONNode.Member? {
        if let index { return index[key.stringValue].map { members[$0] } }
        return members.first { $0.key == key.stringValue }
    }

    func contains(_ key: Key) -> Bool { member(key) != nil }

    private func child(_ key: Key) throws -> NodeDecoder {
        guard let member = member(key) else {
            throw DecodingError.keyNotFound(key, .init(codingPath: codingPath, debugDescription: "missing the key '\(key.stringValue)'"))
        }
        return decoder.nested(member.value, key)
    }

    func decodeNil(forKey key: Key) throws -> Bool {
        if case .null = try child(key).node.value { return true }
        return false
    }

    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try child(key).bool() }
    func decode(_ type: String.Type, forKey key: Key) throws -> String { try child(key).string() }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try child(key).floatingPoint(type) }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float { try child(key).floatingPoint(type) }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try child(key).integer(type) }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try child(key).integer(type) }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try child(key).integer(type) }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try child(key).integer(type) }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try child(key).integer(type) }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try child(key).integer(type) }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try child(key).integer(type) }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try child(key).integer(type) }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try child(key).integer(type) }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try child(key).integer(type) }
    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T { try child(key).decodeValue(type) }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws
        -> KeyedDecodingContainer<NestedKey> {
        try child(key).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer { try child(key).unkeyedContainer() }
    func superDecoder() throws -> any Decoder { decoder }
    func superDecoder(forKey key: Key) throws -> any Decoder { try child(key) }
}

private struct UnkeyedNodeDecoder: UnkeyedDecodingContainer {
    let decoder: NodeDecoder
    let elements: [JSONNode]
    var codingPath: [any CodingKey] { decoder.codingPath }
    var count: Int? { elements.count }
    var isAtEnd: Bool { currentIndex >= elements.count }
    var currentIndex = 0

    init(decoder: NodeDecoder, elements: [JSONNode]) {
        self.decoder = decoder
        self.elements = elements
    }

    private mutating func next() throws -> NodeDecoder {
        guard currentIndex < elements.count else {
            throw DecodingError.valueNotFound(Any.self, .init(codingPath: codingPath, debugDescription: "expected another element"))
        }
        defer { currentIndex += 1 }
        return decoder.nested(elements[currentIndex], IndexCodingKey(currentIndex))
    }

    mutating func decodeNil() throws -> Bool {
        guard currentIndex < elements.count, case .null = elements[currentIndex].value else { return false }
        currentIndex += 1
        return true
    }

    mutating func decode(_ type: Bool.Type) throws -> Bool { try next().bool() }
    mutating func decode(_ type: String.Type) throws -> String { try next().string() }
    mutating func decode(_ type: Double.Type) throws -> Double { try next().floatingPoint(type) }
    mutating func decode(_ type: Float.Type) throws -> Float { try next().floatingPoint(type) }
    mutating func decode(_ type: Int.Type) throws -> Int { try next().integer(type) }
    mutating func decode(_ type: Int8.Type) throws -> Int8 { try next().integer(type) }
    mutating func decode(_ type: Int16.Type) throws -> Int16 { try next().integer(type) }
    mutating func decode(_ type: Int32.Type) throws -> Int32 { try next().integer(type) }
    mutating func decode(_ type: Int64.Type) throws -> Int64 { try next().integer(type) }
    mutating func decode(_ type: UInt.Type) throws -> UInt { try next().integer(type) }
    mutating func decode(_ type: UInt8.Type) throws -> UInt8 { try next().integer(type) }
    mutating func decode(_ type: UInt16.Type) throws -> UInt16 { try next().integer(type) }
    mutating func decode(_ type: UInt32.Type) throws -> UInt32 { try next().integer(type) }
    mutating func decode(_ type: UInt64.Type) throws -> UInt64 { try next().integer(type) }
    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T { try next().decodeValue(type) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        try next().container(keyedBy: type)
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer { try next().unkeyedContainer() }
    mutating func superDecoder() throws -> any Decoder { try next() }
}

private struct SingleNodeDecoder: SingleValueDecodingContainer {
    let decoder: NodeDecoder
    var codingPath: [any CodingKey] { decoder.codingPath }

    func decodeNil() -> Bool {
        if case .null = decoder.node.value { return true }
        return false
    }

    func decode(_ type: Bool.Type) throws -> Bool { try decoder.bool() }
    func decode(_ type: String.Type) throws -> String { try decoder.string() }
    func decode(_ type: Double.Type) throws -> Double { try decoder.floatingPoint(type) }
    func decode(_ type: Float.Type) throws -> Float { try decoder.floatingPoint(type) }
    func decode(_ type: Int.Type) throws -> Int { try decoder.integer(type) }
    func decode(_ type: Int8.Type) throws -> Int8 { try decoder.integer(type) }
    func decode(_ type: Int16.Type) throws -> Int16 { try decoder.integer(type) }
    func decode(_ type: Int32.Type) throws -> Int32 { try decoder.integer(type) }
    func decode(_ type: Int64.Type) throws -> Int64 { try decoder.integer(type) }
    func decode(_ type: UInt.Type) throws -> UInt { try decoder.integer(type) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try decoder.integer(type) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try decoder.integer(type) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try decoder.integer(type) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try decoder.integer(type) }
    func decode<T: Decodable>(_ type: T.Type) throws -> T { try decoder.decodeValue(type) }
}
