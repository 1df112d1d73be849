import DialogueKit

/// A request of the page, read from its form: the session (the answers the page
/// carries, each checked by the same parser as a typed answer) and the button
/// pressed. Anything that a page of this site cannot have sent is refused with
/// what was wrong, and none of the form's answers is used.
struct PageRequest: Sendable {
    let answers: [(question: Int, value: Value)]
    let setAside: [(question: Int, value: Value)]
    let event: PageEvent

    /// The prefixes of the hidden fields: an answer, an answer set aside.
    static let answerPrefix = "a."
    static let setAsidePrefix = "s."

    init(form: FormFields, dialogue: Dialogue, parser: AnswerParser) throws(PageRefusal) {
        var answers: [(Int, Value)] = []
        var setAside: [(Int, Value)] = []
        for (name, text) in form.pairs {
            let prefix =
                name.hasPrefix(PageRequest.answerPrefix)
                ? PageRequest.answerPrefix : name.hasPrefix(PageRequest.setAsidePrefix) ? PageRequest.setAsidePrefix : nil
            guard let prefix else { continue }
            let id = String(name.dropFirst(prefix.count))
            guard let question = dialogue.question(named: id) else { throw PageRefusal(.unknownQuestion(id)) }
            switch parser.parse(text, for: question) {
            case .success(let value):
                if prefix == PageRequest.answerPrefix {
                    answers.append((question.slot, value))
                } else {
                    setAside.append((question.slot, value))
                }
            case .failure(let error):
                throw PageRefusal(.answerRefused(label: question.label.text(parser.language), reason: error.message))
            }
        }
        self.answers = answers
        self.setAside = setAside
        self.event = try PageRequest.event(form, dialogue)
    }

    private static func event(_ form: FormFields, _ dialogue: Dialogue) throws(PageRefusal) -> PageEvent {
        guard let button = form["do"] else { throw PageRefusal(.fieldMissing("do")) }
        func question() throws(PageRefusal) -> Int {
            guard let id = form["q"] else { throw PageRefusal(.fieldMissing("q")) }
            guard let q = dialogue.question(named: id) else { throw PageRefusal(.unknownQuestion(id)) }
            return q.slot
        }
        switch button {
        case "start", "show", "lang-fr", "lang-en": return .show
        case "next", "unknown":
            return .answer(
                question: try question(), text: form["answer"] ?? "", unknown: button == "unknown", editing: form["mode"] == "edit")
        case "back": return .back
        case "letter": return .letter
        case "letter-txt", "letter-md":
            var fields = LetterFields()
            for field in LetterFields.Field.allCases { fields.values[field] = form[field.rawValue] }
            return .letterDownload(fields, markdown: button == "letter-md")
        default:
            if button.hasPrefix("edit:") {
                let id = String(button.dropFirst("edit:".count))
                guard let q = dialogue.question(named: id) else { throw PageRefusal(.unknownQuestion(id)) }
                return .edit(question: q.slot)
            }
            if button.hasPrefix("export-"), let format = ExportFormat(path: "." + button.dropFirst("export-".count)) {
                return .export(format)
            }
            throw PageRefusal(.unknownButton(button))
        }
    }
}

/// Why a form was refused whole.
struct PageRefusal: Error, Equatable {
    let reason: WebSentence
    init(_ reason: WebSentence) { self.reason = reason }
}
