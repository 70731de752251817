/// Why a policy cannot be evaluated.
///
/// ```swift
/// do { _ = try Evaluation(policy: policy) } catch {
///     print(error)   // e.g. unknown time zone 'Mars/Olympus' (expected an IANA name like Asia/Shanghai)
/// }
/// ```
public enum PolicyError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The policy's time zone is not a known IANA name.
    case unknownTimeZone(String)
    /// Two rules share an id, and their effective periods overlap.
    case duplicateRule(String)
    /// A rule reads the verdicts of a rule the policy does not have.
    case unknownInputRule(rule: String, input: String)
    /// Rules read each other's verdicts in a cycle.
    case cycle([String])
    /// A union has a part that reads verdicts; parts must read events.
    case unsupportedUnionPart(rule: String)

    public var description: String {
        switch self {
        case .unknownTimeZone(let zone): "unknown time zone '\(zone)' (expected an IANA name like Asia/Shanghai)"
        case .duplicateRule(let id): "two rules have the id '\(id)' and overlapping effective periods"
        case .unknownInputRule(let rule, let input): "rule '\(rule)' reads verdicts of '\(input)', which the policy does not have"
        case .cycle(let ids): "rules read each other's verdicts in a cycle: " + ids.joined(separator: " -> ")
        case .unsupportedUnionPart(let rule): "rule '\(rule)' is a union with a part that reads verdicts; parts must read events"
        }
    }
}
