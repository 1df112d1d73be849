import DialogueKit

/// The page templates (`Templates/*.mustache`), built into the binary and
/// prepared once at start, one set per language: the fixed texts (`{{t.name}}`,
/// from `WebMessage`) are written into the templates then, and each rule of the
/// dialogue is rendered then, as the result explains it and as a question's
/// "Pourquoi ?" lists it. A request renders only what its answers change.
/// A template that does not parse, or names a text the catalogue does not have,
/// stops the server before it listens (`TemplateError`), never during a request.
struct PageRenderer: Sendable {
    private let templates: [Language: TemplateSet]
    /// By language, then by rule index: the rule with its text and sources.
    private let explained: [Language: [String]]
    /// By language, then by rule index: the rule in a question's "Pourquoi ?".
    private let reading: [Language: [String]]
    private let ruleIndex: [String: Int]
    /// By language: the site's name and the rules' version line, as every page shows them.
    private let siteNames: [Language: String]
    private let rulesLines: [Language: String]
    /// By question slot: the rules that may be why it is asked.
    private let readings: [QuestionReadings]
    /// By language, then by question slot, then by option: the radio button in
    /// its four states (neither, ticked, focused, both).
    private let options: [Language: [Int: [[String]]]]

    static let sources: [(String, [UInt8])] = [
        ("top", PackageResources.top_mustache), ("bottom", PackageResources.bottom_mustache),
        ("session", PackageResources.session_mustache), ("answers", PackageResources.answers_mustache),
        ("language_switch", PackageResources.language_switch_mustache), ("home", PackageResources.home_mustache),
        ("question", PackageResources.question_mustache), ("result", PackageResources.result_mustache),
        ("letter", PackageResources.letter_mustache), ("fault", PackageResources.fault_mustache),
        ("problem", PackageResources.problem_mustache), ("rule", PackageResources.rule_mustache),
        ("rule_reading", PackageResources.rule_reading_mustache), ("option", PackageResources.option_mustache),
    ]

    init(dialogue: Dialogue) throws {
        var templates: [Language: TemplateSet] = [:]
        var explained: [Language: [String]] = [:]
        var reading: [Language: [String]] = [:]
        var options: [Language: [Int: [[String]]]] = [:]
        var siteNames: [Language: String] = [:]
        var rulesLines: [Language: String] = [:]
        for language in Language.allCases {
            siteNames[language] = WebText.typeset(dialogue.title.text(language), language)
            rulesLines[language] = WebText.typeset(
                WebSentence.rulesVersion(dialogue: dialogue.id, version: dialogue.version).text(language), language)
            let labels = WebMessage.labels(language)
            let library = try TemplateSet(
                PageRenderer.sources.map { ($0.0, String(decoding: $0.1, as: UTF8.self)) }, label: { labels[$0] })
            let rules = dialogue.rules.map { PageRenderer.values(of: $0, dialogue, language) }
            explained[language] = rules.map { String(decoding: library.render("rule", $0) ?? [], as: UTF8.self) }
            reading[language] = rules.map { String(decoding: library.render("rule_reading", $0) ?? [], as: UTF8.self) }
            var byQuestion: [Int: [[String]]] = [:]
            for question in dialogue.questions {
                guard let offered = AnswerOptions.of(question, language) else { continue }
                byQuestion[question.slot] = offered.enumerated().map { i, option in
                    [(false, false), (true, false), (false, true), (true, true)].map { checked, focused in
                        let values: TemplateFields = [
                            "id": .text("answer-\(i + 1)"), "value": .text(option.value),
                            "label": .text(WebText.typeset(option.label, language)), "checked": .flag(checked), "focused": .flag(focused),
                        ]
                        return String(decoding: library.render("option", values) ?? [], as: UTF8.self)
                    }
                }
            }
            options[language] = byQuestion
            templates[language] = library
        }
        self.templates = templates
        self.explained = explained
        self.reading = reading
        self.options = options
        var index: [String: Int] = [:]
        for (i, rule) in dialogue.rules.enumerated() { index[rule.id] = i }
        self.ruleIndex = index
        self.siteNames = siteNames
        self.rulesLines = rulesLines
        self.readings = dialogue.questions.indices.map { QuestionReadings(dialogue: dialogue, question: $0) }
    }

    func render(_ template: String, _ language: Language, _ values: TemplateFields) -> [UInt8] {
        templates[language]?.render(template, values) ?? []
    }

    /// The rule as the result explains it, ready to insert.
    func explained(_ rule: Rule, _ language: Language) -> String {
        ruleIndex[rule.id].flatMap { explained[language]?[$0] } ?? ""
    }

    func siteName(_ language: Language) -> String { siteNames[language] ?? "" }
    func rulesLine(_ language: Language) -> String { rulesLines[language] ?? "" }

    /// The rules that may still be why question `q` is asked, with these answers,
    /// each as a question's "Pourquoi ?" lists it, ready to insert.
    func rulesReading(question q: Int, _ interview: Interview, _ language: Language) -> [String] {
        let listed = reading[language] ?? []
        return readings[q].ruleIndices(answers: interview.answers, today: interview.today).map { listed[$0] }
    }

    /// The radio buttons of `question`, `checked` the canonical text of the answer
    /// to tick; the focus goes to the ticked one, else to the first.
    func options(_ question: Question, checked: String?, _ language: Language) -> [String] {
        guard let variants = options[language]?[question.slot], let offered = AnswerOptions.of(question, language) else { return [] }
        let focused = offered.firstIndex { $0.value == checked } ?? 0
        return zip(offered.indices, variants).map { i, states in
            states[(offered[i].value == checked ? 1 : 0) + (i == focused ? 2 : 0)]
        }
    }

    private static func values(of rule: Rule, _ dialogue: Dialogue, _ language: Language) -> TemplateFields {
        let sources = rule.sources.compactMap { dialogue.source($0) }.map { source -> TemplateValue in
            var s: TemplateFields = ["title": .text(source.title)]
            if let url = source.url, url.hasPrefix("https://") || url.hasPrefix("http://") { s["url"] = .text(url) }
            return .fields(s)
        }
        return [
            "id": .text(rule.id), "title": .text(WebText.typeset(rule.title.text(language), language)),
            "text": .text(WebText.typeset(rule.text.text(language), language)), "unconfirmed": .flag(!rule.confirmed),
            "sources": .list(sources), "hasSources": .flag(!sources.isEmpty),
        ]
    }
}
