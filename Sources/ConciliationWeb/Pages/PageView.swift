import DialogueKit

/// Turns what the machine shows into the values a template reads: every text in
/// the language chosen, set as a French page sets it, and the hidden fields that
/// carry the session to the next request.
struct PageView {
    let dialogue: Dialogue
    let language: Language
    let renderer: PageRenderer
    let formatter: ResultFormatter
    /// The token of this browser's forms (`CSRFGuard`).
    let csrf: String
    /// The way from the page's address to the site's root, for links that stay
    /// right behind a proxy that serves the site under a path: `./`, or `../`
    /// for each folder of an unknown address.
    var root = "./"

    private func ts(_ text: String) -> String { WebText.typeset(text, language) }

    /// What every page has: the language, the fixed texts, the title, the footer.
    /// `title` is the page's own, before the site's; nil on the home page.
    func base(title: String?, hidden: [[String: Any]] = []) -> [String: Any] {
        let site = dialogue.title.text(language)
        let other: Language = language == .fr ? .en : .fr
        return [
            "lang": language.rawValue,
            "otherLang": other.rawValue,
            "site": ts(site),
            "documentTitle": ts(title.map { WebSentence.pageTitle(page: $0, site: site).text(language) } ?? site),
            "rulesLine": ts(WebSentence.rulesVersion(dialogue: dialogue.id, version: dialogue.version).text(language)),
            "csrf": csrf,
            "hidden": hidden,
            "root": root,
        ]
    }

    func home() -> [String: Any] {
        var context = base(title: nil)
        context["homeLanguageLink"] = root + "?lang=" + (language == .fr ? "en" : "fr")
        return context
    }

    func problem(_ sentence: WebSentence) -> [String: Any] {
        var context = base(title: WebMessage.problemTitle.text(language))
        context["message"] = ts(sentence.text(language))
        return context
    }

    /// The template and its values for `page`.
    func render(_ page: PageMachine.Page, _ machine: PageMachine) -> (template: String, context: [String: Any]) {
        let interview = machine.interview
        let hidden = sessionFields(interview)
        switch page {
        case .question(let q, let error, let typed, let editing, let notice):
            return ("question", question(q, machine, error: error, typed: typed, editing: editing, notice: notice, hidden: hidden))
        case .result(let notice):
            guard let routed = machine.routed else { return ("fault", fault(interview, hidden)) }
            return ("result", result(routed, interview, notice: notice, hidden: hidden))
        case .fault:
            return ("fault", fault(interview, hidden))
        case .letter(let fields, let problems):
            guard let routed = machine.routed, let kind = LetterWriter(dialogue: dialogue).kind(for: routed) else {
                return ("fault", fault(interview, hidden))
            }
            return ("letter", letter(kind, fields, problems, hidden: hidden))
        }
    }

    /// The answers and the answers set aside, as the parser reads them back.
    private func sessionFields(_ interview: Interview) -> [[String: Any]] {
        var fields: [[String: Any]] = []
        for question in dialogue.questions {
            if let value = interview.answers[question.slot] {
                fields.append(["name": PageRequest.answerPrefix + question.id, "value": AnswerParser.canonicalText(value)])
            } else if let value = interview.setAside[question.slot] {
                fields.append(["name": PageRequest.setAsidePrefix + question.id, "value": AnswerParser.canonicalText(value)])
            }
        }
        return fields
    }

    /// The answers on the path, each with its "Modifier" button.
    private func answerList(_ interview: Interview) -> [[String: Any]] {
        let note = CaseNote(dialogue: dialogue, language: language)
        return interview.answeredPath.map { a in
            let question = dialogue.questions[a.question]
            return [
                "id": question.id, "label": ts(question.label.text(language)), "text": ts(note.answerText(a.value, question: question)),
            ]
        }
    }

    private func question(
        _ q: Int, _ machine: PageMachine, error: String?, typed: String?, editing: Bool, notice: String?, hidden: [[String: Any]]
    ) -> [String: Any] {
        let interview = machine.interview
        let question = dialogue.questions[q]
        let prompt = question.prompt(.self, language)
        var context = base(
            title: error != nil ? WebMessage.errorPrefix.text(language) + language.colon + prompt : prompt, hidden: hidden)
        let offered = interview.answers[q] ?? interview.setAside[q]
        context["questionId"] = question.id
        context["question"] = ts(prompt)
        context["help"] = ts(question.help.text(language))
        context["editing"] = editing
        context["focus"] = true
        if let notice { context["notice"] = ts(notice) }
        if let error { context["error"] = ts(error) }
        if !editing, let progress = machine.progress {
            context["progress"] = WebSentence.progress(number: progress.number, atMost: progress.atMost).text(language)
        }
        context["canGoBack"] = !interview.answeredPath.isEmpty
        var describedBy = ["help"]
        switch question.kind {
        case .choice, .yesNo:
            context["isChoice"] = true
            context["options"] = renderer.options(question, checked: typed ?? offered.map(AnswerParser.canonicalText), language)
        case .date, .text:
            var hint: String?
            if case .text(_, let textHint) = question.kind {
                hint = textHint?.text(language)
            } else {
                hint = WebMessage.dateHint.text(language)
            }
            if let hint {
                context["hint"] = ts(hint)
                describedBy.append("hint")
            }
            if let unknown = question.unknown { context["unknownButton"] = ts(AnswerOptions.capitalised(unknown.text(language))) }
            context["typed"] = typed ?? offered.map { shown($0, question) } ?? ""
        }
        if error != nil { describedBy.append("error") }
        context["describedBy"] = describedBy.joined(separator: " ")
        let rules = dialogue.rulesReading(question: q, answers: interview.answers, today: interview.today)
        context["rules"] = rules.map { renderer.reading($0, language) }
        context["hasRules"] = !rules.isEmpty
        let answers = answerList(interview)
        context["answers"] = answers
        context["hasAnswers"] = !answers.isEmpty
        return context
    }

    /// An answer put back in a text field: a date as 05/11/2026, the unknown in words.
    private func shown(_ value: Value, _ question: Question) -> String {
        switch value {
        case .null: return question.unknown?.text(language) ?? AnswerParser.canonicalText(.null)
        case .date: return CaseNote(dialogue: dialogue, language: language).answerText(value, question: question)
        default: return AnswerParser.canonicalText(value)
        }
    }

    private func result(_ routed: RoutedCase, _ interview: Interview, notice: String?, hidden: [[String: Any]]) -> [String: Any] {
        let parts = formatter.sections(routed)
        var context = base(title: WebMessage.resultHeading.text(language) + language.colon + parts.title, hidden: hidden)
        if let notice { context["notice"] = ts(notice) }
        context["title"] = ts(parts.title)
        context["dates"] = parts.dates.map { date -> [String: Any] in
            ["label": ts(date.label), "words": date.words, "relative": date.relative, "iso": date.iso]
        }
        context["hasDates"] = !parts.dates.isEmpty
        context["summary"] = ts(parts.summary)
        context["steps"] = parts.steps.map(ts)
        context["hasSteps"] = !parts.steps.isEmpty
        context["parallel"] = parts.parallel.map(ts)
        context["hasParallel"] = !parts.parallel.isEmpty
        context["notes"] = parts.notes.map(ts)
        context["hasNotes"] = !parts.notes.isEmpty
        context["colon"] = language.colon
        context["why"] = Explanation(interview, language: language).entries.map(entry)
        let writer = LetterWriter(dialogue: dialogue)
        if let kind = writer.kind(for: routed) {
            context["letter"] = kind.rawValue
        } else {
            context["noLetter"] = ts(writer.noLetterReason(for: routed, language))
        }
        let answers = answerList(interview)
        context["answers"] = answers
        context["hasAnswers"] = !answers.isEmpty
        return context
    }

    private func entry(_ entry: Explanation.Entry) -> [String: Any] {
        switch entry {
        // Every entry names the three kinds: a name missing here would be looked up
        // again in the whole page's values, which costs more than the entry itself.
        case .answer(let label, let text):
            return ["isAnswer": true, "isDecision": false, "isRule": false, "label": ts(label), "text": ts(text)]
        case .decision(let title): return ["isAnswer": false, "isDecision": true, "isRule": false, "title": ts(title)]
        case .rule(let rule): return ["isAnswer": false, "isDecision": false, "isRule": true, "html": renderer.explained(rule, language)]
        }
    }

    private func fault(_ interview: Interview, _ hidden: [[String: Any]]) -> [String: Any] {
        var context = base(title: WebMessage.faultHeading.text(language), hidden: hidden)
        let answers = answerList(interview)
        context["answers"] = answers
        context["hasAnswers"] = !answers.isEmpty
        return context
    }

    private func letter(
        _ kind: LetterKind, _ fields: LetterFields, _ problems: [LetterFields.Field: WebSentence], hidden: [[String: Any]]
    ) -> [String: Any] {
        var context = base(
            title: (problems.isEmpty ? "" : WebMessage.errorPrefix.text(language) + language.colon)
                + WebMessage.letterHeading.text(language),
            hidden: hidden)
        context["letterTitle"] = ts(WebSentence.letterKind(kind).text(language))
        context["hasProblems"] = !problems.isEmpty
        let firstProblem = LetterFields.Field.allCases.first { problems[$0] != nil }
        context["fields"] = LetterFields.Field.allCases.filter { $0 != .reference || kind.citesADecision }.map { field -> [String: Any] in
            var f: [String: Any] = [
                "name": field.rawValue, "label": ts(label(field, kind)), "value": fields[field], "optional": field.isOptional,
                "multiline": field.isWording, "maximum": field.maximumLength, "autocomplete": autocomplete(field),
                "focus": firstProblem.map { $0 == field } ?? (field == .name),
                // Named even when absent, not looked up again in the whole page's values.
                "hint": false, "error": false, "describedBy": false,
            ]
            var describedBy: [String] = []
            if let hint = hint(field) {
                f["hint"] = ts(hint)
                describedBy.append(field.rawValue + "-hint")
            }
            if let problem = problems[field] {
                f["error"] = ts(problem.text(language))
                describedBy.append(field.rawValue + "-error")
            }
            if !describedBy.isEmpty { f["describedBy"] = describedBy.joined(separator: " ") }
            return f
        }
        return context
    }

    private func label(_ field: LetterFields.Field, _ kind: LetterKind) -> String {
        let message: WebMessage
        switch field {
        case .name: message = .nameLabel
        case .address: message = .addressLabel
        case .nir: message = .nirLabel
        case .caisse: message = .caisseLabel
        case .reference: message = .referenceLabel
        case .facts: message = kind.citesADecision ? .factsLabelDecision : .factsLabel
        case .grounds: message = .groundsLabel
        case .request: message = .requestLabel
        }
        return message.text(language)
    }

    private func hint(_ field: LetterFields.Field) -> String? {
        switch field {
        case .nir: return WebMessage.nirHint.text(language)
        case .caisse: return WebMessage.caisseHint.text(language)
        default: return nil
        }
    }

    private func autocomplete(_ field: LetterFields.Field) -> String {
        switch field {
        case .name: return "name"
        case .address: return "street-address"
        default: return "off"
        }
    }
}
