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
    public struct Step: Codable, Equatable, Hashable, Sendable {
        /// The step's name, e.g. `approved`.
        public var name: String
        /// The events that make it.
        public var events: EventSelector

        /// Creates a step.
        public init(_ name: String, _ events: EventSelector) {
            self.name = name
            self.events = events
        }
    }

    /// Why a case fails.
    public enum Failure: String, Codable, Sendable {
        /// A step is missing.
        case incomplete
        /// A case the steps name (through a lookup) does not exist.
        case unknownReference = "unknown-reference"
        /// The deadline step came at or after its deadline.
        case late
    }

    /// One possible verdict.
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
public struct StepField: Codable, Equatable, Hashable, Sendable {
    /// The step.
    public var step: String
    /// Its field.
    public var field: String

    /// Creates a step field.
    public init(step: String, field: String) {
        self.step = step
        self.field = field
    }
}

/// A step that must come, at its earliest, strictly before the earliest of the times
/// a lookup finds.
public struct StepDeadline: Codable, Equatable, Hashable, Sendable {
    /// The step.
    public var step: String
    /// Where the deadline comes from.
    public var before: Lookup

    /// Creates a deadline.
    public init(step: String, before: Lookup) {
        self.step = step
        self.before = before
    }
}

/// Cases of other events named by the steps: the latest event (by time, then line)
/// per id counts.
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
    public init(_ events: EventSelector, id: String, time: String, namedBy: [StepField]) {
        self.events = events
        self.id = id
        self.time = time
        self.namedBy = namedBy
    }
}
