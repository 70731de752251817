import ContactCenterRules
import Foundation
import Rulebook

/// libFuzzer entry point: the input is a rule file. It goes through the whole loader
/// (the JSON reader with positions, the rule decoders, the checks against the
/// standard event schema and across rules); when it loads, its policy is evaluated
/// on a small log, streaming and then finishing, so odd rule values (zero limits,
/// negative windows) reach the engine. Its diagnostics are rendered as well.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRules(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let input = Array(UnsafeBufferPointer(start: start.assumingMemoryBound(to: UInt8.self), count: count))
    let policy: Policy
    do {
        policy = try RuleDirectory.decode(files: ["policy.json": manifest, "input.json": input])
    } catch {
        for diagnostic in error.diagnostics { _ = diagnostic.rendered(directory: "Rules") }
        return 0
    }
    guard var evaluation = try? Evaluation(policy: policy) else { return 0 }
    for (index, line) in sampleLog.enumerated() {
        evaluation.feed(line: line, number: index + 1)
        if index % 4 == 3, let latest = evaluation.coverage?.upperBound { _ = evaluation.advance(to: latest) }
    }
    for verdict in evaluation.finish().issued {
        _ = VerdictEncoder(calendar: evaluation.calendar).line(for: verdict)
        _ = verdict.message(in: .zh)
    }
    return 0
}

/// The standard pack's `policy.json`, listing the one input file.
private let manifest: [UInt8] = {
    let standard = StandardPolicy.make()
    let single = Policy(name: standard.name, schema: standard.schema, rules: [], timeZone: standard.timeZone)
    let text = (try? RuleDirectory.files(for: single).first?.contents) ?? ""
    return Array(text.replacingOccurrences(of: #""files": []"#, with: #""files": ["input.json"]"#).utf8)
}()

/// A log touching every event type.
private let sampleLog = [
    #"{"time":"2026-01-05T09:00:00+08:00","type":"employee.hired","employee":"E1","role":"supervisor"}"#,
    #"{"time":"2026-01-05T09:00:00+08:00","type":"employee.hired","employee":"E2","role":"agent"}"#,
    #"{"time":"2026-02-20T10:00:00+08:00","type":"shift.scheduled","employee":"E1","shift":"S1","start":"2026-03-02T09:00:00+08:00","end":"2026-03-02T18:00:00+08:00","team":"A"}"#,
    #"{"time":"2026-02-20T10:00:00+08:00","type":"shift.scheduled","employee":"E2","shift":"S2","start":"2026-03-02T18:00:00+08:00","end":"2026-03-03T02:00:00+08:00","team":"A"}"#,
    #"{"time":"2026-02-20T10:00:00+08:00","type":"shift.scheduled","employee":"E2","shift":"S3","start":"2026-03-08T09:00:00+08:00","end":"2026-03-08T18:00:00+08:00","holiday":true}"#,
    #"{"time":"2026-02-25T09:00:00+08:00","type":"swap.requested","swap":"W1","employee":"E1","counterpart":"E2","shift":"S1","counterpartShift":"S3"}"#,
    #"{"time":"2026-02-25T10:00:00+08:00","type":"swap.consented","swap":"W1"}"#,
    #"{"time":"2026-02-25T11:00:00+08:00","type":"swap.registered","swap":"W1"}"#,
    #"{"time":"2026-02-26T09:00:00+08:00","type":"swap.approved","swap":"W1","by":"M"}"#,
    #"{"time":"2026-02-27T09:00:00+08:00","type":"course.scheduled","course":"C1","totalMinutes":600,"kind":"qualification","cost":900}"#,
    #"{"time":"2026-03-02T08:40:00+08:00","type":"clock.in","employee":"E1"}"#,
    #"{"time":"2026-03-02T17:50:00+08:00","type":"clock.out","employee":"E1"}"#,
    #"{"time":"2026-03-02T18:05:00+08:00","type":"clock.in","employee":"E2"}"#,
    #"{"time":"2026-03-02T10:00:00+08:00","type":"inquiry.received","ticket":"T1","employee":"E1","channel":"chat","complexity":"complex"}"#,
    #"{"time":"2026-03-02T10:07:00+08:00","type":"inquiry.responded","ticket":"T1","employee":"E1"}"#,
    #"{"time":"2026-03-02T10:50:00+08:00","type":"inquiry.answered","ticket":"T1","employee":"E1"}"#,
    #"{"time":"2026-03-02T12:00:00+08:00","type":"punch.confirmed","employee":"E2","shift":"S2","by":"M"}"#,
    #"{"time":"2026-03-01T12:00:00+08:00","type":"leave.approved","employee":"E2","shift":"S3","by":"M"}"#,
    #"{"time":"2026-03-02T11:00:00+08:00","type":"fieldwork.approved","employee":"E1","shift":"S1","by":"M"}"#,
    #"{"time":"2026-03-03T17:00:00+08:00","type":"training.attended","employee":"E2","course":"C1","session":"1","scheduledMinutes":300,"attendedMinutes":100}"#,
    #"{"time":"2026-03-04T17:00:00+08:00","type":"training.completed","employee":"E2","course":"C1"}"#,
    #"{"time":"2026-04-01T10:00:00+08:00","type":"review.scored","employee":"E1","period":"2026-03","score":95}"#,
    #"{"time":"2026-04-01T11:00:00+08:00","type":"review.scored","employee":"E2","period":"2026-03","score":40}"#,
    #"{"time":"2026-05-01T18:00:00+08:00","type":"employee.left","employee":"E2"}"#,
    #"{"time":"2026-06-01T08:00:00+08:00","type":"exemption.granted","employee":"E1","by":"GM"}"#,
]
