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
        var bytes: [UInt8] = []
        bytes.reserveCapacity(512)
        var memo = EncodingMemo()
        append(verdict, to: &bytes, memo: &memo)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends the line of `verdict`, without its line end. The line is built as bytes:
    /// a report has a line per verdict, and building each as a `String` of parts
    /// was most of the cost of writing one. The verdict is borrowed, so that callers
    /// need not copy it (and retain its strings) to hand it over.
    func append(_ verdict: borrowing Verdict, to bytes: inout [UInt8], memo: inout EncodingMemo) {
        // Each field's name is written with the punctuation around it in one go.
        func name(_ fragment: StaticString) {
            bytes.append(contentsOf: UnsafeBufferPointer(start: fragment.utf8Start, count: fragment.utf8CodeUnitCount))
        }
        let statement = memo.statement(of: verdict, in: language)
        name(#"{"rule":"#)
        bytes.append(contentsOf: statement.rule)
        name(#","outcome":"#)
        bytes.append(contentsOf: statement.outcome)
        if let employee = verdict.employee {
            name(#","employee":"#)
            JSONString.append(employee, to: &bytes)
        }
        name(#","subject":"#)
        JSONString.append(verdict.subject, to: &bytes)
        name(#","time":"#)
        // A time needs no escape.
        bytes.append(UInt8(ascii: "\""))
        calendar.append(verdict.time, to: &bytes)
        bytes.append(UInt8(ascii: "\""))
        name(#","reason":"#)
        bytes.append(contentsOf: statement.reason)
        // Numbers are written twice, in the message and as fields: make their text once.
        memo.valueText.removeAll(keepingCapacity: true)
        memo.amountText.removeAll(keepingCapacity: true)
        verdict.value?.appendPlainText(to: &memo.valueText)
        verdict.amount?.appendPlainText(to: &memo.amountText)
        let valueText = verdict.value == nil ? nil : memo.valueText
        let amountText = verdict.amount == nil ? nil : memo.amountText
        name(#","message":"#)
        bytes.append(UInt8(ascii: "\""))
        verdict.appendMessage(statement.pieces, valueText: valueText, amountText: amountText, escapedTo: &bytes)
        bytes.append(UInt8(ascii: "\""))
        name(#","evidence":"#)
        bytes.append(UInt8(ascii: "["))
        var first = true
        verdict.evidenceLines.forEach { line in
            if !first { bytes.append(UInt8(ascii: ",")) }
            first = false
            bytes.appendDecimal(Int64(line))
        }
        bytes.append(UInt8(ascii: "]"))
        name(#","source":"#)
        bytes.append(contentsOf: statement.source)
        if let valueText {
            name(#","value":"#)
            bytes.append(contentsOf: valueText)
        }
        if let amountText {
            name(#","amount":"#)
            bytes.append(contentsOf: amountText)
        }
        bytes.append(UInt8(ascii: "}"))
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
        try self.write(verdicts, jobs: jobs, bytesTo: { try write(String(decoding: $0, as: UTF8.self)) })
    }

    /// Encodes the verdicts as ``write(_:jobs:to:)`` does, handing each block to
    /// `write` as its UTF-8 bytes: for a writer to a file, which need not make a
    /// `String` of them first.
    ///
    /// ```swift
    /// encoder.write(report.verdicts, jobs: 2, bytesTo: { block in
    ///     FileHandle.standardOutput.write(Data(block))
    /// })
    /// ```
    public func write(
        _ verdicts: [Verdict], jobs: Int = 1, bytesTo write: (UnsafeBufferPointer<UInt8>) throws -> Void
    ) rethrows {
        let block = Self.linesPerBlock
        var start = 0
        while start < verdicts.count {
            let count = min(max(1, jobs), (verdicts.count - start + block - 1) / block)
            let blocks = EncodedSlices(count: count)
            DispatchQueue.concurrentPerform(iterations: count) { [start] slice in
                var bytes: [UInt8] = []
                let lower = start + slice * block
                let upper = min(verdicts.count, lower + block)
                bytes.reserveCapacity((upper - lower) * 400)
                var memo = EncodingMemo()
                // By index: each verdict is read where it stands, where a loop over
                // the slice copied it, retaining and releasing its strings.
                for index in lower..<upper {
                    append(verdicts[index], to: &bytes, memo: &memo)
                    bytes.append(UInt8(ascii: "\n"))
                }
                blocks.set(slice, bytes)
            }
            for bytes in blocks.all { try bytes.withUnsafeBufferPointer { try write($0) } }
            start += count * block
        }
    }

    /// How many lines one block of ``write(_:jobs:to:)`` holds.
    static let linesPerBlock = 4096
}

/// One block of bytes per slice, written by the slice's thread.
private final class EncodedSlices: @unchecked Sendable {
    private let lock = NSLock()
    private var blocks: [[UInt8]]

    init(count: Int) { blocks = Array(repeating: [], count: count) }

    func set(_ index: Int, _ bytes: [UInt8]) {
        lock.lock()
        defer { lock.unlock() }
        blocks[index] = bytes
    }

    var all: [[UInt8]] {
        lock.lock()
        defer { lock.unlock() }
        return blocks
    }
}
