/// The handbook clause a rule applies, as verdicts cite it.
///
/// ```swift
/// Clause(source: "toolbox-attendance", text: "遲到或早退超過半小時的, 按照曠工一天處理")
///     .citation   // "toolbox-attendance: 遲到或早退超過半小時的, 按照曠工一天處理"
/// ```
public struct Clause: Codable, Equatable, Hashable, Sendable {
    /// The handbook's key, e.g. `toolbox-attendance`.
    public var source: String { didSet { citation = Self.citation(source, text) } }
    /// The clause in the handbook's own words.
    public var text: String { didSet { citation = Self.citation(source, text) } }
    /// `source: text`, the form verdicts carry. It is made once rather than per
    /// verdict, so that the verdicts of a rule share one string.
    public private(set) var citation: String

    /// Creates a clause.
    ///
    /// ```swift
    /// Clause(source: "presales", text: "客服人員應在接到客戶咨詢後[X]分鐘內做出響應")
    /// ```
    public init(source: String, text: String) {
        self.source = source
        self.text = text
        self.citation = Self.citation(source, text)
    }

    private static func citation(_ source: String, _ text: String) -> String { source + ": " + text }

    private enum CodingKeys: String, CodingKey { case source, text }

    /// Decodes a clause from its `source` and `text`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(source: try container.decode(String.self, forKey: .source),
                  text: try container.decode(String.self, forKey: .text))
    }
}

/// The languages verdict messages are written in.
///
/// ```swift
/// verdict.message(in: .zh)   // "E01 於班次 S1 遲到 10 分鐘。"
/// ```
public enum Language: String, Codable, Sendable, CaseIterable {
    /// English.
    case en
    /// Chinese.
    case zh
}

/// A verdict message in every supported language, with placeholders.
///
/// Placeholders: `{employee}`, `{subject}`, `{value}` (the measured quantity),
/// `{limit}` (the bound it was compared with) and `{rank}` (a count or position).
///
/// ```swift
/// Message(en: "{employee} was {value} minutes late for shift {subject}.",
///         zh: "{employee} 在班次 {subject} 遲到 {value} 分鐘。")
/// ```
public struct Message: Codable, Equatable, Hashable, Sendable {
    /// The English text.
    public var en: String
    /// The Chinese text.
    public var zh: String

    /// Creates a message.
    ///
    /// ```swift
    /// Message(en: "{employee} was absent from {subject}.", zh: "{employee} 於 {subject} 曠工。")
    /// ```
    public init(en: String, zh: String) {
        self.en = en
        self.zh = zh
    }

    /// The text in `language` with its placeholders filled in; a placeholder with no
    /// argument stays as written.
    ///
    /// ```swift
    /// message.rendered(in: .zh, ["employee": "E01", "subject": "S1"])   // "E01 於 S1 曠工。"
    /// ```
    public func rendered(in language: Language, _ arguments: [String: String]) -> String {
        rendered(in: language) { arguments[$0] }
    }

    /// The text in `language`, each placeholder filled in by `value(name)`.
    func rendered(in language: Language, _ value: (String) -> String?) -> String {
        var result = ""
        render(in: language, value) { result += $0 }
        return result
    }

    /// Hands the text in `language` to `write` piece by piece, each placeholder filled
    /// in by `value(name)`.
    func render(in language: Language, _ value: (String) -> String?, to write: (Substring) -> Void) {
        for piece in pieces(in: language) {
            if let name = piece.placeholder, let value = value(name) { write(value[...]) } else { write(piece.text) }
        }
    }

    /// One piece of a template: text as written, or a placeholder, whose text is
    /// written as is when it has no value.
    struct Piece {
        var text: Substring
        var placeholder: String?
    }

    /// The text in `language` as pieces, in order: one pass over the template, which
    /// a writer of many verdicts makes once per template.
    func pieces(in language: Language) -> [Piece] {
        let template = language == .zh ? zh : en
        var pieces: [Piece] = []
        var rest = template[...]
        while let open = rest.firstIndex(of: "{") {
            pieces.append(Piece(text: rest[..<open]))
            guard let close = rest[open...].firstIndex(of: "}") else {
                rest = rest[open...]
                break
            }
            pieces.append(Piece(text: rest[open...close], placeholder: String(rest[rest.index(after: open)..<close])))
            rest = rest[rest.index(after: close)...]
        }
        pieces.append(Piece(text: rest))
        return pieces
    }
}
