/// A problem in a rule file, with the file, line and column at fault, like a
/// compiler's message:
///
/// ```
/// Rules/attendance.json:14:20: error: expected a duration like 30m, 2h, 7d or PT30M, found the string "30 minutes"
/// ```
public struct RuleFileDiagnostic: Error, Hashable, Sendable, CustomStringConvertible {
    /// The file, as named in the directory (`attendance.json`).
    public var file: String
    /// Where in it; ``SourcePosition/unknown`` for the file as a whole.
    public var position: SourcePosition
    /// What was wrong, what was found and what was expected.
    public var message: String

    /// Creates a diagnostic.
    ///
    /// ```swift
    /// RuleFileDiagnostic(file: "sla.json", position: SourcePosition(line: 14, column: 20), message: "expected a duration")
    /// ```
    public init(file: String, position: SourcePosition, message: String) {
        self.file = file
        self.position = position
        self.message = message
    }

    /// `FILE:LINE:COLUMN: error: MESSAGE`.
    public var description: String { rendered(directory: nil) }

    /// The diagnostic with the file's path relative to where it was loaded from.
    ///
    /// ```swift
    /// diagnostic.rendered(directory: "MyRules")   // "MyRules/sla.json:14:20: error: ..."
    /// ```
    public func rendered(directory: String?) -> String {
        var path = file
        if let directory, !directory.isEmpty { path = directory.hasSuffix("/") ? directory + file : directory + "/" + file }
        let place = position == .unknown ? path : path + ":" + position.description
        return place + ": error: " + message
    }
}

/// Every problem found in a directory of rule files, in file and line order.
///
/// ```swift
/// do { _ = try RuleDirectory.load(from: folder) } catch {
///     for diagnostic in error.diagnostics { print(diagnostic) }
/// }
/// ```
public struct RuleFileErrors: Error, Sendable, CustomStringConvertible {
    /// The problems.
    public var diagnostics: [RuleFileDiagnostic]

    /// Creates the error.
    ///
    /// ```swift
    /// throw RuleFileErrors([diagnostic])
    /// ```
    public init(_ diagnostics: [RuleFileDiagnostic]) {
        self.diagnostics = diagnostics
    }

    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}

extension RuleFileDiagnostic {
    /// A diagnostic for a decoding error thrown while reading `root` from `file`.
    init(_ error: any Error, file: String, root: JSONNode, under prefix: [RuleFilePath.Component] = []) {
        guard let decoding = error as? DecodingError else {
            self.init(file: file, position: root.position, message: String(describing: error))
            return
        }
        let context: DecodingError.Context
        switch decoding {
        case .typeMismatch(_, let found), .valueNotFound(_, let found), .keyNotFound(_, let found), .dataCorrupted(let found):
            context = found
        @unknown default:
            self.init(file: file, position: root.position, message: String(describing: error))
            return
        }
        // A missing key points at the object that lacks it.
        let path = prefix + RuleFilePath.components(context.codingPath)
        self.init(file: file, position: RuleFilePath.position(of: path, in: root), message: context.debugDescription)
    }
}
