import Foundation

/// Turns the lines of a JSON Lines event log into interned, checked events.
///
/// Sans-IO: it is handed one line's bytes at a time and keeps only what it needs to
/// recognise byte-identical duplicates. Blank lines are ignored, identical lines are
/// one event, unknown types are warnings, and every other problem rejects the line
/// with its line number and the field at fault.
///
/// ```swift
/// var decoder = EventLineDecoder(schema: schema)
/// var symbols = SymbolTable()
/// var text = #"{"time":"2026-03-02T09:41:00+08:00","type":"clock.in","employee":"E1"}"#
/// let outcome = text.withUTF8 { decoder.decode($0, line: 1, symbols: &symbols) }
/// ```
public struct EventLineDecoder: Sendable {
    /// What one line turned out to be.
    ///
    /// ```swift
    /// switch outcome {
    /// case .event(let event): evaluation.feed(event)
    /// case .diagnostic(let diagnostic): print(diagnostic)
    /// case .blank, .duplicate: break
    /// }
    /// ```
    public enum Outcome: Sendable {
        /// A well-formed event.
        case event(Event)
        /// An empty or all-whitespace line.
        case blank
        /// A line identical to an earlier one, which stands for both.
        case duplicate
        /// A line that was skipped or rejected.
        case diagnostic(LogDiagnostic)
    }

    /// A type met in the log, ready for reading lines of it. Shared rather than copied:
    /// every line finds its type, and a copy retained and released each array in it.
    private final class CompiledType: Sendable {
        let type: Symbol
        /// A type has a handful of fields: comparing names beats hashing them.
        let fields: [(spec: FieldSpec, name: Symbol)]
        let required: [(name: String, symbol: Symbol)]
        /// The type's name and its fields' names and allowed values as UTF-8, for
        /// reading a line straight from its bytes.
        let utf8: [UInt8]
        let fieldsUTF8: [(name: [UInt8], allowed: [[UInt8]]?)]

        init(type: Symbol, fields: [(spec: FieldSpec, name: Symbol)], required: [(name: String, symbol: Symbol)],
             utf8: [UInt8], fieldsUTF8: [(name: [UInt8], allowed: [[UInt8]]?)]) {
            self.type = type
            self.fields = fields
            self.required = required
            self.utf8 = utf8
            self.fieldsUTF8 = fieldsUTF8
        }
    }

    /// Numbers are read the same way whatever the machine's locale.
    private static let posix = Locale(identifier: "en_US_POSIX")

    private let schema: EventSchema
    private var compiled: [String: CompiledType] = [:]
    /// The types met so far, for finding a type by its bytes.
    private var compiledTypes: [CompiledType] = []
    /// Fingerprints of plain lines by the hour of their time, and of all others.
    private var recent = FingerprintsByHour()
    private var seen = FingerprintSet()
    /// Whether the last line decoded has a time in an hour ``forgetLines(before:)``
    /// forgot, so that it could not be checked against the lines of that hour.
    private(set) var readForgottenHour = false
    /// The members of the line being read, kept to reuse their storage.
    private var members: [FlatObjectScanner.Member] = []
    /// Per type met, the fields of the last plain line's event of that type. An event
    /// is usually let go before the next line is read, and its array is then filled
    /// again rather than a new one allocated and freed for every line of the log; one
    /// per type, so that an event a caller keeps gets an array of its own type's size.
    private var reusableFields: [[Event.Field]] = []

    /// Creates a decoder for the event types of `schema`.
    ///
    /// ```swift
    /// var decoder = EventLineDecoder(schema: ContactCenterEvents.schema)
    /// ```
    public init(schema: EventSchema) { self.schema = schema }

    /// Decodes one line, interning its strings into `symbols`.
    ///
    /// - Parameters:
    ///   - bytes: the line without its `\n`; a trailing `\r` is ignored.
    ///   - line: the 1-based line number, used as the event's evidence.
    ///   - symbols: the table of the evaluation that will receive the event.
    ///
    /// ```swift
    /// let outcome = text.withUTF8 { decoder.decode($0, line: 7, symbols: &symbols) }
    /// ```
    public mutating func decode(
        _ bytes: UnsafeBufferPointer<UInt8>, line: Int, symbols: inout SymbolTable
    ) -> Outcome {
        readForgottenHour = false
        var count = bytes.count
        if count > 0, bytes[count - 1] == 0x0D { count -= 1 }
        let content = UnsafeBufferPointer(rebasing: bytes[0..<count])
        if content.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { return .blank }
        if line == 1, count >= 3, content[0] == 0xEF, content[1] == 0xBB, content[2] == 0xBF {
            return decode(UnsafeBufferPointer(rebasing: content[3...]), line: line, symbols: &symbols)
        }
        // Which table a line's fingerprint goes to depends on its bytes alone, so that
        // copies of a line always meet in the same one.
        let fingerprint = LineFingerprint(content)
        let plain = FlatObjectScanner.scan(content, into: &members)
        let plainTime = plain ? self.plainTime(content) : nil
        if let plainTime {
            if recent.isForgotten(plainTime) { readForgottenHour = true }
            guard recent.insert(fingerprint, at: plainTime) else { return .duplicate }
            if let event = plainEvent(content, time: plainTime, line: line, symbols: &symbols) { return .event(event) }
        } else {
            guard seen.insert(fingerprint) else { return .duplicate }
        }

        let members: [(key: String, value: JSONObjectScanner.Value)]
        do {
            members = try JSONObjectScanner.members(of: content)
        } catch {
            return .diagnostic(LogDiagnostic(severity: .error, line: line, column: error.column, message: error.message))
        }
        var typeName: String?
        var timeValue: JSONObjectScanner.Value?
        for member in members {
            if member.key == "type" { typeName = member.value.stringValue ?? typeName }
            if member.key == "time" { timeValue = member.value }
        }
        func reject(_ field: String?, _ message: String) -> Outcome {
            .diagnostic(LogDiagnostic(severity: .error, line: line, field: field, message: message))
        }
        guard let typeMember = members.last(where: { $0.key == "type" }), typeMember.value != .null else {
            return reject("type", "missing; every event needs a type")
        }
        guard let typeName else { return reject("type", "expected a string, found \(typeMember.value.summary)") }
        guard let timeValue, timeValue != .null else { return reject("time", "missing; every event needs a time") }
        guard case .string(let timeText) = timeValue else {
            return reject("time", "expected a time like 2026-03-02T09:31:00+08:00, found \(timeValue.summary)")
        }
        let time: Instant
        do { time = try RFC3339.parse(timeText) } catch {
            return reject("time", "\(error), found \"\(timeText)\"")
        }
        guard let type = compiledType(typeName, symbols: &symbols) else {
            return .diagnostic(LogDiagnostic(
                severity: .warning, line: line, field: "type",
                message: "unknown event type '\(typeName)', skipped"))
        }

        var fields: [Event.Field] = []
        fields.reserveCapacity(type.fields.count)
        for member in members {
            guard let (spec, name) = type.fields.first(where: { $0.spec.name == member.key }), member.value != .null else { continue }
            switch Self.convert(member.value, to: spec.kind, symbols: &symbols) {
            case .success(let value):
                fields.removeAll { $0.name == name }
                fields.append(Event.Field(name: name, value: value))
            case .failure(let problem):
                return reject(spec.name, problem.text)
            }
        }
        for required in type.required where !fields.contains(where: { $0.name == required.symbol }) {
            return reject(required.name, "missing; '\(typeName)' requires it")
        }
        Event.sortByName(&fields)
        return .event(Event(type: type.type, time: time, line: line, sortedFields: fields))
    }

    /// Forgets the fingerprints of plain lines of the hours wholly before `time`:
    /// the caller promises that no line of those hours is still to come, and learns
    /// from ``readForgottenHour`` of a line that breaks the promise.
    mutating func forgetLines(before time: Instant) { recent.forget(before: time) }

    private mutating func compiledType(_ name: String, symbols: inout SymbolTable) -> CompiledType? {
        if let type = compiled[name] { return type }
        guard let spec = schema.types[name] else { return nil }
        // A name declared both ways is required, as it was when a later entry won.
        var fields: [(spec: FieldSpec, name: Symbol)] = spec.required.map { ($0, symbols.intern($0.name)) }
        for field in spec.optional where !fields.contains(where: { $0.spec.name == field.name }) {
            fields.append((field, symbols.intern(field.name)))
        }
        let type = CompiledType(
            type: symbols.intern(name), fields: fields, required: spec.required.map { ($0.name, symbols.intern($0.name)) },
            utf8: Array(name.utf8),
            fieldsUTF8: fields.map { field in
                if case .text(let allowed?) = field.spec.kind { (Array(field.spec.name.utf8), allowed.map { Array($0.utf8) }) }
                else { (Array(field.spec.name.utf8), nil) }
            })
        compiled[name] = type
        compiledTypes.append(type)
        reusableFields.append([])
        return type
    }

    /// The event of a plain line (see ``FlatObjectScanner``) of a type already met
    /// whose values are all as the schema expects, read from its bytes; `nil` for any
    /// other line, which the full reader then reads and diagnoses. Values are interned
    /// in the order the full reader interns them, so symbols are numbered the same
    /// whichever path a line takes.
    private mutating func plainEvent(
        _ bytes: UnsafeBufferPointer<UInt8>, time: Instant, line: Int, symbols: inout SymbolTable
    ) -> Event? {
        func slice(_ range: Range<Int>) -> UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(rebasing: bytes[range]) }
        func equal(_ range: Range<Int>, _ utf8: [UInt8]) -> Bool { ByteSearch.equals(utf8, bytes, at: range) }
        // The time was read with the fingerprint; the type is the line's only one.
        guard let typeMember = onlyMember(named: Self.typeKey, in: bytes), typeMember.kind == .string,
              let typeIndex = compiledTypes.firstIndex(where: { equal(typeMember.value, $0.utf8) })
        else { return nil }
        let type = compiledTypes[typeIndex]

        // Swapped out and back in, so that neither copy holds the array meanwhile.
        var fields: [Event.Field] = []
        reusableFields.withUnsafeMutableBufferPointer { swap(&fields, &$0[typeIndex]) }
        fields.removeAll(keepingCapacity: true)
        fields.reserveCapacity(type.fields.count)
        defer { reusableFields.withUnsafeMutableBufferPointer { swap(&fields, &$0[typeIndex]) } }
        for member in members where member.kind != .null {
            guard let index = type.fieldsUTF8.firstIndex(where: { equal(member.key, $0.name) }) else { continue }
            let value: FieldValue
            switch (type.fields[index].spec.kind, member.kind) {
            case (.id, .string), (.text(nil), .string):
                value = .symbol(symbols.intern(slice(member.value)))
            case (.text, .string):
                guard let allowed = type.fieldsUTF8[index].allowed, allowed.contains(where: { equal(member.value, $0) })
                else { return nil }
                value = .symbol(symbols.intern(slice(member.value)))
            case (.number(let minimum, let maximum), .integer):
                guard let whole = Int64(Substring(decoding: slice(member.value), as: UTF8.self)) else { return nil }
                let number = Decimal(whole)
                if let minimum, number < minimum { return nil }
                if let maximum, number > maximum { return nil }
                value = .number(number)
            case (.boolean, .boolean(let flag)):
                value = .boolean(flag)
            case (.time, .string):
                guard let instant = try? RFC3339.parse(slice(member.value)) else { return nil }
                value = .instant(instant)
            default:
                return nil
            }
            let name = type.fields[index].name
            // A repeated key is rare: the later value counts, as the full reader has it.
            if let repeated = fields.firstIndex(where: { $0.name == name }) { fields.remove(at: repeated) }
            fields.append(Event.Field(name: name, value: value))
        }
        for required in type.required where !fields.contains(where: { $0.name == required.symbol }) { return nil }
        // Sorted here, where the array is not yet shared with the event.
        Event.sortByName(&fields)
        return Event(type: type.type, time: time, line: line, sortedFields: fields)
    }

    /// The time of a plain line just scanned into `members`: its only `"time"`
    /// member, a string that is a valid time.
    private func plainTime(_ bytes: UnsafeBufferPointer<UInt8>) -> Instant? {
        guard let found = onlyMember(named: Self.timeKey, in: bytes), found.kind == .string else { return nil }
        return try? RFC3339.parse(UnsafeBufferPointer(rebasing: bytes[found.value]))
    }

    /// The member of the line just scanned into `members` named `key`, if it is the
    /// only one of that name.
    private func onlyMember(named key: [UInt8], in bytes: UnsafeBufferPointer<UInt8>) -> FlatObjectScanner.Member? {
        var found: FlatObjectScanner.Member?
        for member in members where ByteSearch.equals(key, bytes, at: member.key) {
            guard found == nil else { return nil }
            found = member
        }
        return found
    }

    private static let typeKey = Array("type".utf8)
    private static let timeKey = Array("time".utf8)

    private static func convert(
        _ value: JSONObjectScanner.Value, to kind: FieldKind, symbols: inout SymbolTable
    ) -> Result<FieldValue, Problem> {
        switch (kind, value) {
        case (.id, .string(let text)), (.text(nil), .string(let text)):
            return .success(.symbol(symbols.intern(text)))
        case (.id, .number(let text)):
            guard text.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "-") }) else {
                return .failure(Problem("expected \(kind.expectation), found the number \(text)"))
            }
            return .success(.symbol(symbols.intern(text)))
        case (.text(let allowed?), .string(let text)):
            guard allowed.contains(text) else { return .failure(Problem("expected \(kind.expectation), found \"\(text)\"")) }
            return .success(.symbol(symbols.intern(text)))
        case (.number(let minimum, let maximum), .number(let text)):
            guard let number = Self.decimal(text), number.isFinite else {
                return .failure(Problem("expected \(kind.expectation), found \(text)"))
            }
            if let minimum, number < minimum { return .failure(Problem("expected \(kind.expectation), found \(text)")) }
            if let maximum, number > maximum { return .failure(Problem("expected \(kind.expectation), found \(text)")) }
            return .success(.number(number))
        case (.boolean, .boolean(let flag)):
            return .success(.boolean(flag))
        case (.time, .string(let text)):
            do { return .success(.instant(try RFC3339.parse(text))) } catch {
                return .failure(Problem("\(error), found \"\(text)\""))
            }
        case (.month, .string(let text)):
            let bytes = Array(text.utf8)
            guard bytes.count == 7, bytes[4] == UInt8(ascii: "-"),
                  let year = Int(text.prefix(4)), let month = Int(text.suffix(2)),
                  (1678...2261).contains(year), (1...12).contains(month)
            else { return .failure(Problem("expected \(kind.expectation), found \"\(text)\"")) }
            return .success(.symbol(symbols.intern(text)))
        default:
            return .failure(Problem("expected \(kind.expectation), found \(value.summary)"))
        }
    }

    /// A JSON number as an exact decimal; whole numbers, the usual case, without
    /// `Decimal(string:)`, which is slow.
    private static func decimal(_ text: String) -> Decimal? {
        let utf8 = text.utf8
        if utf8.count <= 18, let first = utf8.first, first != UInt8(ascii: "-") || utf8.count > 1,
           utf8.dropFirst(first == UInt8(ascii: "-") ? 1 : 0).allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }),
           let whole = Int64(text) {
            return Decimal(whole)
        }
        return Decimal(string: text, locale: posix)
    }

    private struct Problem: Error {
        var text: String
        init(_ text: String) { self.text = text }
    }
}


private extension JSONObjectScanner.Value {
    var stringValue: String? { if case .string(let s) = self { s } else { nil } }

    /// How the value appears in an error message.
    var summary: String {
        switch self {
        case .string(let s): "the string \"\(s.count > 40 ? String(s.prefix(40)) + "…" : s)\""
        case .number(let n): "the number \(n)"
        case .boolean(let b): "\(b)"
        case .null: "null"
        case .composite: "an object or array"
        }
    }
}

/// A 128-bit digest of a line, so that duplicates are recognised without keeping
/// the lines themselves.
struct LineFingerprint: Sendable {
    var first: UInt64
    var second: UInt64

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        var a: UInt64 = 0xcbf2_9ce4_8422_2325
        var b: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(bytes.count)
        func mix(_ word: UInt64) {
            a = (a ^ word) &* 0x0000_0100_0000_01B3
            a ^= a >> 32
            b = (b &+ word) &* 0xBF58_476D_1CE4_E5B9
            b ^= b >> 29
        }
        // Eight bytes at a time: every line is fingerprinted, so this is on the hot path.
        var index = 0
        if let base = bytes.baseAddress {
            let raw = UnsafeRawPointer(base)
            while index + 8 <= bytes.count {
                mix(raw.loadUnaligned(fromByteOffset: index, as: UInt64.self))
                index += 8
            }
        }
        while index < bytes.count {
            mix(UInt64(bytes[index]) | 0x100)
            index += 1
        }
        first = a
        second = b
    }
}
