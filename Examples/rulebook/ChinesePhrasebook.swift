import Foundation
import Rulebook

/// Diagnostics in Chinese for `--lang zh`. The library writes its diagnostics in
/// English; this table renders the phrases they are built from, longest first, so a
/// message reads in Chinese while file names, fields and values stay as written.
/// A phrase the table does not know stays in English rather than being lost.
enum ChinesePhrasebook {
    /// Whole phrases with `(.+?)`-style holes, tried in order.
    private static let patterns: [(String, String)] = [
        (#": error: "#, ": 錯誤: "),
        (#": warning: "#, ": 警告: "),
        (#"field '([^']*)': "#, "欄位 '$1': "),
        (#"missing; every event needs a (type|time)"#, "缺少; 每個事件都需要 $1"),
        (#"missing; '([^']*)' requires it"#, "缺少; 事件類型 '$1' 必須有此欄位"),
        (#"unknown event type '([^']*)', skipped"#, "未知的事件類型 '$1', 已略過"),
        (#"unknown event type '([^']*)'"#, "未知的事件類型 '$1'"),
        (#"unknown field '([^']*)' of event type ([^(]*?)( \(|$)"#, "事件類型 $2 沒有欄位 '$1'$3"),
        (#"\(its fields: ([^)]*)\)"#, "(其欄位: $1)"),
        (#"unknown time zone '([^']*)' \(expected an IANA name like Asia/Shanghai or Europe/Berlin\)"#,
         "未知的時區 '$1' (應為 IANA 名稱, 例如 Asia/Shanghai 或 Europe/Berlin)"),
        (#"unknown rule '([^']*)'"#, "未知的規則 '$1'"),
        (#"\(expected the id of a rule of this policy whose verdicts are read\)"#, "(應為本制度中某條規則的編號)"),
        (#"\(expected the id of a rule of the policy\)"#, "(應為本制度中某條規則的編號)"),
        (#"unknown key '([^']*)'"#, "未知的鍵 '$1'"),
        (#"unknown schedule '([^']*)'"#, "未知的排程 '$1'"),
        (#"unknown step '([^']*)'"#, "未知的步驟 '$1'"),
        (#"\(did you mean '([^']*)'\?\)"#, "(是否指 '$1'?)"),
        (#"missing the key '([^']*)'"#, "缺少鍵 '$1'"),
        (#"the rule id '([^']*)' is already used at ([^ ]*) \(two versions of one rule need 'effective' periods that do not overlap\)"#,
         "規則編號 '$1' 已用於 $2 (同一規則的兩個版本, 其 effective 期間不得重疊)"),
        (#"rules read each other's verdicts in a cycle: "#, "規則互相讀取判定, 形成循環: "),
        (#"the rule file '([^']*)' listed here cannot be read \(expected a file of that name next to policy.json\)"#,
         "此處列出的規則檔 '$1' 無法讀取 (應與 policy.json 位於同一目錄)"),
        (#"the key '([^']*)' appears twice in one object"#, "鍵 '$1' 在同一物件中出現兩次"),
        (#"line of (\d+) bytes is longer than the limit of (\d+) bytes; skipped"#, "此行長 $1 位元組, 超過上限 $2 位元組; 已略過"),
        (#"the evaluation already holds its limit of (\d+) open cases; this event's case was not evaluated"#,
         "評估中的未結案件已達上限 $1 件; 此事件的案件未予評估"),
        (#"nesting deeper than (\d+) levels"#, "巢狀超過 $1 層"),
        (#"a time without an offset \(add Z or ±hh:mm\)"#, "時間缺少時區偏移 (請加上 Z 或 ±hh:mm)"),
        (#"invalid UTF-8 in a string"#, "字串中有無效的 UTF-8"),
        (#"the file is not valid UTF-8"#, "檔案不是有效的 UTF-8"),
        (#"unterminated string"#, "字串未結束"),
        (#"expected a duration like 30m, 2h, 7d or PT30M"#, "應為時長, 例如 30m、2h、7d 或 PT30M"),
        (#"a value \(string, number, true, false, null, object or array\)"#, "一個值 (字串、數字、true、false、null、物件或陣列)"),
        (#"year (-?\d+) out of the supported range (\d+)-(\d+)"#, "年份 $1 超出支援範圍 $2-$3"),
        (#"(month|day|hour|minute|second) (\d+) out of range"#, "$1 $2 超出範圍"),
        (#"offset out of range"#, "時區偏移超出範圍"),
        (#"an offset like ([^ ,]*)"#, "形如 $1 的時區偏移"),
        (#"nothing after the offset"#, "時區偏移之後不應有其他內容"),
        (#"fraction digits after '\.'"#, "小數點後的數字"),
        (#"a JSON object starting with '\{'"#, "以 '{' 開始的 JSON 物件"),
        (#"a member name in double quotes"#, "雙引號括起的成員名稱"),
        (#"unexpected text after the object"#, "物件之後有多餘的內容"),
        (#"after a member"#, "(成員之後)"),
        (#"after the value of '([^']*)'"#, "('$1' 的值之後)"),
        (#"expected a time like ([^ ,]*)"#, "應為形如 $1 的時間"),
        (#"a time like ([^ ,]*)"#, "形如 $1 的時間"),
        (#"a month like ([^ ,]*)"#, "形如 $1 的月份"),
        (#"a date like ([^ ,]*)"#, "形如 $1 的日期"),
        (#"an id \(a string or an integer\)"#, "編號 (字串或整數)"),
        (#"a number from ([^ ]*) to ([^ ,]*)"#, "$1 至 $2 之間的數字"),
        (#"a number of at least ([^ ,]*)"#, "不小於 $1 的數字"),
        (#"a number of at most ([^ ,]*)"#, "不大於 $1 的數字"),
        (#"a whole number"#, "整數"),
        (#"true or false"#, "true 或 false"),
        (#"an object"#, "物件"),
        (#"an array"#, "陣列"),
        (#"a string"#, "字串"),
        (#"a number"#, "數字"),
        (#"the string "#, "字串 "),
        (#"the number "#, "數字 "),
        (#"the end of the file"#, "檔案結尾"),
        (#"one of "#, "以下之一: "),
        (#"expected "#, "應為 "),
        (#", found "#, ", 實為 "),
        (#"(\d+) lines in all like line (\d+) \((.*)\); the first (\d+) are shown"#, "共 $1 行與第 $2 行相同 ($3); 只顯示前 $4 行"),
        (#"(\d+) errors? in the rule files"#, "規則檔中有 $1 個錯誤"),
        (#"unknown command '([^']*)'; try 'rulebook --help'"#, "未知的命令 '$1'; 請見 'rulebook --help'"),
        (#"'report' needs a kind of report: weekly; try 'rulebook --help'"#, "'report' 需要報表種類: weekly; 請見 'rulebook --help'"),
        (#"unknown option '([^']*)'"#, "未知的選項 '$1'"),
        (#"missing the log to check \(a path, or - for standard input\)"#, "缺少要檢查的日誌 (路徑, 或以 - 表示標準輸入)"),
        (#"unexpected argument '([^']*)': give one log"#, "多餘的參數 '$1': 只能指定一個日誌"),
        (#"(--?[a-zA-Z-]+) needs a value"#, "$1 需要一個值"),
        (#"--builtin and --rules exclude each other"#, "--builtin 與 --rules 不能同時使用"),
        (#"--set changes the built-in pack; with --rules, edit the rule files instead"#, "--set 只調整內建制度; 使用 --rules 時請直接修改規則檔"),
        (#"--set needs name=value, not '([^']*)'"#, "--set 需要 參數=值, 而非 '$1'"),
        (#"diff compares at most two --rules directories"#, "diff 最多比較兩個 --rules 目錄"),
        (#"(\S+) must be ([^']*), not '([^']*)'"#, "$1 應為 $2, 而非 '$3'"),
        (#"cannot open '([^']*)': "#, "無法開啟 '$1': "),
        (#"'([^']*)' is a directory, not an event log"#, "'$1' 是目錄, 不是事件日誌"),
        (#"error reading '([^']*)': "#, "讀取 '$1' 時出錯: "),
        (#"a day like ([^ ]*) or a time like ([^ ,]*)"#, "形如 $1 的日期或形如 $2 的時間"),
        (#"a duration like 30m, 90s or PT30M"#, "時長, 例如 30m、90s 或 PT30M"),
        (#"jsonl or table"#, "jsonl 或 table"),
        (#"en or zh"#, "en 或 zh"),
        (#"a number from (\d+) to (\d+)"#, "$1 至 $2 之間的數字"),
        (#"(\d+) errors? in the policy tests"#, "制度測試中有 $1 個錯誤"),
    ]

    private static let compiled: [(NSRegularExpression, String)] = patterns.compactMap { pattern, template in
        (try? NSRegularExpression(pattern: pattern)).map { ($0, template) }
    }

    /// `text` with every phrase the table knows in Chinese.
    static func translate(_ text: String) -> String {
        var result = text
        for (expression, template) in compiled {
            let range = NSRange(result.startIndex..., in: result)
            result = expression.stringByReplacingMatches(in: result, range: range, withTemplate: template)
        }
        return result
    }

    /// `text` in `language`.
    static func render(_ text: String, in language: Language) -> String {
        language == .zh ? translate(text) : text
    }
}
