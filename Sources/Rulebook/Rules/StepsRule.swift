/// Correlates the steps of one case (a request, a consent, a registration, an
/// approval, all naming the same id) and judges whether the case is complete, in
/// time, and refers to cases that exist.
///
/// ```swift
/// // A swap needs four steps, and its approval strictly before the earlier of the
/// // two shifts it names starts.
/// StepsRule(id: "swap",
///           steps: [.init("requested", EventSelector("swap.requested")), ...],
///           person: StepField(step: "requested", field: "employee"),
///           deadline: StepDeadline(step: "approved", before: Lookup(EventSelector("shift.scheduled"),
///               id: "shift", time: "start", namedBy: [StepField(step: "requested", field: "shift")])), ...)
/// ```
public struct StepsRule: Codable, Equatable, Hashable, Sendable {
    /// One step and the events that make it.
    ///
    /// ```swift
    /// StepsRule.Step("approved", EventSelector("swap.approved"))
    /// ```
    public struct Step: Codable, Equatable, Hashable, Sendable {
        /// The step's name, e.g. `approved`.
        public var name: String
        /// The events that make it.
        public var events: EventSelector

        /// Creates a step.
        ///
        /// ```swift
        /// StepsRule.Step("requested", EventSelector("swap.requested"))
        /// ```
        public init(_ name: String, _ events: EventSelector) {
            self.name = name
            self.events = events
        }
    }

    /// Why a case fails.
    ///
    /// ```swift
    /// StepsRule.Outcome(when: .incomplete, "not-effective", reason: "missing-step", message: message)
    /// ```
    public enum Failure: String, Codable, Sendable, CaseIterable {
        /// A step is missing.
        case incomplete
        /// A case the steps name (through a lookup) does not exist.
        case unknownReference = "unknown-reference"
        /// The deadline step came at or after its deadline.
        case late
    }

    /// One possible verdict.
    ///
    /// ```swift
    /// StepsRule.Outcome(when: .late, "not-effective", reason: "decided-too-late", message: message)
    /// ```
    public struct Outcome: Codable, Equatable, Hashable, Sendable {
        /// When it applies.
        public var failure: Failure
        /// The verdict's outcome.
        public var outcome: String
        /// The verdict's reason.
        public var reason: String
        /// The message; `{missing}` lists missing steps.
        public var message: Message

        /// Creates an outcome.
        ///
        /// ```swift
        /// StepsRule.Outcome(when: .unknownReference, "not-effective", reason: "case-not-scheduled", message: message)
        /// ```
        public init(when failure: Failure, _ outcome: String, reason: String, message: Message) {
            self.failure = failure
            self.outcome = outcome
            self.reason = reason
            self.message = message
        }
    }

    /// The field naming the case id in every step.
    public var id: String
    /// The steps, in their usual order.
    public var steps: [Step]
    /// The step field naming the person a verdict concerns, if any.
    public var person: StepField?
    /// A step that must come strictly before a looked-up time.
    public var deadline: StepDeadline?
    /// Looked-up cases that exclude the case from this rule when they meet a
    /// condition (a holiday shift is another rule's business).
    public var excludedWhen: [FieldCondition]
    /// The verdicts, the first whose failure holds applying.
    public var outcomes: [Outcome]

    /// Creates a steps rule.
    ///
    /// ```swift
    /// StepsRule(id: "swap", steps: steps, person: StepField(step: "requested", field: "employee"), deadline: nil,
    ///           outcomes: [.init(when: .incomplete, "not-effective", reason: "missing-step", message: message)])
    /// ```
    public init(
        id: String, steps: [Step], person: StepField?, deadline: StepDeadline?,
        excludedWhen: [FieldCondition] = [], outcomes: [Outcome]
    ) {
        self.id = id
        self.steps = steps
        self.person = person
        self.deadline = deadline
        self.excludedWhen = excludedWhen
        self.outcomes = outcomes
    }
}

/// A field of the earliest event of a step.
///
/// ```swift
/// StepField(step: "requested", field: "employee")
/// ```
public struct StepField: Codable, Equatable, Hashable, Sendable {
    /// The step.
    public var step: String
    /// Its field.
    public var field: String

    /// Creates a step field.
    ///
    /// ```swift
    /// StepField(step: "requested", field: "counterpart")
    /// ```
    public init(step: String, field: String) {
        self.step = step
        self.field = field
    }
}

/// A step that must come, at its earliest, strictly before the earliest of the times
/// a lookup finds.
///
/// ```swift
/// StepDeadline(step: "approved", before: Lookup(EventSelector("shift.scheduled"), id: "shift", time: "start",
///                                               namedBy: [StepField(step: "requested", field: "shift")]))
/// ```
public struct StepDeadline: Codable, Equatable, Hashable, Sendable {
    /// The step.
    public var step: String
    /// Where the deadline comes from.
    public var before: Lookup

    /// Creates a deadline.
    ///
    /// ```swift
    /// StepDeadline(step: "approved", before: shiftStarts)
    /// ```
    public init(step: String, before: Lookup) {
        self.step = step
        self.before = before
    }
}

/// Cases of other events named by the steps: the latest event (by time, then line)
/// per id counts.
///
/// ```swift
/// Lookup(EventSelector("shift.scheduled"), id: "shift", time: "start",
///        namedBy: [StepField(step: "requested", field: "shift")])
/// ```
public struct Lookup: Codable, Equatable, Hashable, Sendable {
    /// The events that define the looked-up cases.
    public var events: EventSelector
    /// Their field holding the id.
    public var id: String
    /// Their field holding the time that matters.
    public var time: String
    /// The step fields that name looked-up ids.
    public var namedBy: [StepField]

    /// Creates a lookup.
    ///
    /// ```swift
    /// Lookup(EventSelector("shift.scheduled"), id: "shift", time: "start", namedBy: [StepField(step: "requested", field: "shift")])
    /// ```
    public init(_ events: EventSelector, id: String, time: String, namedBy: [StepField]) {
        self.events = events
        self.id = id
        self.time = time
        self.namedBy = namedBy
    }
}

extension StepsRule {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: RuleFileKey.self)
        container.expectOnly(["id", "steps", "person", "deadline", "excludedWhen", "outcomes"], decoder)
        id = try container.decode(String.self, forKey: "id")
        steps = try container.decode([Step].self, forKey: "steps")
        person = try container.decodeIfPresent(StepField.self, forKey: "person")
        deadline = try container.decodeIfPresent(StepDeadline.self, forKey: "deadline")
        excludedWhen = try container.decodeIfPresent([FieldCondition].self, forKey: "excludedWhen") ?? []
        outcomes = try container.decode([Outcome].self, forKey: "outcomes")
        guard let context = decoder.ruleFileContext else { return }
        for step in steps { context.check(field: id, of: step.events, at: decoder.codingPath + [RuleFileKey("id")]) }
        let byName = Dictionary(steps.map { ($0.name, $0.events) }, uniquingKeysWith: { first, _ in first })
        func check(_ field: StepField, at path: [any CodingKey]) {
            guard let events = byName[field.step] else {
                context.report(at: path + [RuleFileKey("step")], "unknown step '\(field.step)'"
                    + RuleFileContext.suggestion(for: field.step, among: Set(byName.keys))
                    + " (expected one of " + steps.map { "'\($0.name)'" }.joined(separator: ", ") + ")")
                return
            }
            context.check(field: field.field, of: events, at: path + [RuleFileKey("field")])
        }
        if let person { check(person, at: decoder.codingPath + [RuleFileKey("person")]) }
        if let deadline {
            let path = decoder.codingPath + [RuleFileKey("deadline")]
            if byName[deadline.step] == nil { check(StepField(step: deadline.step, field: id), at: path) }
            for (index, named) in deadline.before.namedBy.enumerated() {
                check(named, at: path + [RuleFileKey("before"), RuleFileKey("namedBy"), IndexCodingKey(index)])
            }
            for (index, condition) in excludedWhen.enumerated() {
                context.check(field: condition.field, of: deadline.before.events,
                              at: decoder.codingPath + [RuleFileKey("excludedWhen"), IndexCodingKey(index), RuleFileKey("field")])
            }
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: RuleFileKey.self)
        try container.encode(id, forKey: "id")
        try container.encode(steps, forKey: "steps")
        try container.encodeIfPresent(person, forKey: "person")
        try container.encodeIfPresent(deadline, forKey: "deadline")
        try container.encode(excludedWhen, forKey: "excludedWhen", unless: [])
        try container.encode(outcomes, forKey: "outcomes")
    }
}

extension StepsRule.Step {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: RuleFileKey.self)
        container.expectOnly(["name", "events"], decoder)
        self.init(try container.decode(String.self, forKey: "name"), try container.decode(EventSelector.self, forKey: "events"))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: RuleFileKey.self)
        try container.encode(name, forKey: "name")
        try container.encode(events, forKey: "events")
    }
}

extension StepsRule.Outcome {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: RuleFileKey.self)
        container.expectOnly(["when", "outcome", "reason", "message"], decoder)
        let failure = try container.choice(StepsRule.Failure.self, "when")
        let wording = try container.verdictWording()
        self.init(when: failure, wording.outcome, reason: wording.reason, message: wording.message)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: RuleFileKey.self)
        try container.encode(failure, forKey: "when")
        try container.encode(outcome: outcome, reason: reason, message: message)
    }
}

extension StepField {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: RuleFileKey.self)
        container.expectOnly(["step", "field"], decoder)
        self.init(step: try container.decode(String.self, forKey: "step"), field: try container.decode(String.self, forKey: "field"))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: RuleFileKey.self)
        try container.encode(step, forKey: "step")
        try container.encode(field, forKey: "field")
    }
}

extension StepDeadline {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: RuleFileKey.self)
        container.expectOnly(["step", "before"], decoder)
        self.init(step: try container.decode(String.self, forKey: "step"), before: try container.decode(Lookup.self, forKey: "before"))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: RuleFileKey.self)
        try container.encode(step, forKey: "step")
        try container.encode(before, forKey: "before")
    }
}

extension Lookup {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: RuleFileKey.self)
        container.expectOnly(["events", "id", "time", "namedBy"], decoder)
        events = try container.decode(EventSelector.self, forKey: "events")
        id = try container.field("id", of: events, decoder)
        time = try container.field("time", of: events, decoder)
        namedBy = try container.decode([StepField].self, forKey: "namedBy")
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: RuleFileKey.self)
        try container.encode(events, forKey: "events")
        try container.encode(id, forKey: "id")
        try container.encode(time, forKey: "time")
        try container.encode(namedBy, forKey: "namedBy")
    }
}
