import Foundation
import Rulebook

/// An event log written in Swift the way a timesheet reads: times in the policy's
/// zone, days set once, line numbers assigned as if the log were a file.
///
/// ```swift
/// var log = TestLog()                       // Asia/Shanghai
/// log.day = "2026-03-02"
/// log.shift("S1", for: "E1", from: "09:00", to: "18:00")    // line 1
/// let punch = log.clockIn("E1", at: "09:41")                // line 2
/// let report = try log.evaluate(policy)
/// ```
///
/// Every event goes through the real JSON Lines reader, so a test exercises exactly
/// what a log file would.
public struct TestLog: Sendable {
    /// A problem with a time or field written in a test.
    ///
    /// ```swift
    /// var log = TestLog()
    /// log.clockIn("E1", at: "25:00")
    /// log.problems.first?.description   // "test log line 1: ..."
    /// ```
    public struct Problem: Error, Equatable, Sendable, CustomStringConvertible {
        /// The line the problem is on.
        public var line: Int
        /// What is wrong.
        public var message: String
        public var description: String { "test log line \(line): \(message)" }
    }

    /// The calendar times are written in.
    public let calendar: PolicyCalendar
    /// The day that times without a date fall on, `YYYY-MM-DD`.
    public var day: String
    /// The lines written so far; line `n` is `lines[n - 1]`.
    public private(set) var lines: [String] = []
    /// Problems with what the test wrote; ``evaluate(_:asOf:)`` throws the first.
    public private(set) var problems: [Problem] = []
    /// Each line's event time, `nil` for raw lines.
    public private(set) var times: [Instant?] = []

    /// Creates an empty log in `timeZone`, with times falling on `day`.
    ///
    /// ```swift
    /// var log = TestLog(timeZone: "Europe/Berlin", day: "2026-03-29")
    /// ```
    public init(timeZone: String = "Asia/Shanghai", day: String = "2026-03-02") {
        do {
            calendar = try PolicyCalendar(timeZone: timeZone)
        } catch {
            calendar = .utc
            problems.append(Problem(line: 0, message: error.description))
        }
        self.day = day
    }

    /// The JSON Lines text of the log.
    public var text: String { lines.map { $0 + "\n" }.joined() }

    /// The line number the next event will have.
    public var nextLine: Int { lines.count + 1 }

    /// Adds an event of `type` at `time` with `fields`, and returns its line number.
    ///
    /// - Parameters:
    ///   - type: the event type, e.g. `clock.in`.
    ///   - time: `"09:41"`, `"09:41:30.5"` on ``day``, or `"2026-03-03 06:00"`.
    ///   - fields: values; write times with ``TestValue/time(_:)``.
    ///
    /// ```swift
    /// log.event("break.started", at: "12:00", ["employee": "E1"])
    /// ```
    @discardableResult
    public mutating func event(_ type: String, at time: String, _ fields: KeyValuePairs<String, TestValue> = [:]) -> Int {
        let line = nextLine
        var members = [("time", TestValue.time(time)), ("type", TestValue.text(type))]
        members.append(contentsOf: fields.map { ($0.key, $0.value) })
        let json = members.compactMap { name, value -> String? in
            guard let text = render(value, line: line) else { return nil }
            return JSONString.quoted(name) + ":" + text
        }
        lines.append("{" + json.joined(separator: ",") + "}")
        times.append(try? instant(time))
        return line
    }

    /// Adds a raw line exactly as given (a malformed line, a duplicate), and returns
    /// its line number.
    ///
    /// ```swift
    /// log.raw(#"{"time": "not a time"}"#)   // a malformed line, kept as written
    /// ```
    @discardableResult
    public mutating func raw(_ line: String) -> Int {
        lines.append(line)
        times.append(nil)
        return lines.count
    }

    /// The instant of a time written as in ``event(_:at:_:)``.
    ///
    /// ```swift
    /// let start = try log.instant("2026-03-02 09:00")
    /// ```
    public func instant(_ time: String) throws(Problem) -> Instant {
        switch resolve(time) {
        case .success(let instant): return instant
        case .failure(let problem): throw Problem(line: nextLine, message: problem.message)
        }
    }

    /// Evaluates the log with `policy`, as a file would be evaluated.
    ///
    /// - Throws: the first ``Problem`` with what the test wrote, or a `PolicyError`.
    ///
    /// ```swift
    /// let report = try log.evaluate(StandardPolicy.make(), asOf: "2026-03-02 12:00")
    /// ```
    public func evaluate(_ policy: Policy, asOf: String? = nil) throws -> EvaluationReport {
        if let problem = problems.first { throw problem }
        return try policy.evaluate(lines: lines, asOf: try asOf.map(instant))
    }

    private mutating func render(_ value: TestValue, line: Int) -> String? {
        switch value {
        case .text(let text): return JSONString.quoted(text)
        case .number(let text): return text
        case .boolean(let flag): return flag ? "true" : "false"
        case .missing: return nil
        case .time(let written):
            switch resolve(written) {
            case .success(let instant): return JSONString.quoted(calendar.format(instant))
            case .failure(let problem):
                problems.append(Problem(line: line, message: problem.message))
                return JSONString.quoted(written)
            }
        }
    }

    private func resolve(_ written: String) -> Result<Instant, TimeProblem> {
        let parts = written.split(separator: " ")
        let dateText = parts.count == 2 ? String(parts[0]) : day
        let clockText = String(parts.last ?? "")
        let date = dateText.split(separator: "-").compactMap { Int($0) }
        let clock = clockText.split(separator: ":")
        guard date.count == 3, clock.count == 2 || clock.count == 3,
              let hour = Int(clock[0]), let minute = Int(clock[1]) else {
            return .failure(TimeProblem("cannot read the time '\(written)' (write 09:41, 09:41:30.5 or 2026-03-03 06:00)"))
        }
        var second = 0, nanosecond = 0
        if clock.count == 3 {
            let secondParts = clock[2].split(separator: ".", maxSplits: 1)
            guard let whole = Int(secondParts[0]) else { return .failure(TimeProblem("cannot read the seconds of '\(written)'")) }
            second = whole
            if secondParts.count == 2 {
                let digits = String(secondParts[1].prefix(9))
                guard let fraction = Int(digits) else { return .failure(TimeProblem("cannot read the fraction of '\(written)'")) }
                nanosecond = fraction * Int(pow(10, Double(9 - digits.count)))
            }
        }
        let local = LocalDate(year: date[0], month: date[1], day: date[2])
        guard let instant = calendar.instant(local, hour: hour, minute: minute, second: second, nanosecond: nanosecond) else {
            return .failure(TimeProblem("no such time '\(written)' in \(calendar.identifier)"))
        }
        return .success(instant)
    }

    private struct TimeProblem: Error {
        var message: String
        init(_ message: String) { self.message = message }
    }
}

/// A field value written in a test.
///
/// ```swift
/// log.event("review.scored", at: "2026-04-01 10:00", ["employee": "E1", "period": "2026-03", "score": 95])
/// ```
public enum TestValue: Sendable, Equatable, ExpressibleByStringLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByBooleanLiteral, ExpressibleByFloatLiteral
{
    /// An id or text.
    case text(String)
    /// A number, written as its JSON text (`15.3`).
    case number(String)
    /// A boolean.
    case boolean(Bool)
    /// A time written as in ``TestLog/event(_:at:_:)``, converted to RFC 3339 in the
    /// log's zone.
    case time(String)
    /// No value: the field is left out.
    case missing

    /// Text: `"E001"`.
    ///
    /// ```swift
    /// log.event("clock.in", at: "09:41", ["employee": "E1"])
    /// ```
    public init(stringLiteral value: String) { self = .text(value) }
    /// A whole number: `95`.
    ///
    /// ```swift
    /// log.review("E1", period: "2026-03", score: 95, at: "2026-04-01 10:00")
    /// ```
    public init(integerLiteral value: Int) { self = .number(String(value)) }
    /// A flag: `true`.
    ///
    /// ```swift
    /// log.event("shift.scheduled", at: "2026-02-25 10:00", ["employee": "E1", "shift": "S1", "holiday": true,
    ///           "start": .time("09:00"), "end": .time("18:00")])
    /// ```
    public init(booleanLiteral value: Bool) { self = .boolean(value) }
    /// A number with a fraction: `59.5`.
    ///
    /// ```swift
    /// log.review("E1", period: "2026-03", score: 59.5, at: "2026-04-01 10:00")
    /// ```
    public init(floatLiteral value: Double) { self = .number("\(value)") }
}
