import ContactCenterRules
import Foundation
import Rulebook

/// `rulebook-bench LOG [--runs N] [--json] [--c-baseline PATH] [--only PREFIX]`: measures
/// reading, evaluating and checking a log, in release builds. `--only` runs just the
/// measurements whose names start with the prefix, so that a profiler sees one of them.
@main
enum BenchCommand {
    static func main() {
        var arguments = Array(CommandLine.arguments.dropFirst())
        let json = arguments.contains("--json")
        arguments.removeAll { $0 == "--json" }
        var runs = 3
        var baseline: String?
        var log: String?
        var only: String?
        var index = 0
        while index < arguments.count {
            switch arguments[index] {
            case "--runs" where index + 1 < arguments.count:
                runs = Int(arguments[index + 1]) ?? runs
                index += 1
            case "--c-baseline" where index + 1 < arguments.count:
                baseline = arguments[index + 1]
                index += 1
            case "--only" where index + 1 < arguments.count:
                only = arguments[index + 1]
                index += 1
            default:
                log = arguments[index]
            }
            index += 1
        }
        guard let log else {
            FileHandle.standardError.write(Data("usage: rulebook-bench LOG [--runs N] [--json] [--c-baseline PATH] [--only PREFIX]\n".utf8))
            exit(64)
        }
        #if DEBUG
        FileHandle.standardError.write(Data("warning: a debug build; measure with `swift run -c release rulebook-bench`\n".utf8))
        #endif
        let report: (Measurement) -> Void = { FileHandle.standardOutput.write(Data(((json ? $0.json : $0.text) + "\n").utf8)) }
        do {
            try Benchmarks(log: log, runs: runs, only: only).run(report)
            if let baseline { try compare(with: baseline, log: log, report) }
        } catch {
            FileHandle.standardError.write(Data("rulebook-bench: \(error)\n".utf8))
            exit(66)
        }
    }

    /// Runs the C program on the same log and reports its figures next to ours.
    static func compare(with program: String, log: String, _ report: (Measurement) -> Void) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = [log]
        let pipe = Pipe()
        process.standardOutput = pipe
        let clock = ContinuousClock()
        let start = clock.now
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let elapsed = start.duration(to: clock.now)
        let object = (try? JSONSerialization.jsonObject(with: output)) as? [String: Any] ?? [:]
        let events = object["events"] as? Int ?? 0
        let total = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        report(Measurement(name: "c-baseline end-to-end", events: events, seconds: total, peakResidentBytes: 0))
        if let evaluation = object["eval_s"] as? Double {
            report(Measurement(name: "c-baseline evaluation", events: events, seconds: evaluation, peakResidentBytes: 0))
        }
    }
}
