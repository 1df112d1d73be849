/// The summary an agent pastes into a case tool: plain lines, no colour, no box
/// drawing, short enough for one screen. Dates as 05/10/2026, the form case notes use.
public struct CaseNote: Sendable {
    public let dialogue: Dialogue
    public let language: Language

    public init(dialogue: Dialogue, language: Language) {
        self.dialogue = dialogue
        self.language = language
    }

    /// An answer as the note states it: a date short, a choice by its note
    /// wording (third person, no examples in parentheses).
    public func answerText(_ value: Value, question: Question) -> String {
        if case .date(let d) = value { return DateWords.short(d) }
        if case .string(let s) = value, case .choice(let choices) = question.kind, let choice = choices.first(where: { $0.value == s }) {
            return choice.noteText(language)
        }
        return TextRenderer(dialogue: dialogue, language: language).format(value, question: question)
    }

    /// "1. Objet du litige : …" for each answer on the path.
    public func answerLines(_ answers: [(question: Int, value: Value)]) -> [String] {
        answers.enumerated().map { i, a in
            let q = dialogue.questions[a.question]
            return "\(i + 1). \(q.label.text(language))\(language.colon)\(answerText(a.value, question: q))"
        }
    }

    public func text(answers: [(question: Int, value: Value)], routed: RoutedCase?) -> String {
        var lines = [
            Message.noteTitle(DateWords.short(routed?.today ?? CivilDate(dayNumber: 0))).text(language)
        ]
        if routed == nil {
            lines[0] = Message.noteTitleUnderWay.text(language)
        }
        lines += answerLines(answers)
        guard let routed else { return lines.joined(separator: "\n") }
        let result = routed.result
        let outcome = dialogue.outcomes[result.outcome]
        let renderer = TextRenderer(dialogue: dialogue, language: language)
        lines.append(Message.resultLabel.text(language) + renderer.fill(outcome.title, result: result, today: routed.today))
        for (i, output) in dialogue.outputs.enumerated() {
            guard case .date(let d) = result.outputs[i] else { continue }
            lines.append(
                "\(output.label.text(language))\(language.colon)\(DateWords.short(d)) (\(DateWords.relativeAsOf(d, today: routed.today, language, opens: output.opens)))"
            )
        }
        if let first = renderer.applicable(outcome.steps, result: result, today: routed.today).first {
            lines.append(Message.toDoLabel.text(language) + first)
        }
        let rules = result.rules(in: dialogue).joined(separator: ", ")
        lines.append(
            Message.rulesLine(rules: rules, dialogue: dialogue.id, version: dialogue.version).text(language))
        return lines.joined(separator: "\n")
    }
}
