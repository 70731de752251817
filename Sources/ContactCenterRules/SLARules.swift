import Rulebook

/// The response-time rules of `presales`: each inquiry is a case that expects a first
/// response, and a complex one a full answer, within a limit. A breach is certain,
/// and reported, the moment the limit passes.
///
/// ```swift
/// var sla = SLAParameters()
/// sla.firstResponseByChannel = ["chat": .seconds(60)]
/// let rules = SLARules.rules(sla)
/// ```
public enum SLARules {
    /// The rule ids.
    ///
    /// ```swift
    /// verdict.rule == SLARules.ID.firstResponse   // "sla.first-response"
    /// ```
    public enum ID {
        /// The first response came late or never.
        public static let firstResponse = "sla.first-response"
        /// A complex inquiry was not answered in full in time.
        public static let complexAnswer = "sla.complex-answer"
    }

    /// `sla.first-response` and `sla.complex-answer` with the given parameters.
    ///
    /// ```swift
    /// var sla = SLAParameters()
    /// sla.complexAnswer = .seconds(20 * 60)
    /// let rules = SLARules.rules(sla)
    /// ```
    public static func rules(_ parameters: SLAParameters = .init()) -> [Rule] {
        let overridden = parameters.firstResponseByChannel.keys.sorted()
        var parts = overridden.map { channel in
            firstResponsePart(EventSelector("inquiry.received", where: .equals("channel", [channel])),
                              limit: parameters.firstResponseByChannel[channel] ?? parameters.firstResponse)
        }
        let others = overridden.isEmpty
            ? EventSelector("inquiry.received")
            : EventSelector("inquiry.received", where: .notEquals("channel", overridden))
        parts.append(firstResponsePart(others, limit: parameters.firstResponse))

        let firstResponse = Rule(
            id: ID.firstResponse, title: "First response in time", clause: HandbookClauses.firstResponse,
            parts.count == 1 ? parts[0] : .union(parts))
        let complexAnswer = Rule(
            id: ID.complexAnswer, title: "Complex inquiries answered in time", clause: HandbookClauses.complexAnswer,
            deadline(EventSelector("inquiry.received", where: .equals("complexity", ["complex"])),
                     expecting: Expectation("answer", EventSelector("inquiry.answered"),
                                            correlation: .caseID(field: "ticket"), person: "employee"),
                     within: parameters.complexAnswer,
                     late: Message(
                        en: "Complex inquiry {subject} was answered in full {value} minutes after it came in; the limit is \(DurationWords.en(parameters.complexAnswer)).",
                        zh: "複雜問題 {subject} 在諮詢後 {value} 分鐘才完整回復, 超過 \(DurationWords.zh(parameters.complexAnswer)) 時限。"),
                     never: Message(
                        en: "Complex inquiry {subject} was not answered in full within \(DurationWords.en(parameters.complexAnswer)).",
                        zh: "複雜問題 {subject} 未在 \(DurationWords.zh(parameters.complexAnswer)) 內完整回復。")))
        return [firstResponse, complexAnswer]
    }

    private static func firstResponsePart(_ inquiries: EventSelector, limit: Duration) -> Rule.Kind {
        deadline(inquiries,
                 expecting: Expectation("response", EventSelector("inquiry.responded"),
                                        correlation: .caseID(field: "ticket"), person: "employee"),
                 within: limit,
                 late: Message(
                    en: "Inquiry {subject} got its first response {value} minutes after it came in; the limit is \(DurationWords.en(limit)).",
                    zh: "諮詢 {subject} 在 {value} 分鐘後才首次響應, 超過 \(DurationWords.zh(limit)) 時限。"),
                 never: Message(
                    en: "Inquiry {subject} got no response within \(DurationWords.en(limit)).",
                    zh: "諮詢 {subject} 未在 \(DurationWords.zh(limit)) 內響應。"))
    }

    /// An inquiry that expects an event within `limit`: breached when it comes later
    /// or never, certain at the deadline. The earliest inquiry of a ticket counts.
    private static func deadline(
        _ inquiries: EventSelector, expecting expectation: Expectation, within limit: Duration, late: Message, never: Message
    ) -> Rule.Kind {
        let due = CasePoint.start(plus: limit)
        return .schedule(ScheduleRule(
            Schedule(cases: CaseSource(inquiries, id: "ticket", owner: "employee", start: .eventTime, end: .eventTime,
                                       keeps: .earliest),
                     expectations: [expectation], closes: due),
            outcomes: [
                ScheduleOutcome("breached", reason: "late-\(expectation.name)",
                                when: .measure(Measure(expectation.name, .after, .start()), above: limit, atMost: nil),
                                at: .point(due), message: late),
                ScheduleOutcome("breached", reason: "no-\(expectation.name)", when: .missing(.unexcused),
                                at: .point(due), message: never),
            ]))
    }
}

/// Durations in words for messages: `5 minutes`, `20 seconds`, `24 hours`.
enum DurationWords {
    static func en(_ duration: Duration) -> String {
        let (amount, unit) = split(duration)
        return amount + " " + (amount == "1" ? unit : unit + "s")
    }

    static func zh(_ duration: Duration) -> String {
        let (amount, unit) = split(duration)
        let words = ["second": "秒", "minute": "分鐘", "hour": "小時", "day": "天"]
        return amount + " " + (words[unit] ?? unit)
    }

    private static func split(_ duration: Duration) -> (String, String) {
        let text = duration.shortText
        let units = ["d": "day", "h": "hour", "m": "minute", "s": "second"]
        guard let last = text.last, let unit = units[String(last)] else { return (text, "") }
        return (String(text.dropLast()), unit)
    }
}
