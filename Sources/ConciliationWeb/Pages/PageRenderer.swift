import DialogueKit
import Mustache

/// The page templates (`Templates/*.mustache`), built into the binary and
/// prepared once at start, one set per language: the fixed texts (`{{t.name}}`,
/// from `WebMessage`) are written into the templates then, and each rule of the
/// dialogue is rendered then, as the result explains it and as a question's
/// "Pourquoi ?" lists it. A request renders only what its answers change.
/// A template that does not parse, or names a text the catalogue does not have,
/// stops the server before it listens, never during a request.
struct PageRenderer: Sendable {
    enum Problem: Error, CustomStringConvertible {
        case unknownLabel(template: String, name: String)
        var description: String {
            switch self {
            case .unknownLabel(let template, let name): return "Templates/\(template).mustache: no text “\(name)” in WebMessage"
            }
        }
    }

    private let libraries: [Language: MustacheLibrary]
    /// By language, then by rule index: the rule with its text and sources.
    private let explained: [Language: [String]]
    /// By language, then by rule index: the rule in a question's "Pourquoi ?".
    private let reading: [Language: [String]]
    private let ruleIndex: [String: Int]
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
        MustacheContentTypes.register(HTMLEscaping(), named: HTMLEscaping.name)
        var libraries: [Language: MustacheLibrary] = [:]
        var explained: [Language: [String]] = [:]
        var reading: [Language: [String]] = [:]
        var options: [Language: [Int: [[String]]]] = [:]
        for language in Language.allCases {
            let labels = WebMessage.labels(language)
            var library = MustacheLibrary()
            for (name, bytes) in PageRenderer.sources {
                // Every template escapes with `HTMLEscaping`; a partial takes the escaping of the page that includes it.
                let text = try PageRenderer.localized(String(decoding: bytes, as: UTF8.self), labels, template: name)
                try library.register("{{% CONTENT_TYPE: \(HTMLEscaping.name) }}" + text, named: name)
            }
            let rules = dialogue.rules.map { PageRenderer.values(of: $0, dialogue, language) }
            explained[language] = rules.map { library.render($0, withTemplate: "rule") ?? "" }
            reading[language] = rules.map { library.render($0, withTemplate: "rule_reading") ?? "" }
            var byQuestion: [Int: [[String]]] = [:]
            for question in dialogue.questions {
                guard let offered = AnswerOptions.of(question, language) else { continue }
                byQuestion[question.slot] = offered.enumerated().map { i, option in
                    [(false, false), (true, false), (false, true), (true, true)].map { checked, focused in
                        let values: [String: Any] = [
                            "id": "answer-\(i + 1)", "value": option.value, "label": WebText.typeset(option.label, language),
                            "checked": checked, "focused": focused,
                        ]
                        return library.render(values, withTemplate: "option") ?? ""
                    }
                }
            }
            options[language] = byQuestion
            libraries[language] = library
        }
        self.libraries = libraries
        self.explained = explained
        self.reading = reading
        self.options = options
        var index: [String: Int] = [:]
        for (i, rule) in dialogue.rules.enumerated() { index[rule.id] = i }
        self.ruleIndex = index
    }

    func render(_ template: String, _ language: Language, _ context: [String: Any]) -> String {
        libraries[language]?.render(context, withTemplate: template) ?? ""
    }

    /// The rule as the result explains it, ready to insert.
    func explained(_ rule: Rule, _ language: Language) -> String {
        ruleIndex[rule.id].flatMap { explained[language]?[$0] } ?? ""
    }

    /// The rule as a question's "Pourquoi ?" lists it, ready to insert.
    func reading(_ rule: Rule, _ language: Language) -> String {
        ruleIndex[rule.id].flatMap { reading[language]?[$0] } ?? ""
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

    /// `{{t.name}}` replaced by the catalogue's text, escaped for HTML.
    static func localized(_ template: String, _ labels: [String: String], template name: String) throws -> String {
        var out = ""
        var rest = Substring(template)
        while let open = rest.range(of: "{{t.") {
            out += rest[..<open.lowerBound]
            guard let close = rest[open.upperBound...].range(of: "}}") else { break }
            let key = String(rest[open.upperBound..<close.lowerBound])
            guard let label = labels[key] else { throw Problem.unknownLabel(template: name, name: key) }
            out += HTMLEscaping().escapeText(label)
            rest = rest[close.upperBound...]
        }
        return out + rest
    }

    private static func values(of rule: Rule, _ dialogue: Dialogue, _ language: Language) -> [String: Any] {
        let sources = rule.sources.compactMap { dialogue.source($0) }.map { source -> [String: Any] in
            var s: [String: Any] = ["title": source.title]
            if let url = source.url, url.hasPrefix("https://") || url.hasPrefix("http://") { s["url"] = url }
            return s
        }
        return [
            "id": rule.id, "title": WebText.typeset(rule.title.text(language), language),
            "text": WebText.typeset(rule.text.text(language), language), "unconfirmed": !rule.confirmed,
            "sources": sources, "hasSources": !sources.isEmpty,
        ]
    }
}
