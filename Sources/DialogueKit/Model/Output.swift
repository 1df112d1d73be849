/// A value every result carries (`appeal_deadline`, `wait_until`, …): its default
/// expression, or null when there is none.
public final class Output: Sendable {
    public let name: String
    public let type: ValueType
    public let value: Expression?
    public let label: LocalizedText
    public let position: SourcePosition
    /// What the quiz asks of this date, for results of one recommendation: the
    /// quiz reads it here rather than naming outputs itself.
    public let quiz: Quiz?
    /// Whether the date is the first day something becomes possible (the
    /// médiateur, the court after a silence: `opens: true`) rather than a last
    /// day: once past it reads « possible depuis … », never « dépassée ».
    public let opens: Bool

    /// The quiz's question on an output.
    public struct Quiz: Sendable {
        /// The recommendation whose results this date is asked for.
        public let recommendation: Recommendation
        /// The question, in each language.
        public let ask: LocalizedText
        /// Whether the date is a deadline carried to the next working day (art.
        /// 642 CPC), which the quiz's diagnosis of a wrong date then explains; a
        /// wait in calendar days is never carried.
        public let movesToWorkingDay: Bool
    }

    init(
        name: String, type: ValueType, value: Expression?, label: LocalizedText, position: SourcePosition, quiz: Quiz?, opens: Bool = false
    ) {
        self.opens = opens
        self.name = name
        self.type = type
        self.value = value
        self.label = label
        self.position = position
        self.quiz = quiz
    }
}
