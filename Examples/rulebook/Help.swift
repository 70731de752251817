/// The text of `rulebook --help`.
enum Help {
    static let text = """
    USAGE: rulebook check <log> [--format jsonl|table] [--lang en|zh] [--time-zone <zone>] [--as-of <time>]
                          [--employee <id>[,<id>...]] [--since <day|time>] [--until <day|time>]
           rulebook report weekly <log> [the same options]

    check evaluates a JSON Lines event log against the contact-center standard policy
    and prints one verdict per line on standard output; a summary goes to standard error.
    report weekly prints the weekly attendance exception report (考勤異常表): per ISO
    week and employee, lateness, early leave, absence and confirmed missed punches.

    ARGUMENTS:
      <log>                 The event log, or - for standard input.

    OPTIONS:
      --format jsonl|table  Verdicts as JSON Lines (default), or a table with the summary.
      --lang en|zh          The language of verdict messages (default en).
      --time-zone <zone>    The policy's IANA time zone (default Asia/Shanghai).
      --as-of <time>        Judge only what is certain at this RFC 3339 time; later
                            deadlines stay pending. By default the log is complete.
      --employee <ids>      Only verdicts naming these people (repeat, or separate by commas).
      --since <day|time>    Only verdicts from this day (2026-03-02) or time on.
      --until <day|time>    Only verdicts up to this day, inclusive, or before this time.
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
