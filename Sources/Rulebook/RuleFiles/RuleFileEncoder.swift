import Foundation

/// Encodes `Encodable` values (rules, schedules, whole rule files) into ``JSONNode``s,
/// keeping keys in the order each type writes them, so that a rule file reads top to
/// bottom the way a person would explain the rule.
///
/// ```swift
/// let node = try RuleFileEncoder().encode(rule)
/// print(node.prettyText())
/// ```
public struct RuleFileEncoder {
    /// Values the types being encoded can read, as with `JSONEncoder.userInfo`.
    public var userInfo: [CodingUserInfoKey: Any] = [:]

    /// Creates an encoder.
    ///
    /// ```swift
    /// let node = try RuleFileEncoder().encode(StandardPolicy.make().rules)
    /// ```
    public init() {}

    /// The value as a JSON node.
    ///
    /// ```swift
    /// let text = try RuleFileEncoder().encode(rule).prettyText()
    /// ```
    public func encode(_ value: some Encodable) throws -> JSONNode {
        let root = NodeBuilder()
        try NodeEncoder(node: root, codingPath: [], userInfo: userInfo).encodeValue(value)
        return root.node
    }
}

/// A node under construction: containers hand out references to their children.
private final class NodeBuilder {
    enum Content {
        case empty
        case scalar(JSONNode.Value)
        case array([NodeBuilder])
        case object([(String, NodeBuilder)])
    }

    var content = Content.empty

    var node: JSONNode {
        switch content {
        case .empty: JSONNode(.null)
        case .scalar(let value): JSONNode(value)
        case .array(let elements): JSONNode(.array(elements.map(\.node)))
        case .object(let members): JSONNode(.object(members.map { JSONNode.Member(key: $0.0, value: $0.1.node) }))
        }
    }

    func child(forKey key: String) -> NodeBuilder {
        var members: [(String, NodeBuilder)] = []
        if case .object(let existing) = content { members = existing }
        if let found = members.first(where: { $0.0 == key }) { return found.1 }
        let child = NodeBuilder()
        members.append((key, child))
        content = .object(members)
        return child
    }

    func appendChild() -> NodeBuilder {
        var elements: [NodeBuilder] = []
        if case .array(let existing) = content { elements = existing }
        let child = NodeBuilder()
        elements.append(child)
        content = .array(elements)
        return child
    }
}

private struct NodeEncoder: Encoder {
    let node: NodeBuilder
    var codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any]

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if case .object = node.content {} else { node.content = .object([]) }
        return KeyedEncodingContainer(KeyedNodeEncoder<Key>(encoder: self))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        if case .array = node.content {} else { node.content = .array([]) }
        return UnkeyedNodeEncoder(encoder: self)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { SingleNodeEncoder(encoder: self) }

    func encodeValue(_ value: some Encodable) throws {
        switch value {
        case let decimal as Decimal: node.content = .scalar(.number(decimal.plainText))
        case let string as String: node.content = .scalar(.string(string))
        case let flag as Bool: node.content = .scalar(.bool(flag))
        default: try value.encode(to: self)
        }
    }

    func nested(_ child: NodeBuilder, _ key: any CodingKey) -> NodeEncoder {
        NodeEncoder(node: child, codingPath: codingPath + [key], userInfo: userInfo)
    }
}

private struct KeyedNodeEncoder<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let encoder: NodeEncoder
    var codingPath: [any CodingKey] { encoder.codingPath }

    private func child(_ key: Key) -> NodeEncoder { encoder.nested(encoder.node.child(forKey: key.stringValue), key) }

    mutating func encodeNil(forKey key: Key) throws { child(key).node.content = .scalar(.null) }
    mutating func encode(_ value: Bool, forKey key: Key) throws { child(key).node.content = .scalar(.bool(value)) }
    mutating func encode(_ value: String, forKey key: Key) throws { child(key).node.content = .scalar(.string(value)) }
    mutating func encode(_ value: Double, forKey key: Key) throws { child(key).node.content = .scalar(.number(value.description)) }
    mutating func encode(_ value: Float, forKey key: Key) throws { child(key).node.content = .scalar(.number(value.description)) }
    mutating func encode(_ value: Int, forKey key: Key) throws { child(key).node.content = .scalar(.number(String(value))) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { child(key).node.content = .scalar(.number(String(value))) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { child(key).node.content = .scalar(.number(String(value))) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { child(key).node.content = .scalar(.number(String(value))) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { child(key).node.content = .scalar(.number(String(value))) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { child(key).node.content = .scalar(.number(String(value))) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { child(key).node.content = .scalar(.number(String(value))) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { child(key).node.content = .scalar(.number(String(value))) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { child(key).node.content = .scalar(.number(String(value))) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { child(key).node.content = .scalar(.number(String(value))) }
    mutating func encode(_ value: some Encodable, forKey key: Key) throws { try child(key).encodeValue(value) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key)
        -> KeyedEncodingContainer<NestedKey> {
        child(key).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer { child(key).unkeyedContainer() }
    mutating func superEncoder() -> any Encoder { encoder }
    mutating func superEncoder(forKey key: Key) -> any Encoder { child(key) }
}

private struct UnkeyedNodeEncoder: UnkeyedEncodingContainer {
    let encoder: NodeEncoder
    var codingPath: [any CodingKey] { encoder.codingPath }
    var count: Int {
        if case .array(let elements) = encoder.node.content { return elements.count }
        return 0
    }

    private func next() -> NodeEncoder { encoder.nested(encoder.node.appendChild(), IndexCodingKey(count)) }

    mutating func encodeNil() throws { next().node.content = .scalar(.null) }
    mutating func encode(_ value: Bool) throws { next().node.content = .scalar(.bool(value)) }
    mutating func encode(_ value: String) throws { next().node.content = .scalar(.string(value)) }
    mutating func encode(_ value: Double) throws { next().node.content = .scalar(.number(value.description)) }
    mutating func encode(_ value: Float) throws { next().node.content = .scalar(.number(value.description)) }
    mutating func encode(_ value: Int) throws { next().node.content = .scalar(.number(String(value))) }
    mutating func encode(_ value: Int8) throws { next().node.content = .scalar(.number(String(value))) }
    mutating func encode(_ value: Int16) throws { next().node.content = .scalar(.number(String(value))) }
    mutating func encode(_ value: Int32) throws { next().node.content = .scalar(.number(String(value))) }
    mutating func encode(_ value: Int64) throws { next().node.content = .scalar(.number(String(value))) }
    mutating func encode(_ value: UInt) throws { next().node.content = .scalar(.number(String(value))) }
    mutating func encode(_ value: UInt8) throws { next().node.content = .scalar(.number(String(value))) }
    mutating func encode(_ value: UInt16) throws { next().node.content = .scalar(.number(String(value))) }
    mutating func encode(_ value: UInt32) throws { next().node.content = .scalar(.number(String(value))) }
    mutating func encode(_ value: UInt64) throws { next().node.content = .scalar(.number(String(value))) }
    mutating func encode(_ value: some Encodable) throws { try next().encodeValue(value) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        next().container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer { next().unkeyedContainer() }
    mutating func superEncoder() -> any Encoder { next() }
}

private struct SingleNodeEncoder: SingleValueEncodingContainer {
    let encoder: NodeEncoder
    var codingPath: [any CodingKey] { encoder.codingPath }

    private func set(_ value: JSONNode.Value) { encoder.node.content = .scalar(value) }

    mutating func encodeNil() throws { set(.null) }
    mutating func encode(_ value: Bool) throws { set(.bool(value)) }
    mutating func encode(_ value: String) throws { set(.string(value)) }
    mutating func encode(_ value: Double) throws { set(.number(value.description)) }
    mutating func encode(_ value: Float) throws { set(.number(value.description)) }
    mutating func encode(_ value: Int) throws { set(.number(String(value))) }
    mutating func encode(_ value: Int8) throws { set(.number(String(value))) }
    mutating func encode(_ value: Int16) throws { set(.number(String(value))) }
    mutating func encode(_ value: Int32) throws { set(.number(String(value))) }
    mutating func encode(_ value: Int64) throws { set(.number(String(value))) }
    mutating func encode(_ value: UInt) throws { set(.number(String(value))) }
    mutating func encode(_ value: UInt8) throws { set(.number(String(value))) }
    mutating func encode(_ value: UInt16) throws { set(.number(String(value))) }
    mutating func encode(_ value: UInt32) throws { set(.number(String(value))) }
    mutating func encode(_ value: UInt64) throws { set(.number(String(value))) }
    mutating func encode(_ value: some Encodable) throws { try encoder.encodeValue(value) }
}
