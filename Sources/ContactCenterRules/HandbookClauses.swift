import Rulebook

/// The handbook clauses the standard pack cites, in the handbooks' own words.
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
}
