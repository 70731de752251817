import Foundation

/// Calendar arithmetic in one named time zone: local dates, period boundaries and
/// period labels.
///
/// Boundaries come from `Calendar.dateInterval(of:for:)`, so daylight-saving days
/// are as long as they really are; nothing adds 86 400 seconds.
///
/// ```swift
/// let calendar = try PolicyCalendar(timeZone: "Asia/Shanghai")
/// calendar.period(.quarter, containing: try RFC3339.parse("2026-03-31T23:00:00+08:00")).label
/// // "2026-Q1"
/// ```
public struct PolicyCalendar: Sendable, Equatable {
    /// The zone's identifier, e.g. `Asia/Shanghai`.
    public let identifier: String
    private let timeZone: TimeZone
    private let calendar: Calendar

    /// A time zone identifier the system does not know.
    ///
    /// ```swift
    /// do { _ = try PolicyCalendar(timeZone: "Asia/Beijing") } catch {
    ///     print(error.identifier)   // "Asia/Beijing": not an IANA name; Asia/Shanghai is
    /// }
    /// ```
    public struct UnknownTimeZone: Error, Equatable, Sendable, CustomStringConvertible {
        /// The identifier as given.
        public var identifier: String

        /// Creates the error for `identifier`.
        ///
        /// ```swift
        /// throw PolicyCalendar.UnknownTimeZone(identifier: "Asia/Beijing")
        /// ```
        public init(identifier: String) { self.identifier = identifier }
        public var description: String { "unknown time zone '\(identifier)' (expected an IANA name like Asia/Shanghai)" }
    }

    /// Creates a calendar for an IANA time zone such as `Asia/Shanghai`.
    ///
    /// ```swift
    /// let calendar = try PolicyCalendar(timeZone: "Europe/Berlin")
    /// ```
    public init(timeZone identifier: String) throws(UnknownTimeZone) {
        guard let zone = TimeZone(identifier: identifier) else { throw UnknownTimeZone(identifier: identifier) }
        self.init(zone, identifier: identifier)
    }

    /// Coordinated Universal Time, which every system knows.
    public static let utc = PolicyCalendar(.gmt, identifier: "UTC")

    private init(_ zone: TimeZone, identifier: String) {
        var calendar = Calendar(identifier: .iso8601)
        calendar.timeZone = zone
        calendar.firstWeekday = 2
        calendar.minimumDaysInFirstWeek = 4
        self.identifier = identifier
        self.timeZone = zone
        self.calendar = calendar
    }

    public static func == (lhs: PolicyCalendar, rhs: PolicyCalendar) -> Bool { lhs.identifier == rhs.identifier }

    /// The zone's offset from UTC at `instant`, in seconds.
    ///
    /// ```swift
    /// calendar.offsetSeconds(at: instant)   // 28800 in Asia/Shanghai
    /// ```
    public func offsetSeconds(at instant: Instant) -> Int {
        timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(instant.secondsSinceEpoch)))
    }

    /// `instant` written in RFC 3339 at this zone's offset.
    ///
    /// ```swift
    /// calendar.format(instant)   // "2026-03-02T09:41:00+08:00"
    /// ```
    public func format(_ instant: Instant) -> String {
        RFC3339.format(instant, offsetSeconds: offsetSeconds(at: instant))
    }

    /// Appends ``format(_:)`` of `instant` to `bytes`, as UTF-8.
    func append(_ instant: Instant, to bytes: inout [UInt8]) {
        RFC3339.append(instant, offsetSeconds: offsetSeconds(at: instant), to: &bytes)
    }

    /// The local calendar date of `instant`.
    ///
    /// ```swift
    /// calendar.localDate(of: instant).description   // "2026-03-02"
    /// ```
    public func localDate(of instant: Instant) -> LocalDate {
        let local = instant.secondsSinceEpoch + Int64(offsetSeconds(at: instant))
        let (days, _) = RFC3339.floorDivide(local, 86_400)
        let (year, month, day) = RFC3339.civil(daysSinceEpoch: days)
        return LocalDate(year: Int(year), month: Int(month), day: Int(day))
    }

    /// The calendar period of kind `unit` that contains `instant`.
    ///
    /// ```swift
    /// let month = calendar.period(.month, containing: instant)
    /// month.label   // "2026-03"
    /// ```
    public func period(_ unit: CalendarUnit, containing instant: Instant) -> Period {
        let local = localDate(of: instant)
        let seconds = Double(instant.secondsSinceEpoch)
        let component: Calendar.Component
        switch unit {
        case .day: component = .day
        case .isoWeek: component = .weekOfYear
        case .month, .quarter, .halfYear: component = .month
        case .year: component = .year
        }
        guard var interval = calendar.dateInterval(of: component, for: Date(timeIntervalSince1970: seconds)) else {
            return Period(unit: unit, label: label(unit, local: local, instant: instant), start: instant, end: instant)
        }
        if unit == .quarter || unit == .halfYear {
            let months = unit == .quarter ? 3 : 6
            let firstMonth = (local.month - 1) / months * months + 1
            var start = DateComponents()
            start.year = local.year
            start.month = firstMonth
            start.day = 1
            if let first = calendar.date(from: start),
               let end = calendar.date(byAdding: .month, value: months, to: first) {
                interval = DateInterval(start: first, end: end)
            }
        }
        return Period(
            unit: unit,
            label: label(unit, local: local, instant: instant),
            start: Instant(interval.start) ?? .distantPast,
            end: Instant(interval.end) ?? .distantFuture)
    }

    /// The instant of a local wall-clock time in this zone; in a daylight-saving gap
    /// the time is taken as if the clocks had not changed yet, in a repeated hour
    /// the first occurrence.
    ///
    /// ```swift
    /// calendar.instant(LocalDate(year: 2026, month: 3, day: 2), hour: 9, minute: 41)
    /// // 2026-03-02T09:41:00+08:00 in Asia/Shanghai
    /// ```
    public func instant(_ date: LocalDate, hour: Int, minute: Int, second: Int = 0, nanosecond: Int = 0) -> Instant? {
        var components = DateComponents()
        components.year = date.year
        components.month = date.month
        components.day = date.day
        components.hour = hour
        components.minute = minute
        components.second = second
        guard let found = calendar.date(from: components), let whole = Instant(found) else { return nil }
        return whole + .nanoseconds(Int64(nanosecond))
    }

    /// The instant the local day of `instant` ends (the next local midnight).
    ///
    /// ```swift
    /// calendar.endOfDay(containing: instant)   // the next local midnight
    /// ```
    public func endOfDay(containing instant: Instant) -> Instant {
        period(.day, containing: instant).end
    }

    /// The instant `years` calendar years after `instant`, to the same local time;
    /// 29 February goes to 28 February in a common year.
    ///
    /// ```swift
    /// calendar.adding(years: 4, to: leapDay)   // 29 February to 28 February
    /// ```
    public func adding(years: Int, to instant: Instant) -> Instant { adding(years, .year, to: instant) }

    /// The instant `months` calendar months after `instant`, to the same local time
    /// (31 March plus one month is 30 April).
    ///
    /// ```swift
    /// calendar.adding(months: 1, to: instant)
    /// ```
    public func adding(months: Int, to instant: Instant) -> Instant { adding(months, .month, to: instant) }

    /// The instant `days` calendar days after `instant`, to the same local time, so a
    /// day across a daylight-saving change is 23 or 25 hours.
    ///
    /// ```swift
    /// calendar.adding(days: 7, to: hiring)   // the same local time a week later, across DST
    /// ```
    public func adding(days: Int, to instant: Instant) -> Instant { adding(days, .day, to: instant) }

    private func adding(_ value: Int, _ component: Calendar.Component, to instant: Instant) -> Instant {
        let date = Date(timeIntervalSince1970: Double(instant.secondsSinceEpoch))
        guard let later = calendar.date(byAdding: component, value: value, to: date) else {
            return value < 0 ? .distantPast : .distantFuture
        }
        let fraction = instant.nanosecondsSinceEpoch - instant.secondsSinceEpoch * 1_000_000_000
        guard let whole = Instant(later) else { return value < 0 ? .distantPast : .distantFuture }
        return whole + .nanoseconds(fraction)
    }

    private func label(_ unit: CalendarUnit, local: LocalDate, instant: Instant) -> String {
        let year = String(local.year)
        switch unit {
        case .day: return local.description
        case .month: return year + "-" + (local.month < 10 ? "0" : "") + String(local.month)
        case .quarter: return year + "-Q" + String((local.month - 1) / 3 + 1)
        case .halfYear: return year + "-H" + String((local.month - 1) / 6 + 1)
        case .year: return year
        case .isoWeek:
            let date = Date(timeIntervalSince1970: Double(instant.secondsSinceEpoch))
            let week = calendar.component(.weekOfYear, from: date)
            let weekYear = calendar.component(.yearForWeekOfYear, from: date)
            return String(weekYear) + "-W" + (week < 10 ? "0" : "") + String(week)
        }
    }
}

/// A calendar period: its kind, label and the instants it spans (start inclusive,
/// end exclusive).
///
/// ```swift
/// let week = calendar.period(.isoWeek, containing: instant)
/// week.label   // "2026-W10"
/// ```
public struct Period: Hashable, Sendable {
    /// The kind of period.
    public var unit: CalendarUnit
    /// Its label, e.g. `2026-03`, `2026-Q1`, `2026-W10`.
    public var label: String
    /// Its first instant.
    public var start: Instant
    /// The first instant after it.
    public var end: Instant
}

/// A date on the local calendar, without a time; written `YYYY-MM-DD` in rule files.
///
/// ```swift
/// LocalDate(year: 2028, month: 2, day: 29).description   // "2028-02-29"
/// LocalDate(text: "2026-02-29")                         // nil
/// ```
public struct LocalDate: Hashable, Comparable, Sendable, CustomStringConvertible, Codable {
    /// The year.
    public var year: Int
    /// The month, 1 to 12.
    public var month: Int
    /// The day of the month, 1 to 31.
    public var day: Int

    /// Creates a local date.
    ///
    /// ```swift
    /// calendar.instant(LocalDate(year: 2026, month: 3, day: 2), hour: 9, minute: 0)
    /// ```
    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    public static func < (lhs: LocalDate, rhs: LocalDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    /// `YYYY-MM-DD`.
    public var description: String {
        String(year) + "-" + (month < 10 ? "0" : "") + String(month) + "-" + (day < 10 ? "0" : "") + String(day)
    }
}

extension LocalDate {
    /// Reads `YYYY-MM-DD`, a real date of the proleptic Gregorian calendar; `nil` otherwise.
    ///
    /// ```swift
    /// LocalDate(text: "2028-02-29")   // a leap day
    /// LocalDate(text: "2026-02-29")   // nil
    /// ```
    public init?(text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
              (1...12).contains(month), day >= 1 else { return nil }
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        guard day <= lengths[month - 1] else { return nil }
        self.init(year: year, month: month, day: day)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let date = LocalDate(text: text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "expected a date like 2026-03-16, found the string \(JSONString.quoted(text))")
        }
        self = date
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

extension Instant {
    /// The instant of a Foundation date, to the second; `nil` outside the range an
    /// instant can hold.
    init?(_ date: Date) {
        let seconds = date.timeIntervalSince1970.rounded()
        guard seconds.isFinite, seconds > -9_000_000_000, seconds < 9_000_000_000 else { return nil }
        self.init(secondsSinceEpoch: Int64(seconds))
    }
}
