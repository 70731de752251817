import Foundation

/// The handbook clause a rule applies, as verdicts cite it.
///
/// ```swift
/// Clause(source: "toolbox-attendance", text: "遲到或早退超過半小時的, 按照曠工一天處理")
///     .citation   // "toolbox-attendance: 遲到或早退超過半小時的, 按照曠工一天處理"
/// ```
public struct Clause: Codable, Equatable, Hashable, Sendable {
    /// The handbook's key, e.g. `toolbox-attendance`.
    public var source: String
    /// The clause in the handbook's own words.
    public var text: String

    /// Creates a clause.
    public init(source: String, text: String) {
        self.source = source
        self.text = text
    }

    /// `source: text`, the form verdicts carry.
    public var citation: String { source + ": " + text }
}

/// The languages verdict messages are written in.
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
    public init(en: String, zh: String) {
        self.en = en
        self.zh = zh
    }

    /// The text in `language` with its placeholders filled in.
    public func rendered(in language: Language, _ arguments: [String: String]) -> String {
        var text = language == .zh ? zh : en
        for (name, value) in arguments {
            text = text.replacingOccurrences(of: "{" + name + "}", with: value)
        }
        return text
    }
}
