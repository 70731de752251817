import Rulebook

/// Which verdicts a supervisor asked to see: some people, a span of days.
struct VerdictFilter {
    var employees: Set<String>
    var since: Instant?
    var until: Instant?

    /// Resolves the options' days and times in the policy's calendar. A day as
    /// `--until` includes the whole day.
    init(_ options: CheckOptions, calendar: PolicyCalendar) throws(CheckOptions.UsageError) {
        employees = options.employees
        since = try options.since.map { text throws(CheckOptions.UsageError) in
            try Self.instant(text, option: "--since", calendar: calendar, endOfDay: false)
        }
        until = try options.until.map { text throws(CheckOptions.UsageError) in
            try Self.instant(text, option: "--until", calendar: calendar, endOfDay: true)
        }
    }

    func includes(_ verdict: Verdict) -> Bool {
        if !employees.isEmpty, !employees.contains(verdict.employee ?? "") { return false }
        if let since, verdict.time < since { return false }
        if let until, verdict.time >= until { return false }
        return true
    }

    private static func instant(
        _ text: String, option: String, calendar: PolicyCalendar, endOfDay: Bool
    ) throws(CheckOptions.UsageError) -> Instant {
        if let instant = try? RFC3339.parse(text) { return instant }
        let parts = text.split(separator: "-").compactMap { Int($0) }
        // The calendar rolls a day that does not exist (2026-02-30) into the next month.
        guard parts.count == 3, text.count == 10,
              case let day = LocalDate(year: parts[0], month: parts[1], day: parts[2]),
              let start = calendar.instant(day, hour: 0, minute: 0), calendar.localDate(of: start) == day
        else { throw CheckOptions.UsageError(description: "\(option) must be a day like 2026-03-02 or a time like 2026-03-02T09:00:00+08:00, not '\(text)'") }
        return endOfDay ? calendar.endOfDay(containing: start) : start
    }
}
