/// The calendar periods policies speak of, always taken in a policy's time zone.
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
public enum Window: Codable, Equatable, Hashable, Sendable {
    /// The calendar period containing the instant.
    case calendar(CalendarUnit)
    /// The `duration` up to and including the instant.
    case rolling(Duration)
}
