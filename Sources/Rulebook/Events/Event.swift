/// Something that happened: an instant, a type and named fields.
///
/// Events are interned: the type, field names and id values are ``Symbol``s of the
/// ``SymbolTable`` of the evaluation that reads them, so rules compare integers.
/// `line` is where the event stood in its log (1-based); it is the evidence a
/// verdict cites.
///
/// ```swift
/// let employee = symbols.intern("employee")
/// if let person = event[employee]?.symbol { print(symbols[person]) }
/// ```
public struct Event: Hashable, Sendable {
    /// The event's type, e.g. `clock.in`.
    public var type: Symbol
    /// When it happened.
    public var time: Instant
    /// Its 1-based line in the log, or a sequence number for events built in code.
    public var line: Int
    /// Its fields, sorted by name.
    public private(set) var fields: [Field]

    /// One named value of an event.
    ///
    /// ```swift
    /// Event.Field(name: symbols.intern("score"), value: .number(95))
    /// ```
    public struct Field: Hashable, Sendable {
        /// The field's name.
        public var name: Symbol
        /// The field's value.
        public var value: FieldValue

        /// Creates a field.
        ///
        /// ```swift
        /// Event.Field(name: symbols.intern("employee"), value: .symbol(symbols.intern("E1")))
        /// ```
        public init(name: Symbol, value: FieldValue) {
            self.name = name
            self.value = value
        }
    }

    /// Creates an event; fields are sorted by name, the last of equal names wins.
    ///
    /// ```swift
    /// let event = Event(type: symbols.intern("clock.in"), time: instant, line: 1,
    ///                   fields: [.init(name: symbols.intern("employee"), value: .symbol(symbols.intern("E1")))])
    /// ```
    public init(type: Symbol, time: Instant, line: Int, fields: [Field]) {
        var distinct: [Field] = []
        distinct.reserveCapacity(fields.count)
        for field in fields {
            if let index = distinct.firstIndex(where: { $0.name == field.name }) {
                distinct[index] = field
            } else {
                distinct.append(field)
            }
        }
        Self.sortByName(&distinct)
        self.init(type: type, time: time, line: line, sortedFields: distinct)
    }

    /// An event of `fields` whose names are all different and in order, as a reader
    /// makes them: it sorts them in its own array, which the event then shares,
    /// rather than a second array being made for each of millions of lines.
    init(type: Symbol, time: Instant, line: Int, sortedFields fields: [Field]) {
        self.type = type
        self.time = time
        self.line = line
        self.fields = fields
    }

    /// Sorts a handful of fields, mostly in order already, by name. Fields in order
    /// are only read: a loop that may write makes the array its own first, which
    /// copied every event's fields when its reader still held them.
    static func sortByName(_ fields: inout [Field]) {
        guard fields.indices.dropFirst().contains(where: { fields[$0].name < fields[$0 - 1].name }) else { return }
        for index in fields.indices.dropFirst() {
            var position = index
            while position > 0, fields[position].name < fields[position - 1].name {
                fields.swapAt(position, position - 1)
                position -= 1
            }
        }
    }

    /// The value of the field `name`, if present.
    @inlinable
    public subscript(name: Symbol) -> FieldValue? {
        for field in fields where field.name == name { return field.value }
        return nil
    }
}
