/// A problem with one line of an event log: where, which field, and what was expected.
///
/// Rendered like a compiler's message:
///
/// ```
/// march.jsonl:12: error: field 'start': expected a time like 2026-03-02T09:31:00+08:00, found "9am"
/// ```
public struct LogDiagnostic: Error, Hashable, Sendable, CustomStringConvertible {
    /// How serious the problem is.
    ///
    /// ```swift
    /// if diagnostic.severity == .error { rejected += 1 }
    /// ```
    public enum Severity: String, Sendable {
        /// The line was rejected; the other lines are still evaluated.
        case error
        /// The line was skipped by design, e.g. an unknown event type.
        case warning
    }

    /// Whether the line was rejected or only skipped.
    public var severity: Severity
    /// The 1-based line number.
    public var line: Int
    /// The 1-based byte column, when the JSON itself is malformed.
    public var column: Int?
    /// The field at fault, if one is.
    public var field: String?
    /// What was wrong and what was expected.
    public var message: String

    /// Creates a diagnostic.
    ///
    /// ```swift
    /// LogDiagnostic(severity: .error, line: 12, field: "start", message: "expected a time like 2026-03-02T09:31:00+08:00")
    /// ```
    public init(severity: Severity, line: Int, column: Int? = nil, field: String? = nil, message: String) {
        self.severity = severity
        self.line = line
        self.column = column
        self.field = field
        self.message = message
    }

    /// The diagnostic as `LINE[:COLUMN]: severity: [field 'F': ]message`.
    public var description: String { rendered(file: nil) }

    /// The diagnostic prefixed with a file name, as a compiler would print it.
    ///
    /// ```swift
    /// diagnostic.rendered(file: "march.jsonl")
    /// // "march.jsonl:12: error: field 'start': expected a time like ..."
    /// ```
    public func rendered(file: String?) -> String {
        var text = file.map { $0 + ":" } ?? "line "
        text += "\(line)"
        if let column { text += ":\(column)" }
        text += ": \(severity.rawValue): "
        if let field { text += "field '\(field)': " }
        return text + message
    }
}
