import Rulebook

/// Prints rejected and skipped lines to standard error as they are found. Every
/// rejected line is printed; skipped lines of one unknown type are printed ten times,
/// then only counted, so a log of a million lines of some other system's events
/// does not bury the errors.
struct DiagnosticPrinter {
    static let warningsShownPerKind = 10

    let file: String
    let language: Language
    private var warnings: [String: (count: Int, first: Int)] = [:]

    init(file: String, language: Language = .en) {
        self.file = file
        self.language = language
    }

    private func print(_ diagnostic: LogDiagnostic) {
        Output.error(ChinesePhrasebook.render(diagnostic.rendered(file: file), in: language))
    }

    mutating func report(_ diagnostic: LogDiagnostic) {
        guard diagnostic.severity == .warning else {
            print(diagnostic)
            return
        }
        var seen = warnings[diagnostic.message] ?? (0, diagnostic.line)
        seen.count += 1
        warnings[diagnostic.message] = seen
        if seen.count <= Self.warningsShownPerKind { print(diagnostic) }
    }

    /// One line per kind of warning that was shown only in part.
    func summary() -> [String] {
        warnings.filter { $0.value.count > Self.warningsShownPerKind }.sorted { $0.value.first < $1.value.first }.map {
            ChinesePhrasebook.render(
                "\(file): \($0.value.count) lines in all like line \($0.value.first) (\($0.key)); the first \(Self.warningsShownPerKind) are shown",
                in: language)
        }
    }
}
