import DialogueKit

/// What a page draws, as the machine gives it once the page is to be drawn
/// (`PageMachine.drawing(of:)`): `PageView` reads nothing else. A post answers
/// with a redirect and draws nothing, so its action does not carry this.
enum PageDrawing {
    /// A question asked, or an earlier one edited.
    struct Question {
        let question: Int
        /// Why the last answer was refused.
        let error: String?
        /// The text to put back in the field, as typed.
        let typed: String?
        let editing: Bool
        /// Which answers an edit set aside.
        let notice: String?
        /// The answer given before, or set aside by going back: offered again.
        let offered: Value?
        /// The progress line; nil when editing.
        let progress: Interview.Progress?
        /// The answers on the path, each with its "Modifier".
        let path: [(question: Int, value: Value)]
        /// What the rules that read the question read: the answers and the day.
        let answers: [Value?]
        let today: CivilDate
    }

    case question(Question)
    /// The result, its explanation and the answers that led to it.
    case result(RoutedCase, notice: String?, explanation: Explanation, path: [(question: Int, value: Value)])
    /// The dialogue has no way forward for these answers.
    case fault(path: [(question: Int, value: Value)])
    /// The letter's details for this kind of letter, with what is wrong in each
    /// and, when asked, the letter as it would be written.
    case letter(LetterKind, LetterFields, problems: [LetterField: WebSentence], preview: LetterPreview?)
}
