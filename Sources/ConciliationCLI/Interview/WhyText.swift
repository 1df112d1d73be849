import DialogueKit

/// What `:pourquoi` shows. Before the result: why the question being asked
/// matters (the rules that read it), then what is decided so far. After it: each
/// answer, each decision with the rule it applied, the result's own rules, and
/// the sources by title and address.
struct WhyText {
    let dialogue: Dialogue
    let language: Language
    let style: Style

    private func say(_ message: CLIMessage) -> String { message.text(language) }

    func lines(_ interview: Interview) -> [String] {
        var lines: [String] = []
        if case .asking(let q) = interview.state {
            let rules = dialogue.rulesReading(question: q, answers: interview.answers, today: interview.today)
            lines.append(style.bold(say(.whyThisQuestion(dialogue.questions[q].label.text(language)))))
            if rules.isEmpty {
                lines.append("    " + say(.noRuleReadsIt))
            } else {
                lines.append("    " + say(.rulesReadingIt))
                for rule in rules {
                    lines.append(
                        "    - " + style.bold(rule.title.text(language)) + rule.unconfirmedMark(language) + language.colon
                            + rule.text.text(language))
                }
            }
            if interview.path.isEmpty { return lines }
            lines.append(style.bold(say(.decidedSoFar)))
        }
        var cited: Set<String> = []
        let note = CaseNote(dialogue: dialogue, language: language)
        for step in interview.path {
            guard let transition = dialogue.transition(taken: step) else { continue }
            switch step.node {
            case .question(let q):
                if let v = step.value {
                    lines.append(
                        "• " + dialogue.questions[q].label.text(language) + language.colon
                            + note.answerText(v, question: dialogue.questions[q]))
                }
            case .branch(let b):
                // A decision point is shown only with the rule it applied: no heading without its text.
                if transition.rule != nil { lines.append("• " + dialogue.branches[b].title.text(language)) }
            case .outcome:
                continue
            }
            if let id = transition.rule, let rule = dialogue.rule(id) {
                lines += explain(rule)
                cited.insert(id)
            }
        }
        if case .finished(let result) = interview.state {
            for index in result.ruleIndices where !cited.contains(dialogue.rules[index].id) {
                lines += explain(dialogue.rules[index])
            }
        }
        if interview.path.isEmpty { lines.append(say(.noRuleYet)) }
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
