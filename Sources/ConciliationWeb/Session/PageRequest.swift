import DialogueKit

/// A request of the page: the session (the answers its cookie carries, each
/// checked by the same parser as a typed answer) and what it asks for (the button
/// pressed, or the step its address names). Anything that a page of this site
/// cannot have sent is refused with what was wrong, and none of its answers is used.
struct PageRequest: Sendable {
    let answers: [(question: Int, value: Value)]
    let setAside: [(question: Int, value: Value)]
    let event: PageEvent

    /// A form posted, with the session it was posted from.
    init(session: FormFields, form: FormFields, dialogue: Dialogue, parser: AnswerParser) throws(PageRefusal) {
        try self.init(session: session, event: try PageRequest.event(form, dialogue), dialogue: dialogue, parser: parser)
    }

    init(session: FormFields, event: PageEvent, dialogue: Dialogue, parser: AnswerParser) throws(PageRefusal) {
        var answers: [(question: Int, value: Value)] = []
        var setAside: [(question: Int, value: Value)] = []
        for (name, text) in session.pairs {
            guard let (id, isAnswer) = PageRequest.session(name) else { continue }
            guard let question = dialogue.question(named: id) else { throw PageRefusal(.unknownQuestion(id)) }
            switch parser.parse(text, for: question) {
            case .success(let value):
                if isAnswer {
                    answers.append((question.slot, value))
                } else {
                    setAside.append((question.slot, value))
                }
            case .failure(let error):
                throw PageRefusal(.answerRefused(label: question.label.text(parser.language), reason: error.message(parser.language)))
            }
        }
        self.answers = answers
        self.setAside = setAside
        self.event = event
    }

    /// A session field's question id, and whether it carries an answer or an
    /// answer set aside; nil for any other field. Read by bytes: every field of
    /// every request goes through here.
    static func session(_ name: String) -> (id: String, isAnswer: Bool)? {
        let bytes = name.utf8
        let prefix: String
        if bytes.starts(with: SessionCookie.answerPrefix.utf8) {
            prefix = SessionCookie.answerPrefix
        } else if bytes.starts(with: SessionCookie.setAsidePrefix.utf8) {
            prefix = SessionCookie.setAsidePrefix
        } else {
            return nil
        }
        // The prefixes are ASCII: what follows starts on a character.
        guard let id = String(bytes.dropFirst(prefix.utf8.count)) else { return nil }
        return (id, prefix == SessionCookie.answerPrefix)
    }

    private static func event(_ form: FormFields, _ dialogue: Dialogue) throws(PageRefusal) -> PageEvent {
        guard let value = form["do"] else { throw PageRefusal(.fieldMissing("do")) }
        guard let button = PageButton(value: value) else { throw PageRefusal(.unknownButton(value)) }
        func question() throws(PageRefusal) -> Int {
            guard let id = form["q"] else { throw PageRefusal(.fieldMissing("q")) }
            guard let q = dialogue.question(named: id) else { throw PageRefusal(.unknownQuestion(id)) }
            return q.slot
        }
        func letterFields() -> LetterFields {
            var fields = LetterFields()
            for field in LetterField.allCases { fields.values[field] = form[field.rawValue] }
            return fields
        }
        switch button {
        case .start, .show, .language: return .show
        case .next, .unknown:
            return .answer(
                question: try question(), text: form["answer"] ?? "", unknown: button == .unknown, editing: form["mode"] == "edit")
        case .back: return .back(question: form["q"].flatMap { dialogue.question(named: $0)?.slot })
        case .letter: return .letter
        case .letterPreview: return .letterPreview(letterFields())
        case .letterText, .letterMarkdown: return .letterDownload(letterFields(), markdown: button == .letterMarkdown)
        case .edit(let id):
            guard let q = dialogue.question(named: id) else { throw PageRefusal(.unknownQuestion(id)) }
            return .edit(question: q.slot)
        case .export(let format): return .export(format)
        }
    }
}

/// Why a form was refused whole.
struct PageRefusal: Error, Equatable {
    let reason: WebSentence
    init(_ reason: WebSentence) { self.reason = reason }
}
