/// A point in time with nanosecond precision, independent of any time zone.
///
/// Instants compare exactly: `30:00` late and `30:00.001` late are different.
/// The supported range is the years 1678 to 2261, the range of 64-bit nanoseconds
/// since 1970.
///
/// ```swift
/// let start = try RFC3339.parse("2026-03-02T09:00:00+08:00")
/// let deadline = start + .seconds(300)
/// deadline - start   // 300 seconds
/// ```
public struct Instant: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Nanoseconds since 1970-01-01T00:00:00Z.
    public var nanosecondsSinceEpoch: Int64

    /// Creates an instant from nanoseconds since 1970-01-01T00:00:00Z.
    ///
    /// ```swift
    /// Instant(nanosecondsSinceEpoch: 0).description   // "1970-01-01T00:00:00Z"
    /// ```
    @inlinable
    public init(nanosecondsSinceEpoch: Int64) { self.nanosecondsSinceEpoch = nanosecondsSinceEpoch }

    /// Creates an instant from whole seconds since 1970-01-01T00:00:00Z.
    ///
    /// ```swift
    /// Instant(secondsSinceEpoch: 86_400).description   // "1970-01-02T00:00:00Z"
    /// ```
    @inlinable
    public init(secondsSinceEpoch: Int64) { self.nanosecondsSinceEpoch = secondsSinceEpoch &* 1_000_000_000 }

    /// The earliest representable instant; "no lower bound" in windows.
    public static let distantPast = Instant(nanosecondsSinceEpoch: .min)
    /// The latest representable instant; "never" for deadlines that do not close.
    public static let distantFuture = Instant(nanosecondsSinceEpoch: .max)

    /// Whole seconds since the epoch, rounded down.
    @inlinable
    public var secondsSinceEpoch: Int64 {
        let (q, r) = nanosecondsSinceEpoch.quotientAndRemainder(dividingBy: 1_000_000_000)
        return r < 0 ? q - 1 : q
    }

    @inlinable
    public static func < (lhs: Instant, rhs: Instant) -> Bool {
        lhs.nanosecondsSinceEpoch < rhs.nanosecondsSinceEpoch
    }

    /// The instant `duration` later, saturating at the ends of the range.
    ///
    /// ```swift
    /// let deadline = received + .seconds(300)
    /// ```
    @inlinable
    public static func + (lhs: Instant, rhs: Duration) -> Instant {
        Instant(nanosecondsSinceEpoch: lhs.nanosecondsSinceEpoch.saturatingAdd(rhs.nanoseconds))
    }

    /// The instant `duration` earlier, saturating at the ends of the range.
    ///
    /// ```swift
    /// let windowOpens = shiftStart - .seconds(2 * 3600)
    /// ```
    @inlinable
    public static func - (lhs: Instant, rhs: Duration) -> Instant {
        Instant(nanosecondsSinceEpoch: lhs.nanosecondsSinceEpoch.saturatingAdd(-rhs.nanoseconds))
    }

    /// The elapsed time from `rhs` to `lhs`, negative when `lhs` is earlier.
    ///
    /// ```swift
    /// let late = punch - shiftStart   // e.g. 41 minutes
    /// ```
    @inlinable
    public static func - (lhs: Instant, rhs: Instant) -> Duration {
        .nanoseconds(lhs.nanosecondsSinceEpoch.saturatingAdd(-rhs.nanosecondsSinceEpoch))
    }

    public var description: String { RFC3339.format(self, offsetSeconds: 0) }
}

extension Duration {
    /// The duration in whole nanoseconds, saturating for durations beyond ±292 years.
    @inlinable
    public var nanoseconds: Int64 {
        // Reading the components divides 128 bits of attoseconds; most offsets added to
        // instants (a measure from a case's start) are zero, and need no division.
        if self == .zero { return 0 }
        let (seconds, attoseconds) = components
        let (scaled, overflow) = seconds.multipliedReportingOverflow(by: 1_000_000_000)
        if overflow { return seconds < 0 ? .min : .max }
        return scaled.saturatingAdd(attoseconds / 1_000_000_000)
    }
}

extension Int64 {
    @usableFromInline
    func saturatingAdd(_ other: Int64) -> Int64 {
        let (sum, overflow) = addingReportingOverflow(other)
        if overflow { return other < 0 ? .min : .max }
        return sum
    }
}
