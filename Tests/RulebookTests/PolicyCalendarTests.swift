import Rulebook
import Testing

@Suite("Calendar periods in a time zone")
struct PolicyCalendarTests {
    let shanghai: PolicyCalendar
    init() throws { shanghai = try PolicyCalendar(timeZone: "Asia/Shanghai") }

    @Test("Labels of the periods containing 2026-03-31 23:30 in Shanghai", arguments: [
        (CalendarUnit.day, "2026-03-31"), (.isoWeek, "2026-W14"), (.month, "2026-03"), (.quarter, "2026-Q1"),
        (.halfYear, "2026-H1"), (.year, "2026"),
    ])
    func labels(unit: CalendarUnit, label: String) throws {
        let instant = try RFC3339.parse("2026-03-31T23:30:00+08:00")
        #expect(shanghai.period(unit, containing: instant).label == label)
    }

    @Test func aMonthIsTakenInThePolicysZoneNotUTC() throws {
        // 2026-03-31T16:30Z is already April 1st in Shanghai.
        let instant = try RFC3339.parse("2026-03-31T16:30:00Z")
        let april = shanghai.period(.month, containing: instant)
        #expect(april.label == "2026-04")
        #expect(april.start == (try RFC3339.parse("2026-04-01T00:00:00+08:00")))
        #expect(april.end == (try RFC3339.parse("2026-05-01T00:00:00+08:00")))
    }

    @Test func quarterAndHalfYearBoundaries() throws {
        let instant = try RFC3339.parse("2026-08-15T12:00:00+08:00")
        let quarter = shanghai.period(.quarter, containing: instant)
        #expect(quarter.start == (try RFC3339.parse("2026-07-01T00:00:00+08:00")))
        #expect(quarter.end == (try RFC3339.parse("2026-10-01T00:00:00+08:00")))
        let half = shanghai.period(.halfYear, containing: instant)
        #expect(half.label == "2026-H2")
        #expect(half.end == (try RFC3339.parse("2027-01-01T00:00:00+08:00")))
    }

    @Test func theISOWeekOfNewYearsDayCanBelongToTheYearBefore() throws {
        #expect(shanghai.period(.isoWeek, containing: try RFC3339.parse("2027-01-01T12:00:00+08:00")).label == "2026-W53")
    }

    @Test func aDaylightSavingDayIsTwentyThreeHoursLong() throws {
        let newYork = try PolicyCalendar(timeZone: "America/New_York")
        let day = newYork.period(.day, containing: try RFC3339.parse("2026-03-08T12:00:00-04:00"))
        #expect(day.end - day.start == .seconds(23 * 3600))
        #expect(newYork.format(day.start) == "2026-03-08T00:00:00-05:00")
    }

    @Test func addingFourYearsToALeapDayLandsOnTheTwentyEighth() throws {
        let start = try RFC3339.parse("2028-02-29T10:00:00+08:00")
        #expect(shanghai.adding(years: 1, to: start) == (try RFC3339.parse("2029-02-28T10:00:00+08:00")))
        #expect(shanghai.adding(years: 4, to: start) == (try RFC3339.parse("2032-02-29T10:00:00+08:00")))
    }

    @Test func anUnknownZoneIsAnError() {
        #expect(throws: PolicyCalendar.UnknownTimeZone(identifier: "Asia/Shangai")) {
            try PolicyCalendar(timeZone: "Asia/Shangai")
        }
    }
}
