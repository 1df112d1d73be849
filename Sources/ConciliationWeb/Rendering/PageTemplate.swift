/// Every template of the page, built into the binary. A template is named by a
/// case, never by a text: one that does not exist cannot be asked for, and each
/// case's file is found by the exhaustive switch below, so a template left out
/// does not compile (asking for a name not in the list rendered an empty page).
/// Its raw value is its place in `allCases`: a set of templates finds its steps by
/// position, without hashing a name.
enum PageTemplate: Int, CaseIterable, Sendable {
    case top, bottom, session, answers, languageSwitch, home, question, result, letter, fault, problem
    case rule, ruleReading, option, answer, whyAnswer, whyDecision

    /// The file's name in `Templates/` (without `.mustache`), how partials name it,
    /// and its text.
    var file: (name: String, source: [UInt8]) {
        switch self {
        case .top: ("top", PackageResources.top_mustache)
        case .bottom: ("bottom", PackageResources.bottom_mustache)
        case .session: ("session", PackageResources.session_mustache)
        case .answers: ("answers", PackageResources.answers_mustache)
        case .languageSwitch: ("language_switch", PackageResources.language_switch_mustache)
        case .home: ("home", PackageResources.home_mustache)
        case .question: ("question", PackageResources.question_mustache)
        case .result: ("result", PackageResources.result_mustache)
        case .letter: ("letter", PackageResources.letter_mustache)
        case .fault: ("fault", PackageResources.fault_mustache)
        case .problem: ("problem", PackageResources.problem_mustache)
        case .rule: ("rule", PackageResources.rule_mustache)
        case .ruleReading: ("rule_reading", PackageResources.rule_reading_mustache)
        case .option: ("option", PackageResources.option_mustache)
        case .answer: ("answer", PackageResources.answer_mustache)
        case .whyAnswer: ("why_answer", PackageResources.why_answer_mustache)
        case .whyDecision: ("why_decision", PackageResources.why_decision_mustache)
        }
    }

    /// How partials and errors name it.
    var name: String { file.name }

    /// The page it renders, as the metrics count it; nil for a piece of a page.
    var page: PageKind? {
        switch self {
        case .home: .home
        case .question: .question
        case .result: .result
        case .letter: .letter
        case .fault: .fault
        case .problem: .problem
        case .top, .bottom, .session, .answers, .languageSwitch, .rule, .ruleReading, .option, .answer, .whyAnswer, .whyDecision:
            nil
        }
    }
}
