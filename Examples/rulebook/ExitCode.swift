/// The CLI's exit codes (after BSD's sysexits), as `--help` and the README list them.
enum ExitCode: Int32 {
    /// Evaluated; every input line was read.
    case success = 0
    /// `rulebook test`: some policy tests failed.
    case testsFailed = 1
    /// Evaluated, but some input lines were rejected (each reported on stderr).
    case rejectedLines = 65
    /// The command line was wrong.
    case usage = 64
    /// The log could not be opened or read.
    case unreadableInput = 66
    /// The policy could not be used (e.g. an unknown time zone).
    case badPolicy = 78
}
