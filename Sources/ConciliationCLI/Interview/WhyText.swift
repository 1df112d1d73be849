import DialogueKit

/// What `:pourquoi` shows: the `Explanation` of the interview, as lines. Before
/// the result, why the question being asked matters, then what is decided so far;
/// after it, each answer, each decision with its rule, and the sources by title
/// and address.
struct WhyText {
    let dialogue: Dialogue
    let language: Language
    let style: Style

    private func say(_ message: CLIMessage) -> String { message.text(language) }

    /// `decided`: whether any answer is given yet.
    func lines(_ explanation: Explanation, decided: Bool) -> [String] {
        var lines: [String] = []
        if let asked = explanation.asked {
            lines.append(style.bold(say(.whyThisQuestion(dialogue.questions[asked.question].label.text(language)))))
            if asked.rules.isEmpty {
                lines.append("    " + say(.noRuleReadsIt))
            } else {
                lines.append("    " + say(.rulesReadingIt))
                for rule in asked.rules {
                    lines.append(
                        "    - " + style.bold(rule.title.text(language)) + rule.unconfirmedMark(language) + language.colon
                            + rule.text.text(language))
                }
            }
            if !decided { return lines }
            lines.append(style.bold(say(.decidedSoFar)))
        }
        let note = CaseNote(dialogue: dialogue, language: language)
        for entry in explanation.entries {
            switch entry {
            case .answer(let q, let value):
                let question = dialogue.questions[q]
                lines.append(
                    "• " + question.label.text(language) + language.colon
                        + note.answerText(value, question: question))
            case .decision(let b): lines.append("• " + dialogue.branches[b].title.text(language))
            case .rule(let index): lines += explain(dialogue.rules[index])
            }
        }
        if !decided { lines.append(say(.noRuleYet)) }
        return lines
    }

    private func explain(_ rule: Rule) -> [String] {
        [
            "    " + style.bold(rule.title.text(language)) + rule.unconfirmedMark(language) + " (\(rule.id))",
            "    " + rule.text.text(language),
        ]
            + rule.sources.compactMap { dialogue.source($0) }.map { s in
                "      " + Message.sourceLabel.text(language) + s.title + (s.url.map { " — \($0)" } ?? "")
            }
    }
}
