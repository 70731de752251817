/// The event types of the project's event-log format, written the way a timesheet
/// reads. Each returns the line number of the event it adds (the first, for several).
extension TestLog {
    /// A shift on the roster, published at `published` (default: 10:00 a week
    /// before the shift's day).
    ///
    /// ```swift
    /// log.shift("S1", for: "E1", from: "09:00", to: "18:00", team: "A")
    /// ```
    @discardableResult
    public mutating func shift(
        _ shift: String, for employee: String, from start: String, to end: String,
        holiday: Bool = false, team: String? = nil, published: String? = nil
    ) -> Int {
        let publishedAt = published ?? (weekBefore(start) + " 10:00")
        return event("shift.scheduled", at: publishedAt, [
            "employee": .text(employee), "shift": .text(shift), "start": .time(start), "end": .time(end),
            "holiday": holiday ? true : .missing, "team": team.map(TestValue.text) ?? .missing,
        ])
    }

    /// A punch at the start of work.
    ///
    /// ```swift
    /// log.clockIn("E1", at: "09:41")
    /// ```
    @discardableResult
    public mutating func clockIn(_ employee: String, at time: String) -> Int {
        event("clock.in", at: time, ["employee": .text(employee)])
    }

    /// A punch at the end of work.
    ///
    /// ```swift
    /// log.clockOut("E1", at: "17:45")
    /// ```
    @discardableResult
    public mutating func clockOut(_ employee: String, at time: String) -> Int {
        event("clock.out", at: time, ["employee": .text(employee)])
    }

    /// A supervisor confirms `employee` worked `shift` although a punch is missing.
    ///
    /// ```swift
    /// log.punchConfirmed("E1", shift: "S1", at: "2026-03-03 10:00")
    /// ```
    @discardableResult
    public mutating func punchConfirmed(_ employee: String, shift: String, at time: String, by supervisor: String = "M01") -> Int {
        event("punch.confirmed", at: time, ["employee": .text(employee), "shift": .text(shift), "by": .text(supervisor)])
    }

    /// Approved leave for a whole shift.
    ///
    /// ```swift
    /// log.leave("E1", shift: "S1", at: "2026-03-01 12:00")
    /// ```
    @discardableResult
    public mutating func leave(_ employee: String, shift: String, at time: String, by supervisor: String = "M01") -> Int {
        event("leave.approved", at: time, ["employee": .text(employee), "shift": .text(shift), "by": .text(supervisor)])
    }

    /// Approved field work during a shift.
    ///
    /// ```swift
    /// log.fieldWork("E1", shift: "S1", at: "16:00")
    /// ```
    @discardableResult
    public mutating func fieldWork(_ employee: String, shift: String, at time: String, by supervisor: String = "M01") -> Int {
        event("fieldwork.approved", at: time, ["employee": .text(employee), "shift": .text(shift), "by": .text(supervisor)])
    }

    /// The employee need not punch.
    ///
    /// ```swift
    /// log.exemption("E9", at: "2026-03-01 09:00")
    /// ```
    @discardableResult
    public mutating func exemption(_ employee: String, at time: String, by manager: String = "GM") -> Int {
        event("exemption.granted", at: time, ["employee": .text(employee), "by": .text(manager)])
    }

    /// A hiring, with a role (`agent`, `supervisor`, `manager`, `executive`).
    ///
    /// ```swift
    /// log.hired("E5", as: "supervisor", at: "2026-01-05 09:00")
    /// ```
    @discardableResult
    public mutating func hired(_ employee: String, as role: String? = nil, at time: String) -> Int {
        event("employee.hired", at: time, ["employee": .text(employee), "role": role.map(TestValue.text) ?? .missing])
    }

    /// A leaving.
    ///
    /// ```swift
    /// log.left("E5", at: "2026-06-30 18:00")
    /// ```
    @discardableResult
    public mutating func left(_ employee: String, at time: String) -> Int {
        event("employee.left", at: time, ["employee": .text(employee)])
    }

    /// A swap with the steps given times: `requester` gives away `shift` to
    /// `counterpart` and works `returnShift` in return. A step left `nil` is missing.
    ///
    /// ```swift
    /// log.swap("W1", requester: "E1", counterpart: "E2", shift: "S1", returnShift: "S2",
    ///          requested: "2026-02-25 09:00", consented: "2026-02-25 10:00", registered: "2026-02-25 11:00",
    ///          approved: nil)   // never approved: not effective
    /// ```
    @discardableResult
    public mutating func swap(
        _ swap: String, requester: String, counterpart: String, shift: String, returnShift: String,
        requested: String?, consented: String?, registered: String?, approved: String?, by manager: String = "M01"
    ) -> Int {
        let first = nextLine
        if let requested {
            event("swap.requested", at: requested, [
                "swap": .text(swap), "employee": .text(requester), "counterpart": .text(counterpart),
                "shift": .text(shift), "counterpartShift": .text(returnShift),
            ])
        }
        if let consented { event("swap.consented", at: consented, ["swap": .text(swap)]) }
        if let registered { event("swap.registered", at: registered, ["swap": .text(swap)]) }
        if let approved { event("swap.approved", at: approved, ["swap": .text(swap), "by": .text(manager)]) }
        return first
    }

    /// A customer inquiry.
    ///
    /// ```swift
    /// log.inquiry("T1", at: "10:00", to: "E1", channel: "chat", complex: true)
    /// ```
    @discardableResult
    public mutating func inquiry(
        _ ticket: String, at time: String, to employee: String? = nil, channel: String? = nil, complex: Bool = false
    ) -> Int {
        event("inquiry.received", at: time, [
            "ticket": .text(ticket), "employee": employee.map(TestValue.text) ?? .missing,
            "channel": channel.map(TestValue.text) ?? .missing, "complexity": complex ? "complex" : .missing,
        ])
    }

    /// The first reply to a customer.
    ///
    /// ```swift
    /// log.responded("T1", by: "E1", at: "10:03")
    /// ```
    @discardableResult
    public mutating func responded(_ ticket: String, by employee: String, at time: String) -> Int {
        event("inquiry.responded", at: time, ["ticket": .text(ticket), "employee": .text(employee)])
    }

    /// The question answered in full.
    ///
    /// ```swift
    /// log.answered("T1", by: "E1", at: "10:25")
    /// ```
    @discardableResult
    public mutating func answered(_ ticket: String, by employee: String, at time: String) -> Int {
        event("inquiry.answered", at: time, ["ticket": .text(ticket), "employee": .text(employee)])
    }

    /// A course and its total length.
    ///
    /// ```swift
    /// log.course("C1", totalMinutes: 600, kind: "qualification", cost: 900, at: "2026-02-27 09:00")
    /// ```
    @discardableResult
    public mutating func course(
        _ course: String, totalMinutes: TestValue, kind: String? = nil, cost: TestValue = .missing, at time: String
    ) -> Int {
        event("course.scheduled", at: time, [
            "course": .text(course), "totalMinutes": totalMinutes, "kind": kind.map(TestValue.text) ?? .missing, "cost": cost,
        ])
    }

    /// One session of a course attended for `attended` of `scheduled` minutes.
    ///
    /// ```swift
    /// log.attended("E2", course: "C1", session: "1", scheduled: 300, attended: 100, at: "2026-03-03 17:00")
    /// ```
    @discardableResult
    public mutating func attended(
        _ employee: String, course: String, session: String, scheduled: TestValue, attended: TestValue, at time: String
    ) -> Int {
        event("training.attended", at: time, [
            "employee": .text(employee), "course": .text(course), "session": .text(session),
            "scheduledMinutes": scheduled, "attendedMinutes": attended,
        ])
    }

    /// The course ended for this employee.
    ///
    /// ```swift
    /// log.completed("E2", course: "C1", at: "2026-03-04 17:00")
    /// ```
    @discardableResult
    public mutating func completed(_ employee: String, course: String, at time: String) -> Int {
        event("training.completed", at: time, ["employee": .text(employee), "course": .text(course)])
    }

    /// A monthly review score.
    ///
    /// ```swift
    /// log.review("E1", period: "2026-03", score: 95, at: "2026-04-01 10:00")
    /// ```
    @discardableResult
    public mutating func review(_ employee: String, period: String, score: TestValue, at time: String) -> Int {
        event("review.scored", at: time, ["employee": .text(employee), "period": .text(period), "score": score])
    }

    /// The date seven days before the date of `time` (or of ``day``), as `YYYY-MM-DD`.
    private func weekBefore(_ time: String) -> String {
        guard let instant = try? self.instant(time) else { return day }
        return calendar.localDate(of: calendar.adding(days: -7, to: instant)).description
    }
}
