/// The calendar periods policies speak of, always taken in a policy's time zone.
///
/// ```swift
/// calendar.period(.halfYear, containing: instant).label   // "2026-H1"
/// ```
public enum CalendarUnit: String, Codable, Sendable, CaseIterable {
    /// A local calendar day, labelled `2026-03-02`.
    case day
    /// An ISO 8601 week, Monday to Sunday, labelled `2026-W10`.
    case isoWeek = "iso-week"
    /// A calendar month, labelled `2026-03`.
    case month
    /// A calendar quarter, labelled `2026-Q1`.
    case quarter
    /// A calendar half-year, labelled `2026-H1`.
    case halfYear = "half-year"
    /// A calendar year, labelled `2026`.
    case year
}

/// A time span that rules group by: a calendar period in the policy's zone, or a
/// rolling duration that ends at each event.
///
/// ```swift
/// Window.calendar(.isoWeek)          // Monday to Sunday in the policy's zone
/// Window.rolling(.seconds(30 * 86_400))  // the 30 days up to each item
/// ```
public enum Window: Codable, Equatable, Hashable, Sendable {
    /// The calendar period containing the instant.
    case calendar(CalendarUnit)
    /// The `duration` up to and including the instant.
    case rolling(Duration)
}

extension Window {
    /// A calendar period's name (`"month"`, `"iso-week"`) or a rolling duration (`"30d"`).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        if let unit = CalendarUnit(rawValue: text) {
            self = .calendar(unit)
        } else if let duration = Duration(text: text), duration > .zero {
            self = .rolling(duration)
        } else {
            throw DecodingError.dataCorruptedError(
                in: container,
                debugDescription: "expected a calendar period ("
                    + CalendarUnit.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", ")
                    + ") or a duration like 30d, found the string \(JSONString.quoted(text))")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .calendar(let unit): try container.encode(unit.rawValue)
        case .rolling(let duration): try container.encode(duration.shortText)
        }
    }
}
