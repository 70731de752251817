/// The text of `rulebook --help`.
enum Help {
    static let text = """
    USAGE: rulebook check <log> [--format jsonl|table] [--lang en|zh] [--time-zone <zone>] [--as-of <time>]
                          [--employee <id>[,<id>...]] [--since <day|time>] [--until <day|time>]
           rulebook report weekly <log> [the same options]
           rulebook diff <log> --set <name>=<value> [--set ...] [the same options]

    check evaluates a JSON Lines event log against the contact-center standard policy
    and prints one verdict per line on standard output; a summary goes to standard error.
    report weekly prints the weekly attendance exception report (考勤異常表): per ISO
    week and employee, lateness, early leave, absence and confirmed missed punches.
    diff shows what a change of parameters would change: the verdicts that appear and
    disappear compared with the standard pack, with counts per rule.

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
      --set <name>=<value>  Change a parameter of the standard pack, e.g. absenceThreshold=20m,
                            swapsPerMonth=4, firstResponse[chat]=1m, strict=true.
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

extension Help {
    /// The help in Chinese, for `--help --lang zh`.
    static let chinese = """
    用法: rulebook check <日誌> [--format jsonl|table] [--lang en|zh] [--time-zone <時區>] [--as-of <時間>]
                           [--employee <工號>[,<工號>...]] [--since <日期|時間>] [--until <日期|時間>]
          rulebook report weekly <日誌> [同上選項]
          rulebook diff <日誌> --set <參數>=<值> [--set ...] [同上選項]

    check 依客服中心標準制度評估 JSON Lines 事件日誌, 每行輸出一項判定至標準輸出; 摘要輸出至標準錯誤。
    report weekly 輸出考勤異常表: 按 ISO 週與員工統計遲到、早退、曠工及經確認的漏打卡。
    diff 顯示調整參數後判定的變化: 與標準制度相比新增與消失的判定, 並按規則計數。

    參數:
      <日誌>                JSON Lines 事件日誌, 或以 - 表示標準輸入。

    選項:
      --format jsonl|table  判定以 JSON Lines (預設) 或表格輸出, 表格附摘要。
      --lang en|zh          判定說明的語言 (預設 en)。
      --time-zone <時區>    制度所用的 IANA 時區 (預設 Asia/Shanghai)。
      --as-of <時間>        只判定於此 RFC 3339 時間已確定者; 之後的期限保持待定。預設日誌完整。
      --employee <工號>     只顯示這些員工的判定 (可重複, 或以逗號分隔)。
      --since <日期|時間>   只顯示此日 (2026-03-02) 或此時間起的判定。
      --until <日期|時間>   只顯示至此日 (含) 或此時間前的判定。
      --set <參數>=<值>     調整標準制度的參數, 例如 absenceThreshold=20m、swapsPerMonth=4。
      -h, --help            顯示本說明。

    結束代碼:
      0   所有行均已讀取並評估
      64  命令列有誤
      65  部分輸入行被拒 (每行連同行號輸出至標準錯誤; 其餘行仍已評估)
      66  無法開啟或讀取日誌
      78  制度無法使用 (例如時區未知)
    """

    /// The help in the language asked for on the command line.
    static func text(for arguments: [String]) -> String {
        if let index = arguments.firstIndex(of: "--lang"), index + 1 < arguments.count, arguments[index + 1] == "zh" {
            return chinese
        }
        return arguments.contains("--lang=zh") ? chinese : text
    }
}
