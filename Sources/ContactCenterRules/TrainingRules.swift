import Rulebook

/// The training rules of `toolbox-training`.
public enum TrainingRules {
    /// The rule ids.
    public enum ID {
        /// Missed minutes reached a third of a course.
        public static let attendance = "training.attendance"
    }

    /// `training.attendance`: missed minutes (scheduled − attended, one record per
    /// session, the latest winning) reaching a third of the course's total, in exact
    /// decimals; reported once, the moment it is reached. A course never scheduled
    /// is not judged.
    public static func rules() -> [Rule] {
        [
            Rule(id: ID.attendance, title: "Missing a third of a course", clause: HandbookClauses.trainingAbsence,
                 .total(TotalRule(
                    EventSelector("training.attended"), person: "employee", subject: "course", distinctBy: "session",
                    quantity: .difference("scheduledMinutes", "attendedMinutes"), reaches: .atLeast,
                    bound: .fraction(1, 3, of: ReferencedValue(EventSelector("course.scheduled"), key: "course", value: "totalMinutes")),
                    outcome: "not-attended", reason: "missed-a-third",
                    message: Message(
                        en: "{employee} missed {value} minutes of course {subject}, reaching a third of it ({limit} minutes); this counts as not attending, with a public notice of criticism.",
                        zh: "{employee} 在課程 {subject} 累計缺勤 {value} 分鐘, 達到課程總量的 1/3 ({limit} 分鐘), 按未參加培訓處理, 並進行通報批評。")))),
        ]
    }
}
