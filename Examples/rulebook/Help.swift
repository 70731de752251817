/// The text of `rulebook --help`.
enum Help {
    static let text = """
    USAGE: rulebook check <log> [--format jsonl|table] [--lang en|zh] [--time-zone <zone>] [--as-of <time>]

    Evaluates a JSON Lines event log against the contact-center standard policy and
    prints one verdict per line on standard output; a summary goes to standard error.

    ARGUMENTS:
      <log>                 The event log, or - for standard input.

    OPTIONS:
      --format jsonl|table  Verdicts as JSON Lines (default), or a table with the summary.
      --lang en|zh          The language of verdict messages (default en).
      --time-zone <zone>    The policy's IANA time zone (default Asia/Shanghai).
      --as-of <time>        Judge only what is certain at this RFC 3339 time; later
                            deadlines stay pending. By default the log is complete.
      -h, --help            Show this help.

    EXIT CODES:
      0   every line was read and evaluated
      64  the command line is wrong
      65  some input lines were rejected (each is reported on standard error with its
          line number; the other lines were still evaluated)
      66  the log cannot be opened or read
      78  the policy cannot be used (e.g. an unknown time zone)
    """
}
