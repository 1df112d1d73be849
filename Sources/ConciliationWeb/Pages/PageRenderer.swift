import DialogueKit

/// The page templates (`Templates/*.mustache`), built into the binary and
/// prepared once at start, one set per language: the fixed texts (`{{t.name}}`,
/// from `WebMessage`) are written into the templates then. So is every piece of
/// a page that the dialogue alone decides: each rule as the result explains it
/// and as a question's "Pourquoi ?" lists it, each decision point, each radio
/// button, and each answer a question offers as the answers list and the result's
/// "Pourquoi ?" show it. A request renders only what its
/// answers change: the pieces of a date or a text typed, and the page around them.
/// A template that does not parse, or names a text the catalogue does not have,
/// stops the server before it listens (`TemplateError`), never during a request.
struct PageRenderer: Sendable {
    /// What is made once for each language.
    private struct Made: Sendable {
        let templates: TemplateSet
        /// The site's name and the rules' version line, as every page shows them.
        let siteName: String
        let rulesLine: String
        /// By rule index: the rule with its text and sources; the rule in a question's "Pourquoi ?".
        let explained: [[UInt8]]
        let reading: [[UInt8]]
        /// By branch index: the decision point in the result's "Pourquoi ?".
        let decisions: [[UInt8]]
        /// By question slot: its prompt and help, set as a French page sets them.
        let prompts: [String]
        let helps: [String]
        /// By question slot, then option: its radio button; empty for a date or a text.
        let options: [[RadioButton]]
        /// By question slot: its answer in the answers list, and in the result's
        /// "Pourquoi ?" (made for each option, framed for a date or a text).
        let answerItems: [FramedPiece]
        let whyAnswers: [FramedPiece]
    }

    private let dialogue: Dialogue
    /// In `Language.allCases`' order: found by position, not by hashing, for the
    /// dozens of pieces a page takes.
    private let made: [Made]
    /// By question slot: the options' canonical texts, in `AnswerOptions`' order
    /// (the same in every language); empty for a date or a text.
    private let optionValues: [[String]]
    /// By question slot: the rules that may be why it is asked.
    private let readings: [QuestionReadings]

    init(dialogue: Dialogue) throws {
        self.dialogue = dialogue
        // The options' values, as `AnswerParser` reads them back.
        let offered: [[Value]] = dialogue.questions.map { question in
            (AnswerOptions.of(question, .fr) ?? []).compactMap { AnswerParser.canonical($0.value, for: question) }
        }
        let canonical = offered.map { $0.map(AnswerParser.canonicalText) }
        optionValues = canonical
        var made: [Made] = []
        for language in Language.allCases {
            let labels = WebMessage.labels(language)
            let library = try TemplateSet(label: { labels[$0] })
            func piece(_ template: PageTemplate, _ values: TemplateFields) -> [UInt8] { library.render(template, values, capacity: 256) }
            let rules = dialogue.rules.map { PageRenderer.values(of: $0, dialogue, language) }
            let questionLabels = dialogue.questions.map { WebText.typeset($0.label.text(language), language) }
            let note = CaseNote(dialogue: dialogue, language: language)
            // Each option's answer as a case note words it.
            let offeredTexts = dialogue.questions.map { q in
                offered[q.slot].map { WebText.typeset(note.answerText($0, question: q), language) }
            }
            func answer(_ q: Question, _ text: TemplateValue) -> TemplateFields {
                [.id: .text(q.id), .label: .text(questionLabels[q.slot]), .text: text]
            }
            let options = dialogue.questions.map { question in
                (AnswerOptions.of(question, language) ?? []).enumerated().map { i, option in
                    let values: TemplateFields = [
                        .id: .text("answer-\(i + 1)"), .value: .text(option.value), .label: .text(WebText.typeset(option.label, language)),
                    ]
                    return RadioButton { ticked in
                        var values = values
                        values[.checked] = .flag(ticked)
                        return piece(.option, values)
                    }
                }
            }
            made.append(
                Made(
                    templates: library,
                    siteName: WebText.typeset(dialogue.title.text(language), language),
                    rulesLine: WebText.typeset(
                        WebSentence.rulesVersion(dialogue: dialogue.id, version: dialogue.version).text(language), language),
                    explained: rules.map { piece(.rule, $0) },
                    reading: rules.map { piece(.ruleReading, $0) },
                    decisions: dialogue.branches.map {
                        piece(.whyDecision, [.title: .text(WebText.typeset($0.title.text(language), language))])
                    },
                    prompts: dialogue.questions.map { WebText.typeset($0.prompt(.self, language), language) },
                    helps: dialogue.questions.map { WebText.typeset($0.help.text(language), language) },
                    options: options,
                    answerItems: try dialogue.questions.map { q throws(TemplateError) in
                        try FramedPiece(PageTemplate.answer.name, ahead: offeredTexts[q.slot]) { piece(.answer, answer(q, $0)) }
                    },
                    whyAnswers: try dialogue.questions.map { q throws(TemplateError) in
                        try FramedPiece(PageTemplate.whyAnswer.name, ahead: offeredTexts[q.slot]) {
                            var values = answer(q, $0)
                            values[.colon] = .text(language.colon)
                            return piece(.whyAnswer, values)
                        }
                    }))
        }
        self.made = made
        self.readings = dialogue.questions.indices.map { QuestionReadings(dialogue: dialogue, question: $0) }
    }

    private func made(_ language: Language) -> Made {
        made[Language.allCases.firstIndex(of: language) ?? 0]
    }

    func render(_ template: PageTemplate, _ language: Language, _ values: TemplateFields) -> [UInt8] {
        made(language).templates.render(template, values)
    }

    func siteName(_ language: Language) -> String { made(language).siteName }
    func rulesLine(_ language: Language) -> String { made(language).rulesLine }
    func prompt(_ q: Int, _ language: Language) -> String { made(language).prompts[q] }
    func help(_ q: Int, _ language: Language) -> String { made(language).helps[q] }

    /// The rule (its index in `Dialogue.rules`) as the result explains it, ready to insert.
    func explained(rule: Int, _ language: Language) -> [UInt8] { made(language).explained[rule] }

    /// The decision point as the result's "Pourquoi ?" lists it, ready to insert.
    func decision(_ branch: Int, _ language: Language) -> [UInt8] { made(language).decisions[branch] }

    /// The rules that may still be why question `q` is asked, with these answers,
    /// each as a question's "Pourquoi ?" lists it, ready to insert.
    func rulesReading(question q: Int, answers: [Value?], today: CivilDate, _ language: Language) -> [[UInt8]] {
        let listed = made(language).reading
        return readings[q].ruleIndices(answers: answers, today: today).map { listed[$0] }
    }

    /// The radio buttons of question `q`, `checked` the canonical text of the answer
    /// to tick. None takes the focus: the question does (a ticked option far down
    /// would scroll the question off a phone's screen).
    func options(_ q: Int, checked: String?, _ language: Language) -> [[UInt8]] {
        let variants = made(language).options[q]
        let values = optionValues[q]
        return zip(values, variants).map { value, button in button.html(ticked: value == checked) }
    }

    /// The answer `value` to question `q` in the answers list, with its "Modifier" button.
    func answerItem(_ q: Int, _ value: Value, _ language: Language) -> [UInt8] {
        made(language).answerItems[q].piece(option: option(q, value), text: answerText(q, value, language))
    }

    /// The answer `value` to question `q` in the result's "Pourquoi ?".
    func whyAnswer(_ q: Int, _ value: Value, _ language: Language) -> [UInt8] {
        made(language).whyAnswers[q].piece(option: option(q, value), text: answerText(q, value, language))
    }

    /// Which of question `q`'s options `value` is; nil for a date or a text.
    private func option(_ q: Int, _ value: Value) -> Int? {
        let values = optionValues[q]
        guard !values.isEmpty else { return nil }
        let text = AnswerParser.canonicalText(value)
        return values.firstIndex(of: text)
    }

    /// An answer as a case note words it, set as a French page sets it.
    private func answerText(_ q: Int, _ value: Value, _ language: Language) -> String {
        WebText.typeset(CaseNote(dialogue: dialogue, language: language).answerText(value, question: dialogue.questions[q]), language)
    }

    private static func values(of rule: Rule, _ dialogue: Dialogue, _ language: Language) -> TemplateFields {
        let sources = rule.sources.compactMap { dialogue.source($0) }.map { source -> TemplateValue in
            var s: TemplateFields = [.title: .text(source.title)]
            if let url = source.url, url.hasPrefix("https://") || url.hasPrefix("http://") { s[.url] = .text(url) }
            return .fields(s)
        }
        return [
            .id: .text(rule.id), .title: .text(WebText.typeset(rule.title.text(language), language)),
            .text: .text(WebText.typeset(rule.text.text(language), language)), .unconfirmed: .flag(!rule.confirmed),
            .sources: .list(sources), .hasSources: .flag(!sources.isEmpty),
        ]
    }
}
