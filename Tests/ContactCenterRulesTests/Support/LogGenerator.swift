import Foundation
import RulebookTesting

/// Generates small logs that cover every event type, with times and values around
/// every threshold of the standard pack. Each line carries an `"id"` field (unknown to
/// the schema, so ignored by evaluation) that names the event whatever line it is on.
struct LogGenerator {
    var random: SeededGenerator
    private(set) var lines: [String] = []
    private var nextID = 1

    init(seed: UInt64) { random = SeededGenerator(seed: seed) }

    /// A log of `people` agents over the first `days` days of March 2026.
    static func log(seed: UInt64, people: Int = 3, days: Int = 6) -> [String] {
        var generator = LogGenerator(seed: seed)
        generator.generate(people: people, days: days)
        return generator.lines
    }

    private mutating func emit(_ fields: [(String, String)]) {
        let body = fields.map { "\"\($0.0)\":\($0.1)" }.joined(separator: ",")
        lines.append("{\"id\":\(nextID)," + body + "}")
        nextID += 1
    }

    private func time(_ day: Int, _ seconds: Int) -> String {
        let total = seconds + (day - 1) * 86_400
        let d = total / 86_400 + 1, s = total % 86_400
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\"2026-03-\(two(d))T\(two(s / 3600)):\(two(s % 3600 / 60)):\(two(s % 60))+08:00\""
    }

    private mutating func pick<T>(_ values: [T]) -> T { values[Int.random(in: 0..<values.count, using: &random)] }

    /// An offset in seconds around the thresholds that matter: 0, 30 minutes, 2 and 4 hours.
    private mutating func offset() -> Int {
        pick([-7201, -7200, -600, -60, 0, 1, 60, 599, 1799, 1800, 1801, 2700, 14_400, 14_401])
    }

    private mutating func generate(people: Int, days: Int) {
        let staff = (1...people).map { "E\($0)" }
        emit([("time", time(1, 0)), ("type", "\"course.scheduled\""), ("course", "\"C1\""), ("totalMinutes", "600"),
              ("kind", "\"qualification\""), ("cost", "1200")])
        for person in staff {
            emit([("time", time(1, 1)), ("type", "\"employee.hired\""), ("employee", "\"\(person)\""),
                  ("role", "\"\(pick(["agent", "agent", "supervisor", "executive"]))\"")])
        }
        var shiftNumber = 0
        var shiftsOf: [String: [String]] = [:]
        for day in 1...days {
            for person in staff where Int.random(in: 0..<5, using: &random) > 0 {
                shiftNumber += 1
                let shift = "S\(shiftNumber)"
                shiftsOf[person, default: []].append(shift)
                let start = 9 * 3600, end = 18 * 3600
                var fields = [("time", time(1, 2)), ("type", "\"shift.scheduled\""), ("employee", "\"\(person)\""),
                              ("shift", "\"\(shift)\""), ("start", time(day, start)), ("end", time(day, end))]
                if Int.random(in: 0..<10, using: &random) == 0 { fields.append(("holiday", "true")) }
                if Int.random(in: 0..<3, using: &random) == 0 { fields.append(("team", "\"T\"")) }
                emit(fields)
                if Int.random(in: 0..<8, using: &random) > 0 {
                    emit([("time", time(day, start + offset())), ("type", "\"clock.in\""), ("employee", "\"\(person)\"")])
                }
                if Int.random(in: 0..<8, using: &random) > 0 {
                    emit([("time", time(day, end - offset())), ("type", "\"clock.out\""), ("employee", "\"\(person)\"")])
                }
                switch Int.random(in: 0..<12, using: &random) {
                case 0: emit([("time", time(day + Int.random(in: 0...2, using: &random), 20 * 3600)), ("type", "\"punch.confirmed\""),
                              ("employee", "\"\(person)\""), ("shift", "\"\(shift)\""), ("by", "\"M\"")])
                case 1: emit([("time", time(max(1, day - 1), 12 * 3600)), ("type", "\"leave.approved\""),
                              ("employee", "\"\(person)\""), ("shift", "\"\(shift)\""), ("by", "\"M\"")])
                case 2: emit([("time", time(day + Int.random(in: 0...1, using: &random), 11 * 3600)), ("type", "\"fieldwork.approved\""),
                              ("employee", "\"\(person)\""), ("shift", "\"\(shift)\""), ("by", "\"M\"")])
                default: break
                }
                for _ in 0..<Int.random(in: 0...2, using: &random) {
                    let ticket = "T\(nextID)"
                    let received = start + Int.random(in: 0..<28_000, using: &random)
                    var inquiry = [("time", time(day, received)), ("type", "\"inquiry.received\""), ("ticket", "\"\(ticket)\""),
                                   ("employee", "\"\(person)\""), ("channel", "\"\(pick(["phone", "chat", "email"]))\"")]
                    let complex = Int.random(in: 0..<3, using: &random) == 0
                    if complex { inquiry.append(("complexity", "\"complex\"")) }
                    emit(inquiry)
                    if Int.random(in: 0..<6, using: &random) > 0 {
                        emit([("time", time(day, received + pick([1, 299, 300, 301, 900]))), ("type", "\"inquiry.responded\""),
                              ("ticket", "\"\(ticket)\""), ("employee", "\"\(person)\"")])
                    }
                    if complex, Int.random(in: 0..<4, using: &random) > 0 {
                        emit([("time", time(day, received + pick([600, 1800, 1801]))), ("type", "\"inquiry.answered\""),
                              ("ticket", "\"\(ticket)\""), ("employee", "\"\(person)\"")])
                    }
                }
            }
        }
        for person in staff {
            for session in 1...3 where Int.random(in: 0..<4, using: &random) > 0 {
                emit([("time", time(session * 2, 17 * 3600)), ("type", "\"training.attended\""), ("employee", "\"\(person)\""),
                      ("course", "\"C1\""), ("session", "\"\(session)\""), ("scheduledMinutes", "120"),
                      ("attendedMinutes", pick(["120", "20", "53.3", "0"]))])
            }
            if Int.random(in: 0..<2, using: &random) == 0 {
                emit([("time", time(days, 19 * 3600)), ("type", "\"training.completed\""), ("employee", "\"\(person)\""), ("course", "\"C1\"")])
            }
            if Int.random(in: 0..<4, using: &random) == 0 {
                emit([("time", time(days + 1, 18 * 3600)), ("type", "\"employee.left\""), ("employee", "\"\(person)\"")])
            }
            emit([("time", time(days, 10 * 3600)), ("type", "\"review.scored\""), ("employee", "\"\(person)\""),
                  ("period", "\"2026-02\""), ("score", pick(["59", "60", "89.9", "90", "95"]))])
        }
        if staff.count >= 2, let first = shiftsOf[staff[0]]?.first, let second = shiftsOf[staff[1]]?.last {
            let swap = "W\(nextID)"
            emit([("time", time(1, 3)), ("type", "\"swap.requested\""), ("swap", "\"\(swap)\""), ("employee", "\"\(staff[0])\""),
                  ("counterpart", "\"\(staff[1])\""), ("shift", "\"\(first)\""), ("counterpartShift", "\"\(second)\"")])
            for step in ["swap.consented", "swap.registered", "swap.approved"] where Int.random(in: 0..<6, using: &random) > 0 {
                var fields = [("time", time(1, 4 * 3600)), ("type", "\"\(step)\""), ("swap", "\"\(swap)\"")]
                if step == "swap.approved" { fields.append(("by", "\"M\"")) }
                emit(fields)
            }
        }
        if Int.random(in: 0..<3, using: &random) == 0 {
            emit([("time", time(2, 8 * 3600)), ("type", "\"exemption.granted\""), ("employee", "\"\(pick(staff))\""), ("by", "\"GM\"")])
        }
    }
}
