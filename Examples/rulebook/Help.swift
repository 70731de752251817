import Rulebook

/// The text of `rulebook --help`.
enum Help {
    static let text = """
    USAGE: rulebook check <log> [--format jsonl|table] [--lang en|zh] [--time-zone <zone>] [--as-of <time>]
                          [--employee <id>[,<id>...]] [--since <day|time>] [--until <day|time>]
                          [--rules <dir> | --builtin] [--jobs <n>]
           rulebook report weekly <log> [the same options]
           rulebook diff <log> (--set <name>=<value> ... | --rules <dir> [--rules <dir>]) [the same options]
           rulebook validate [<dir>] [--lang en|zh]
           rulebook test [<dir>] [--lang en|zh]
           rulebook export-rules [<dir>]

    check evaluates a JSON Lines event log against a policy and prints one verdict per
    line on standard output; a summary goes to standard error. The policy is the rule
    files given with --rules, else those in ./Rules when it has a policy.json, else the
    contact-center standard pack built into the program (--builtin, or any --set).
    report weekly prints the weekly attendance exception report (考勤異常表): per ISO
    week and employee, lateness, early leave, absence and confirmed missed punches.
    diff shows what a change would change: the verdicts that appear and disappear, with
    counts per rule, between the standard pack and the pack with --set changes, the
    standard pack and one --rules directory, or two --rules directories.
    validate checks a directory of rule files (default Rules) and its tests, and reports
    every problem with its file, line and column.
    test runs the policy tests in <dir>/tests and shows the verdicts missing (-) and
    unexpected (+) for each test that fails.
    export-rules writes the built-in standard pack as rule files (default Rules).

    ARGUMENTS:
      <log>                 The event log, or - for standard input.

    OPTIONS:
      --format jsonl|table  Verdicts as JSON Lines (default), or a table with the summary.
      --lang en|zh          The language of messages, reports and errors (default en).
      --time-zone <zone>    The policy's IANA time zone (default Asia/Shanghai).
      --as-of <time>        Judge only what is certain at this RFC 3339 time; later
                            deadlines stay pending. By default the log is complete.
      --employee <ids>      Only verdicts naming these people (repeat, or separate by commas).
      --since <day|time>    Only verdicts from this day (2026-03-02) or time on.
      --until <day|time>    Only verdicts up to this day, inclusive, or before this time.
      --set <name>=<value>  Change a parameter of the standard pack, e.g. absenceThreshold=20m,
                            swapsPerMonth=4, firstResponse[chat]=1m, strict=true.
      --rules <dir>         Evaluate with the rule files in <dir>.
      --builtin             Use the built-in standard pack even where ./Rules exists.
      --jobs <n>            Evaluate on n threads (default 1): independent groups of rules,
                            and tickets shared out by id; the verdicts are the same, byte
                            for byte.
      -h, --help            Show this help.

    EXIT CODES:
      0   every line was read and evaluated (test: every test passed)
      1   test: some policy tests failed
      64  the command line is wrong
      65  some input lines were rejected (each is reported on standard error with its
          line number; the other lines were still evaluated)
      66  the log cannot be opened or read
      78  the policy cannot be used: an unknown time zone, or errors in the rule files
    """
}

extension Help {
    /// The help in Chinese, for `--help --lang zh`.
    static let chinese = """
    用法: rulebook check <日誌> [--format jsonl|table] [--lang en|zh] [--time-zone <時區>] [--as-of <時間>]
                           [--employee <工號>[,<工號>...]] [--since <日期|時間>] [--until <日期|時間>]
                           [--rules <目錄> | --builtin] [--jobs <n>]
          rulebook report weekly <日誌> [同上選項]
          rulebook diff <日誌> (--set <參數>=<值> ... | --rules <目錄> [--rules <目錄>]) [同上選項]
          rulebook validate [<目錄>] [--lang en|zh]
          rulebook test [<目錄>] [--lang en|zh]
          rulebook export-rules [<目錄>]

    check 依制度評估 JSON Lines 事件日誌, 每行輸出一項判定至標準輸出; 摘要輸出至標準錯誤。
    制度取自 --rules 指定的規則檔目錄; 未指定時, 若 ./Rules 有 policy.json 則用之; 否則
    (或使用 --builtin、--set 時) 用程式內建的客服中心標準制度。
    report weekly 輸出考勤異常表: 按 ISO 週與員工統計遲到、早退、曠工及經確認的漏打卡。
    diff 顯示制度調整後判定的變化: 新增與消失的判定, 並按規則計數; 比較標準制度與 --set
    調整後的制度、標準制度與一個 --rules 目錄, 或兩個 --rules 目錄。
    validate 檢查規則檔目錄 (預設 Rules) 及其測試, 每個問題均標明檔案、行與列。
    test 執行 <目錄>/tests 中的制度測試, 對未通過者列出缺少 (-) 與多出 (+) 的判定。
    export-rules 將內建標準制度寫成規則檔 (預設 Rules)。

    參數:
      <日誌>                JSON Lines 事件日誌, 或以 - 表示標準輸入。

    選項:
      --format jsonl|table  判定以 JSON Lines (預設) 或表格輸出, 表格附摘要。
      --lang en|zh          判定說明、報表與錯誤訊息的語言 (預設 en)。
      --time-zone <時區>    制度所用的 IANA 時區 (預設 Asia/Shanghai)。
      --as-of <時間>        只判定於此 RFC 3339 時間已確定者; 之後的期限保持待定。預設日誌完整。
      --employee <工號>     只顯示這些員工的判定 (可重複, 或以逗號分隔)。
      --since <日期|時間>   只顯示此日 (2026-03-02) 或此時間起的判定。
      --until <日期|時間>   只顯示至此日 (含) 或此時間前的判定。
      --set <參數>=<值>     調整標準制度的參數, 例如 absenceThreshold=20m、swapsPerMonth=4。
      --rules <目錄>        以 <目錄> 中的規則檔評估。
      --builtin             即使 ./Rules 存在, 仍用內建標準制度。
      --jobs <n>            以 n 個執行緒評估 (預設 1): 互不相關的規則組分開, 工單按編號分給各執行緒;
                            判定逐位元組相同。
      -h, --help            顯示本說明。

    結束代碼:
      0   所有行均已讀取並評估 (test: 所有測試通過)
      1   test: 部分制度測試未通過
      64  命令列有誤
      65  部分輸入行被拒 (每行連同行號輸出至標準錯誤; 其餘行仍已評估)
      66  無法開啟或讀取日誌
      78  制度無法使用: 時區未知, 或規則檔有誤
    """

    /// The help in the language asked for on the command line.
    static func text(for arguments: [String]) -> String {
        language(in: arguments) == .zh ? chinese : text
    }

    /// The language asked for on the command line, even before it is parsed, so
    /// that errors about the command line itself are in that language.
    static func language(in arguments: [String]) -> Language {
        if let index = arguments.firstIndex(of: "--lang"), index + 1 < arguments.count, arguments[index + 1] == "zh" {
            return .zh
        }
        return arguments.contains("--lang=zh") ? .zh : .en
    }
}
