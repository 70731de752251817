/// A key of a rule file's objects, written as a string literal in the coding of
/// rule values: `try container.decode(String.self, forKey: "id")`.
struct RuleFileKey: CodingKey, ExpressibleByStringLiteral, Hashable {
    var stringValue: String
    var intValue: Int? { nil }

    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
    init(stringLiteral value: String) { stringValue = value }
}

extension KeyedDecodingContainer where Key == RuleFileKey {
    /// Reports every key that is not one of `known`: a misspelt optional key would
    /// otherwise be ignored without a word.
    func expectOnly(_ known: Set<String>, _ decoder: any Decoder) {
        guard let context = decoder.ruleFileContext else { return }
        for key in allKeys where !known.contains(key.stringValue) {
            context.report(at: codingPath + [key], onKey: true, "unknown key '\(key.stringValue)'"
                + RuleFileContext.suggestion(for: key.stringValue, among: known) + " (expected "
                + known.sorted().map { "'\($0)'" }.joined(separator: ", ") + ")")
        }
    }

    /// The only one of `kinds` present, for values written as `{"kind": details}`.
    func oneKey(of kinds: [String], what: String) throws -> String {
        let present = allKeys.map(\.stringValue).filter(kinds.contains)
        guard present.count == 1, let kind = present.first else {
            let found = allKeys.isEmpty ? "an empty object" : "the keys " + allKeys.map { "'\($0.stringValue)'" }.joined(separator: ", ")
            throw DecodingError.dataCorrupted(.init(
                codingPath: codingPath,
                debugDescription: "expected \(what): an object with exactly one of "
                    + kinds.map { "'\($0)'" }.joined(separator: ", ") + ", found " + found))
        }
        return kind
    }

    /// A duration written `30m`, `2h`, `-2h` or ISO 8601 `PT30M`.
    func duration(_ key: RuleFileKey) throws -> Duration {
        let text = try decode(String.self, forKey: key)
        guard let duration = Duration(text: text) else {
            throw DecodingError.dataCorruptedError(
                forKey: key, in: self,
                debugDescription: "expected a duration like 30m, 2h, 7d or PT30M, found the string \(JSONString.quoted(text))")
        }
        return duration
    }

    /// An optional duration.
    func durationIfPresent(_ key: RuleFileKey) throws -> Duration? {
        contains(key) ? try duration(key) : nil
    }

    /// A value of a `String` raw-value enumeration, with the values it may take in the error.
    func choice<T: RawRepresentable & CaseIterable>(_ type: T.Type, _ key: RuleFileKey) throws -> T where T.RawValue == String {
        let expected = "expected one of " + T.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", ")
        let text: String
        do { text = try decode(String.self, forKey: key) } catch DecodingError.typeMismatch(let type, let context) {
            // Say which words would do, not only that a string was expected.
            let found = context.debugDescription.range(of: ", found ").map { String(context.debugDescription[$0.lowerBound...]) } ?? ""
            throw DecodingError.typeMismatch(type, .init(codingPath: context.codingPath, debugDescription: expected + found))
        }
        guard let value = T(rawValue: text) else {
            throw DecodingError.dataCorruptedError(
                forKey: key, in: self, debugDescription: expected + ", found the string \(JSONString.quoted(text))")
        }
        return value
    }

    /// A field name of the events `events` selects, checked against the schema being read.
    func field(_ key: RuleFileKey, of events: EventSelector, _ decoder: any Decoder) throws -> String {
        let name = try decode(String.self, forKey: key)
        decoder.ruleFileContext?.check(field: name, of: events, at: codingPath + [key])
        return name
    }

    /// What a rule's verdict says: its `outcome`, `reason` and `message`.
    func verdictWording() throws -> (outcome: String, reason: String, message: Message) {
        (try decode(String.self, forKey: "outcome"), try decode(String.self, forKey: "reason"),
         try decode(Message.self, forKey: "message"))
    }

    /// An optional field name of the events `events` selects.
    func fieldIfPresent(_ key: RuleFileKey, of events: EventSelector, _ decoder: any Decoder) throws -> String? {
        contains(key) ? try field(key, of: events, decoder) : nil
    }
}

extension KeyedEncodingContainer where Key == RuleFileKey {
    /// Writes `value` unless it is the default, so a file shows only what a rule sets.
    mutating func encode<T: Encodable & Equatable>(_ value: T, forKey key: RuleFileKey, unless defaultValue: T) throws {
        if value != defaultValue { try encode(value, forKey: key) }
    }

    /// Writes what a rule's verdict says: its `outcome`, `reason` and `message`.
    mutating func encode(outcome: String, reason: String, message: Message) throws {
        try encode(outcome, forKey: "outcome")
        try encode(reason, forKey: "reason")
        try encode(message, forKey: "message")
    }

    /// Writes a duration as a person would: `30m`.
    mutating func encode(duration: Duration, forKey key: RuleFileKey) throws {
        try encode(duration.shortText, forKey: key)
    }
}
