import Rulebook

/// The handbook clauses the standard pack cites, in the handbooks' own words.
///
/// ```swift
/// HandbookClauses.lateOrEarly.citation
/// // "toolbox-attendance: 遲到或早退超過半小時的, 按照曠工一天處理"
/// ```
public enum HandbookClauses {
    /// 打卡次數: punch in and out once each per shift.
    public static let punchTwice = Clause(
        source: "toolbox-attendance", text: "打卡次數: 即每天上下班各打卡一次")
    /// Late or early by more than half an hour: a day of absenteeism.
    public static let lateOrEarly = Clause(
        source: "toolbox-attendance", text: "遲到或早退超過半小時的, 按照曠工一天處理")
    /// Up to 3 confirmed missed punches a month count as normal attendance.
    public static let missedPunch = Clause(
        source: "toolbox-attendance",
        text: "漏打卡者累積情況不超過3次(含3次), 並且其部門主管或職務代理人確認該工作人員當日出勤正常的情況下, 按考勤正常處理")
    /// No punch and no approval: absenteeism.
    public static let noPunchNoApproval = Clause(
        source: "toolbox-attendance", text: "既沒有相關主管領導的簽字審批, 也沒有打卡記錄者, 按照曠工處理")
    /// Field work: punch on return and have it approved the same day.
    public static let fieldWork = Clause(
        source: "toolbox-attendance", text: "外出返回公司後需打卡, 並且在當日內完成申請和審批手續, 否則將按曠工處理")
    /// Lateness without the proper leave procedure counts as absence (the strict reading).
    public static let strictLateness = Clause(
        source: "toolbox-attendance", text: "未按規定履行正常請假手續而遲到、早退者, 按照曠工處理")

    /// Reply within X minutes of an inquiry.
    public static let firstResponse = Clause(source: "presales", text: "客服人員應在接到客戶咨詢後[X]分鐘內做出響應")
    /// Complex questions answered within X minutes.
    public static let complexAnswer = Clause(source: "presales", text: "對於複雜問題 ... 確保在[X]分鐘內給予客戶回復")
    /// Absence reaching a third of a course counts as not attending, with public criticism.
    public static let trainingAbsence = Clause(
        source: "toolbox-training", text: "學員累計缺勤時間達到課程總量的 1/3, 要按照未參加培訓處理, 並進行通報批評")
    /// Penalties escalate: warning for a first violation, then fine, demerit, dismissal.
    public static let escalation = Clause(
        source: "callcenter", text: "警告: 對首次違反規定的員工, 給予口頭警告, 並記錄在案. 罰款 ... / 警告, 記過, 解除勞動合同")
    /// New staff are trained within a week of joining.
    public static let onboarding = Clause(
        source: "toolbox-training", text: "新客戶服務人員入職後一周內, 企業統一組織培訓")
    /// Leaving within 4 years of qualification or promotion training: full repayment.
    public static let repayment = Clause(
        source: "toolbox-training",
        text: "專業資格和技術等級培訓、晉升培訓: 自培訓結束起 4年內離開公司的全額賠償, 4年以上的可免於賠償")
    /// Outstanding agent awards from the review results.
    public static let award = Clause(
        source: "callcenter", text: "月度優秀客服獎: 根據績效考核結果, 每月評選出表現突出的客服人員, 給予獎金[X]元及榮譽證書")
    /// Failing reviews: an interview; no improvement, disciplinary handling.
    public static let underperformance = Clause(
        source: "order-taker",
        text: "對於考核不達標或連續多次考核不合格的員工, 進行績效面談 ... 如仍無改進, 按照公司相關規定進行處理")
    /// Managers and supervisors are trained at least once every half year.
    public static let refresher = Clause(
        source: "toolbox-training", text: "部門經理和主管級人員的培訓由人力資源部每半年至少組織一次")
    /// A swap takes effect only with consent, a form and the manager's signature.
    public static let swapEffective = Clause(
        source: "taobao-swap", text: "換班必須經雙方當事人同意, 填寫換班登記表後經部門經理簽字批准後方可生效")
    /// At most 3 swaps per person per month.
    public static let swapLimit = Clause(source: "taobao-swap", text: "每人每月換班不得超過3次")
    /// No consecutive swaps; neither party may work back-to-back shifts.
    public static let swapConsecutive = Clause(source: "taobao-swap", text: "不允許連續換班, 換班者、還班者不允許連班")
    /// A swap handed over so badly that the shift is missed or empty: absenteeism.
    public static let swapUncovered = Clause(source: "taobao-swap", text: "交代不清造成誤班、空班的按曠工處理")
    /// No leave on a swapped or returned shift.
    public static let swapLeave = Clause(source: "taobao-swap", text: "換班和還班均不得請假, 否則按曠工處理")
    /// Holiday duty: no swap, no leave.
    public static let swapHoliday = Clause(source: "taobao-swap", text: "節假日當班人員不允許換班或請假")
    /// The outgoing person may not leave before the relief arrives.
    public static let handover = Clause(source: "taobao-handover", text: "接班人未到崗, 交班人不得離臺")
}
