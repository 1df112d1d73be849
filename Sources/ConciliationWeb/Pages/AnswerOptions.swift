import DialogueKit

/// The options a question with choices offers on the page, as radio buttons: its
/// choices (yes and no for a yes/no question), then its "je ne sais pas" when the
/// rules allow one. Each value is the canonical text `AnswerParser` reads back.
enum AnswerOptions {
    static func of(_ question: Question, _ language: Language) -> [(value: String, label: String)]? {
        var options: [(value: String, label: String)]
        switch question.kind {
        case .choice(let choices): options = choices.map { ($0.value, $0.label(for: .self, language)) }
        case .yesNo:
            options = [
                (AnswerParser.canonicalText(.bool(true)), capitalised(Message.yes.text(language))),
                (AnswerParser.canonicalText(.bool(false)), capitalised(Message.no.text(language))),
            ]
        case .date, .text: return nil
        }
        if let unknown = question.unknown { options.append((AnswerParser.canonicalText(.null), capitalised(unknown.text(language)))) }
        return options
    }

    static func capitalised(_ word: String) -> String { word.prefix(1).uppercased() + word.dropFirst() }
}
