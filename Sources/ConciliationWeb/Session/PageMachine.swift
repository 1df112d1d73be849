import DialogueKit

/// One request of the browser page, as a state machine in the manner of
/// swift-nio's: rebuilt from the form (a session is the dialogue plus the answers
/// the page carries), then one `mutating func` per event, each returning what to
/// answer. No I/O, no clock: `today` is given, so a test replays a page exactly.
///
/// The decisions of the law stay in `Interview`; this machine adds what a page
/// needs around it: which question a form answers, edits, the letter's details,
/// downloads.
struct PageMachine {
    /// What the page shows: the state the next form is sent from.
    enum Page: Equatable {
        /// A question, with why the last answer was refused (`error`) and the text
        /// to put back in the field (`typed`). `editing` for an earlier question;
        /// `notice` says which answers an edit set aside.
        case question(Int, error: String?, typed: String?, editing: Bool, notice: String?)
        /// The result, with the notice of an edit.
        case result(notice: String?)
        /// The dialogue has no way forward for these answers.
        case fault
        /// The letter's details, with what is wrong in each, and the letter as it
        /// would be written once they are right, when asked to see it first.
        case letter(LetterFields, problems: [LetterField: WebSentence], preview: LetterPreview? = nil)
    }

    /// What to answer.
    enum Action: Equatable {
        /// Show this page.
        case show(Page)
        /// Send this file as a download.
        case download(Download)
        /// The form is not one this page sent: say why, use none of it.
        case refuse(WebSentence)
    }

    private(set) var interview: Interview
    /// The answers the last answer or edit set aside, for the notice that says so:
    /// carried to the page the post redirects to (`SessionCookie`).
    private(set) var lastSetAside: [Int] = []
    let language: Language
    private let parser: AnswerParser
    private let formatter: ResultFormatter

    /// `formatter` is the server's for this language (made once: it renders every rule ahead).
    init(dialogue: Dialogue, today: CivilDate, language: Language, request: PageRequest, formatter: ResultFormatter? = nil) {
        self.interview = Interview(dialogue: dialogue, today: today, answers: request.answers, setAside: request.setAside)
        self.language = language
        self.parser = AnswerParser(today: today, language: language, audience: .self)
        self.formatter = formatter ?? ResultFormatter(dialogue: dialogue, language: language)
    }

    var dialogue: Dialogue { interview.dialogue }

    /// The result, once reached.
    var routed: RoutedCase? {
        if case .finished(let result) = interview.state { return RoutedCase(result: result, today: interview.today) }
        return nil
    }

    /// The progress line of the question asked, as the interview counts it.
    var progress: Interview.Progress? {
        if case .ask(_, let progress, _, _) = interview.current { return progress }
        return nil
    }

    // MARK: Events

    /// Where the interview stands: the question asked, the result, or the fault.
    func show() -> Action {
        .show(page(for: interview.current))
    }

    /// An answer sent for `q`: the question asked, or with `editing` any question
    /// already answered on the path. From a page no longer current (another tab,
    /// an old page kept open), nothing changes and the page where the interview
    /// stands is shown.
    mutating func answered(question q: Int, text: String, unknown: Bool, editing: Bool) -> Action {
        let onPath = interview.answeredPath.contains { $0.question == q }
        let asked = if case .asking(let current) = interview.state { current == q } else { false }
        guard editing ? onPath : asked else { return show() }
        let typed = unknown ? AnswerParser.canonicalText(.null) : text
        let value: Value
        switch parser.parse(typed, for: dialogue.questions[q]) {
        case .success(let v): value = v
        case .failure(let error):
            return .show(.question(q, error: refusal(error, dialogue.questions[q]), typed: text, editing: editing, notice: nil))
        }
        let before = interview.answeredPath.map(\.question)
        let action = editing ? interview.edit(question: q, to: value) : interview.answer(value)
        if case .ask(let again, _, let rejection?, _) = action, again == q {
            return .show(.question(q, error: rejection.text(language), typed: text, editing: editing, notice: nil))
        }
        lastSetAside = interview.questionsSetAside(since: before)
        let notice = notice(setAside: lastSetAside)
        switch page(for: action) {
        case .question(let next, let error, let typed, _, _):
            return .show(.question(next, error: error, typed: typed, editing: false, notice: notice))
        case .result: return .show(.result(notice: notice))
        case let other: return .show(other)
        }
    }

    /// A page the browser asks for by its address after a post (`?step=`), or with
    /// its Back and Forward buttons: `step` answers along the path. Before the end
    /// of the path, that question as "Modifier" shows it, its answer offered; at
    /// the end, where the interview stands. `flash` is what the post that
    /// redirected here left to show: an answer refused is refused again (the same
    /// words, the text typed put back), a notice of answers set aside is shown.
    mutating func viewed(step: Int, flash: PageFlash) -> Action {
        let path = interview.answeredPath
        if let attempt = flash.attempt {
            var at: Int?
            if attempt.editing {
                at = path.firstIndex { $0.question == attempt.question }
            } else if case .asking(attempt.question) = interview.state {
                at = path.count
            }
            var replay = self
            if at == step,
                case .show(let page) = replay.answered(
                    question: attempt.question, text: attempt.text, unknown: attempt.unknown, editing: attempt.editing),
                page.showsAProblem
            {
                // An answer kept that an edit made fail: offered as the field shows a date, not as the cookie writes it.
                if case .question(let q, let error, _, let editing, let notice) = page,
                    interview.setAside[q].map(AnswerParser.canonicalText) == attempt.text
                {
                    return .show(.question(q, error: error, typed: nil, editing: editing, notice: notice))
                }
                return .show(page)
            }
        }
        if step < path.count { return editRequested(question: path[step].question) }
        let notice = notice(setAside: flash.setAside.filter { q in !path.contains { $0.question == q } })
        switch page(for: interview.current) {
        case .question(let q, let error, let typed, let editing, _):
            return .show(.question(q, error: error, typed: typed, editing: editing, notice: notice))
        case .result: return .show(.result(notice: notice))
        case let other: return .show(other)
        }
    }

    /// Where a page stands on the path, for its address: the number of answers
    /// before it; nil for the letter's pages, which are not steps.
    func step(of page: Page) -> Int? {
        let path = interview.answeredPath
        switch page {
        case .question(let q, _, _, true, _): return path.firstIndex { $0.question == q } ?? path.count
        case .question, .result, .fault: return path.count
        case .letter: return nil
        }
    }

    /// "Retour": the last answer on the path is set aside and its question asked
    /// again with that answer offered; at the first question, the same question.
    /// From a page no longer current, nothing is taken back: the page where the
    /// interview stands is shown.
    mutating func back(from question: Int? = nil) -> Action {
        if let question, case .asking(let current) = interview.state, current != question { return show() }
        switch interview.back() {
        case .atFirstQuestion: return show()
        case let action: return .show(page(for: action))
        }
    }

    /// "Modifier": the question asked again, its answer offered.
    func editRequested(question q: Int) -> Action {
        guard interview.answeredPath.contains(where: { $0.question == q }) else { return show() }
        return .show(.question(q, error: nil, typed: nil, editing: true, notice: nil))
    }

    /// "Préparer la lettre": the details to fill in.
    func letterRequested() -> Action {
        guard let routed else { return .refuse(.noResultYet) }
        guard LetterWriter(dialogue: dialogue).kind(for: routed) != nil else { return .refuse(.noLetterHere) }
        return .show(.letter(LetterFields(), problems: [:]))
    }

    /// The letter's details sent: the letter as a download, or the form again
    /// with what is wrong.
    func letterSubmitted(_ fields: LetterFields, markdown: Bool) -> Action {
        writeLetter(fields, markdown: markdown) { kind, letter in
            .download(Download(name: kind.fileStem + (markdown ? ".md" : ".txt"), markdown: markdown, bytes: Array(letter.text.utf8)))
        }
    }

    /// "Voir la lettre": the form again, with the letter below it as it would be
    /// downloaded and the passages it still leaves to complete; or what is wrong.
    func letterPreviewed(_ fields: LetterFields) -> Action {
        writeLetter(fields, markdown: false) { _, letter in
            .show(.letter(fields, problems: [:], preview: LetterPreview(text: letter.text, toFill: letter.toFill)))
        }
    }

    /// The letter from these details, given to `done`; or the form again with
    /// what is wrong in them.
    private func writeLetter(_ fields: LetterFields, markdown: Bool, _ done: (LetterKind, LetterWriter.Letter) -> Action) -> Action {
        guard let routed else { return .refuse(.noResultYet) }
        let writer = LetterWriter(dialogue: dialogue)
        guard let kind = writer.kind(for: routed) else { return .refuse(.noLetterHere) }
        switch fields.check(citesADecision: kind.citesADecision) {
        case .problems(let problems):
            return .show(.letter(fields, problems: problems))
        case .details(let details):
            return done(kind, writer.letter(kind, routed: routed, details: details, markdown: markdown))
        }
    }

    /// The case summary as a download.
    func exportRequested(_ format: ExportFormat, exportedAt now: String) -> Action {
        guard let routed else { return .refuse(.noResultYet) }
        let bytes = CaseExport(formatter: formatter)
            .render(routed: routed, answers: interview.answeredPath, as: format, facts: [("exported", now)])
        let stem = WebMessage.summaryFileStem.text(language)
        return .download(Download(name: stem + "." + format.fileExtension, format: format, bytes: bytes))
    }

    /// What `page` draws, read once it is to be drawn: a result or a letter
    /// asked for without a result is the fault page.
    func drawing(of page: Page) -> PageDrawing {
        let path = interview.answeredPath
        switch page {
        case .question(let q, let error, let typed, let editing, let notice):
            return .question(
                PageDrawing.Question(
                    question: q, error: error, typed: typed, editing: editing, notice: notice,
                    offered: interview.answers[q] ?? interview.setAside[q], progress: editing ? nil : progress, path: path,
                    answers: interview.answers, today: interview.today))
        case .result(let notice):
            guard let routed else { return .fault(path: path) }
            return .result(routed, notice: notice, explanation: Explanation(interview), path: path)
        case .fault:
            return .fault(path: path)
        case .letter(let fields, let problems, let preview):
            guard let routed, let kind = LetterWriter(dialogue: dialogue).kind(for: routed) else { return .fault(path: path) }
            return .letter(kind, fields, problems: problems, preview: preview)
        }
    }

    /// What the page a post redirects to must refuse again: the answer sent;
    /// or, when an edit made a later answer kept fail its check, that answer, as
    /// it stands set aside.
    func refusedAgain(on page: Page, sent: PageFlash.Attempt?) -> PageFlash.Attempt? {
        guard page.showsAProblem else { return nil }
        guard case .question(let q, _, _, _, _) = page, q != sent?.question, let kept = interview.setAside[q] else { return sent }
        return PageFlash.Attempt(question: q, text: AnswerParser.canonicalText(kept), unknown: kept == .null, editing: false)
    }

    /// Why an answer was refused, as the page says it: in the page's own words
    /// where the terminal's speak of its keys and commands (an empty field, an
    /// option that is not one of the page's, an answer the question requires),
    /// else the parser's problem as a sentence.
    private func refusal(_ error: AnswerError, _ question: Question) -> String {
        switch (question.kind, error) {
        case (.choice, _), (.yesNo, _): return WebSentence.chooseAnAnswer.text(language)
        case (_, .empty): return (question.unknown == nil ? WebSentence.writeAnAnswer : .writeAnAnswerOrUnknown).text(language)
        case (_, .needed): return WebSentence.answerNeededHere.text(language)
        default: return error.sentence(language)
        }
    }

    /// The notice of answers an edit set aside; nil when none was.
    private func notice(setAside: [Int]) -> String? {
        guard !setAside.isEmpty else { return nil }
        let labels = setAside.map { dialogue.questions[$0].label.text(language) }.joined(separator: ", ")
        return WebSentence.answersSetAside(labels: labels).text(language)
    }

    private func page(for action: Interview.Action) -> Page {
        switch action {
        case .ask(let q, _, let rejection, _):
            return .question(q, error: rejection?.text(language), typed: nil, editing: false, notice: nil)
        case .conclude: return .result(notice: nil)
        case .report: return .fault
        case .atFirstQuestion, .noQuestionAsked:
            if case .asking(let q) = interview.state { return .question(q, error: nil, typed: nil, editing: false, notice: nil) }
            return routed == nil ? .fault : .result(notice: nil)
        }
    }
}

extension PageMachine.Page {
    /// A question or a letter shown again with what was wrong (HTTP 422).
    var showsAProblem: Bool {
        switch self {
        case .question(_, let error, _, _, _): return error != nil
        case .letter(_, let problems, _): return !problems.isEmpty
        case .result, .fault: return false
        }
    }
}

/// What a post leaves for the page it redirects to, shown once: an answer the
/// page refused (to refuse it again with the text typed put back), and the
/// answers an edit set aside.
struct PageFlash: Equatable, Sendable {
    struct Attempt: Equatable, Sendable {
        let question: Int
        let text: String
        let unknown: Bool
        let editing: Bool
    }
    var attempt: Attempt?
    var setAside: [Int] = []
}

/// The letter shown on the page before it is downloaded.
struct LetterPreview: Equatable, Sendable {
    let text: String
    /// The passages marked « [à compléter : …] », named.
    let toFill: [String]
}
