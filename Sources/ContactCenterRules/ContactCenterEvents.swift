import Foundation
import Rulebook

/// The event types of a contact center's logs: attendance, shift swaps, customer
/// inquiries, training, people and reviews, with the fields each requires.
///
/// ```swift
/// ContactCenterEvents.schema.types["clock.in"]?.required.map(\.name)   // ["employee"]
/// ```
public enum ContactCenterEvents {
    /// The schema every standard policy reads.
    public static let schema = EventSchema([
        EventType("shift.scheduled",
                  required: [.init("employee", .id), .init("shift", .id), .init("start", .time), .init("end", .time)],
                  optional: [.init("holiday", .boolean), .init("team", .id)]),
        EventType("clock.in", required: [.init("employee", .id)]),
        EventType("clock.out", required: [.init("employee", .id)]),
        EventType("punch.confirmed", required: [.init("employee", .id), .init("shift", .id), .init("by", .id)]),
        EventType("leave.approved", required: [.init("employee", .id), .init("shift", .id), .init("by", .id)]),
        EventType("fieldwork.approved", required: [.init("employee", .id), .init("shift", .id), .init("by", .id)]),
        EventType("exemption.granted", required: [.init("employee", .id), .init("by", .id)]),
        EventType("swap.requested",
                  required: [.init("swap", .id), .init("employee", .id), .init("counterpart", .id),
                             .init("shift", .id), .init("counterpartShift", .id)]),
        EventType("swap.consented", required: [.init("swap", .id)]),
        EventType("swap.registered", required: [.init("swap", .id)]),
        EventType("swap.approved", required: [.init("swap", .id), .init("by", .id)]),
        EventType("inquiry.received",
                  required: [.init("ticket", .id)],
                  optional: [.init("employee", .id), .init("channel", .text()),
                             .init("complexity", .text(oneOf: ["simple", "complex"]))]),
        EventType("inquiry.responded", required: [.init("ticket", .id), .init("employee", .id)]),
        EventType("inquiry.answered", required: [.init("ticket", .id), .init("employee", .id)]),
        EventType("course.scheduled",
                  required: [.init("course", .id), .init("totalMinutes", .number(minimum: 0))],
                  optional: [.init("kind", .text(oneOf: ["onboarding", "qualification", "promotion", "general"])),
                             .init("cost", .number(minimum: 0))]),
        EventType("training.attended",
                  required: [.init("employee", .id), .init("course", .id), .init("session", .id),
                             .init("scheduledMinutes", .number(minimum: 0)),
                             .init("attendedMinutes", .number(minimum: 0))]),
        EventType("training.completed", required: [.init("employee", .id), .init("course", .id)]),
        EventType("employee.hired",
                  required: [.init("employee", .id)],
                  optional: [.init("role", .text(oneOf: ["agent", "supervisor", "manager", "executive"]))]),
        EventType("employee.left", required: [.init("employee", .id)]),
        EventType("review.scored",
                  required: [.init("employee", .id), .init("period", .month), .init("score", .number(minimum: 0, maximum: 100))]),
    ])
}
