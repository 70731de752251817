import Dispatch
import Foundation

/// Writes verdicts as JSON Lines in the field order of the verdict format.
///
/// ```swift
/// let encoder = VerdictEncoder(calendar: calendar, language: .en)
/// encoder.line(for: verdict)
/// // {"rule":"attendance.absence","outcome":"absent","employee":"E001",...}
/// ```
public struct VerdictEncoder: Sendable {
    /// The calendar whose zone verdict times are written in.
    public var calendar: PolicyCalendar
    /// The language of messages.
    public var language: Language

    /// Creates an encoder.
    ///
    /// ```swift
    /// let encoder = VerdictEncoder(calendar: try PolicyCalendar(timeZone: "Asia/Shanghai"), language: .zh)
    /// ```
    public init(calendar: PolicyCalendar, language: Language = .en) {
        self.calendar = calendar
        self.language = language
    }

    /// One verdict as a JSON object on one line, without the line end.
    ///
    /// ```swift
    /// print(VerdictEncoder(calendar: report.calendar).line(for: verdict))
    /// ```
    public func line(for verdict: Verdict) -> String {
        var out = "{"
        out.reserveCapacity(512)
        var first = true
        func member(_ name: String, _ value: String) {
            if !first { out += "," }
            first = false
            out += "\""
            out += name
            out += "\":"
            out += value
        }
        member("rule", JSONString.quoted(verdict.rule))
        member("outcome", JSONString.quoted(verdict.outcome))
        if let employee = verdict.employee { member("employee", JSONString.quoted(employee)) }
        member("subject", JSONString.quoted(verdict.subject))
        member("time", JSONString.quoted(calendar.format(verdict.time)))
        member("reason", JSONString.quoted(verdict.reason))
        member("message", JSONString.quoted(verdict.message(in: language)))
        member("evidence", "[" + verdict.evidence.map(String.init).joined(separator: ",") + "]")
        member("source", JSONString.quoted(verdict.source))
        if let value = verdict.value { member("value", value.plainText) }
        if let amount = verdict.amount { member("amount", amount.plainText) }
        return out + "}"
    }

    /// The verdicts as JSON Lines text, each line ending in `\n`, encoded in `jobs`
    /// slices at once; the text is the same whatever `jobs` is.
    ///
    /// ```swift
    /// FileHandle.standardOutput.write(Data(encoder.text(for: report.verdicts, jobs: 2).utf8))
    /// ```
    public func text(for verdicts: [Verdict], jobs: Int = 1) -> String {
        var text = ""
        write(verdicts, jobs: jobs) { text += $0 }
        return text
    }

    /// Encodes the verdicts as JSON Lines and hands the text to `write` in order, a
    /// block of lines at a time, so that a large report is never held as one string;
    /// `jobs` blocks are encoded at once. The blocks joined are ``text(for:jobs:)``.
    ///
    /// ```swift
    /// encoder.write(report.verdicts, jobs: 2) { block in
    ///     FileHandle.standardOutput.write(Data(block.utf8))
    /// }
    /// ```
    public func write(_ verdicts: [Verdict], jobs: Int = 1, to write: (String) throws -> Void) rethrows {
        let block = Self.linesPerBlock
        var start = 0
        while start < verdicts.count {
            let count = min(max(1, jobs), (verdicts.count - start + block - 1) / block)
            let texts = EncodedSlices(count: count)
            DispatchQueue.concurrentPerform(iterations: count) { [start] slice in
                var text = ""
                let lower = start + slice * block
                for verdict in verdicts[lower..<min(verdicts.count, lower + block)] {
                    text += line(for: verdict)
                    text += "\n"
                }
                texts.set(slice, text)
            }
            for text in texts.all { try write(text) }
            start += count * block
        }
    }

    /// How many lines one block of ``write(_:jobs:to:)`` holds.
    static let linesPerBlock = 4096
}

/// One text per slice, written by the slice's thread.
private final class EncodedSlices: @unchecked Sendable {
    private let lock = NSLock()
    private var texts: [String]

    init(count: Int) { texts = Array(repeating: "", count: count) }

    func set(_ index: Int, _ text: String) {
        lock.lock()
        defer { lock.unlock() }
        texts[index] = text
    }

    var all: [String] {
        lock.lock()
        defer { lock.unlock() }
        return texts
    }
}
