import DialogueKit

/// Turns what the machine shows into the values a template reads: every text in
/// the language chosen, set as a French page sets it. The answers are not in the
/// page: the session cookie carries them (`SessionCookie`).
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

    /// A text of this request, typeset and escaped.
    private func ts(_ text: String) -> TemplateValue { WebText.escaped(text, language) }

    /// What every page has: the language, the fixed texts, the title, the footer.
    /// `title` is the page's own, before the site's; nil on the home page.
    func base(title: String?) -> TemplateFields {
        let site = dialogue.title.text(language)
        let other: Language = language == .fr ? .en : .fr
        return [
            .lang: .text(language.rawValue),
            .otherLang: .text(other.rawValue),
            .site: .text(renderer.siteName(language)),
            .documentTitle: title.map { ts(WebSentence.pageTitle(page: $0, site: site).text(language)) }
                ?? .text(renderer.siteName(language)),
            .rulesLine: .text(renderer.rulesLine(language)),
            .csrf: .text(csrf),
            .root: .text(root),
        ]
    }

    func home() -> TemplateFields {
        var context = base(title: nil)
        context[.homeLanguageLink] = .text(root + "?lang=" + (language == .fr ? "en" : "fr"))
        return context
    }

    func problem(_ sentence: WebSentence) -> TemplateFields {
        var context = base(title: WebMessage.problemTitle.text(language))
        context[.message] = ts(sentence.text(language))
        return context
    }

    /// The template and its values for what a page draws.
    func render(_ drawing: PageDrawing) -> (template: PageTemplate, context: TemplateFields) {
        switch drawing {
        case .question(let shown):
            return (.question, question(shown))
        case .result(let routed, let notice, let explanation, let path):
            return (.result, result(routed, notice: notice, explanation: explanation, path: path))
        case .fault(let path):
            return (.fault, fault(path))
        case .letter(let kind, let fields, let problems, let preview):
            var context = letter(kind, fields, problems)
            if let preview {
                context[.preview] = .text(preview.text)
                context[.toFill] = .list(preview.toFill.map { .text($0) })
                context[.hasToFill] = .flag(!preview.toFill.isEmpty)
            }
            return (.letter, context)
        }
    }

    /// The answers on the path, each with its "Modifier" button, and whether there are any.
    private func answerList(_ path: [(question: Int, value: Value)], into context: inout TemplateFields) {
        context[.answers] = .list(path.map { .html(renderer.answerItem($0.question, $0.value, language)) })
        context[.hasAnswers] = .flag(!path.isEmpty)
    }

    private func question(_ shown: PageDrawing.Question) -> TemplateFields {
        let q = shown.question
        let question = dialogue.questions[q]
        let prompt = question.prompt(.self, language)
        var context = base(
            title: shown.error != nil ? WebMessage.errorPrefix.text(language) + language.colon + prompt : prompt)
        context[.questionId] = .text(question.id)
        context[.question] = .text(renderer.prompt(q, language))
        context[.help] = .text(renderer.help(q, language))
        context[.editing] = .flag(shown.editing)
        context[.focus] = true
        if let notice = shown.notice { context[.notice] = ts(notice) }
        if let error = shown.error { context[.error] = ts(error) }
        if let progress = shown.progress {
            context[.progress] = .text(WebSentence.progress(number: progress.number, atMost: progress.atMost).text(language))
        }
        context[.canGoBack] = .flag(!shown.path.isEmpty)
        var describedBy = ["help"]
        switch question.kind {
        case .choice, .yesNo:
            context[.isChoice] = true
            context[.options] = .list(
                renderer.options(q, checked: shown.typed ?? shown.offered.map(AnswerParser.canonicalText), language)
                    .map(TemplateValue.html))
        case .date, .text:
            var hint: String?
            if case .text(_, let textHint) = question.kind {
                hint = textHint?.text(language)
            } else {
                hint = WebMessage.dateHint.text(language)
            }
            if let hint {
                context[.hint] = ts(hint)
                describedBy.append("hint")
            }
            if let unknown = question.unknown { context[.unknownButton] = ts(AnswerOptions.capitalised(unknown.text(language))) }
            context[.typed] = .text(shown.typed ?? shown.offered.map { self.shown($0, question) } ?? "")
        }
        if shown.error != nil { describedBy.append("error") }
        context[.describedBy] = .text(describedBy.joined(separator: " "))
        let rules = renderer.rulesReading(question: q, answers: shown.answers, today: shown.today, language)
        context[.rules] = .list(rules.map(TemplateValue.html))
        context[.hasRules] = .flag(!rules.isEmpty)
        answerList(shown.path, into: &context)
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

    private func result(
        _ routed: RoutedCase, notice: String?, explanation: Explanation, path: [(question: Int, value: Value)]
    ) -> TemplateFields {
        let parts = formatter.sections(routed)
        var context = base(title: WebMessage.resultHeading.text(language) + language.colon + parts.title)
        if let notice { context[.notice] = ts(notice) }
        context[.title] = ts(parts.title)
        context[.dates] = .list(
            parts.dates.map { date in
                .fields([
                    .label: ts(date.label), .words: .text(date.words), .relative: .text(date.relative), .iso: .text(date.iso),
                ])
            })
        context[.hasDates] = .flag(!parts.dates.isEmpty)
        context[.summary] = ts(parts.summary)
        context[.steps] = .list(parts.steps.map { ts($0) })
        context[.hasSteps] = .flag(!parts.steps.isEmpty)
        context[.parallel] = .list(parts.parallel.map { ts($0) })
        context[.hasParallel] = .flag(!parts.parallel.isEmpty)
        context[.notes] = .list(parts.notes.map { ts($0) })
        context[.hasNotes] = .flag(!parts.notes.isEmpty)
        context[.why] = .list(explanation.entries.map(entry))
        let writer = LetterWriter(dialogue: dialogue)
        if let kind = writer.kind(for: routed) {
            context[.letter] = .text(kind.rawValue)
        } else {
            context[.noLetter] = ts(writer.noLetterReason(for: routed, language))
        }
        answerList(path, into: &context)
        return context
    }

    private func entry(_ entry: Explanation.Entry) -> TemplateValue {
        switch entry {
        case .answer(let q, let value): return .html(renderer.whyAnswer(q, value, language))
        case .decision(let b): return .html(renderer.decision(b, language))
        case .rule(let index): return .html(renderer.explained(rule: index, language))
        }
    }

    private func fault(_ path: [(question: Int, value: Value)]) -> TemplateFields {
        var context = base(title: WebMessage.faultHeading.text(language))
        answerList(path, into: &context)
        return context
    }

    private func letter(
        _ kind: LetterKind, _ fields: LetterFields, _ problems: [LetterField: WebSentence]
    ) -> TemplateFields {
        var context = base(
            title: (problems.isEmpty ? "" : WebMessage.errorPrefix.text(language) + language.colon)
                + WebMessage.letterHeading.text(language))
        context[.letterTitle] = ts(WebSentence.letterKind(kind).text(language))
        context[.hasProblems] = .flag(!problems.isEmpty)
        let firstProblem = LetterField.allCases.first { problems[$0] != nil }
        let shown = LetterField.allCases.filter { $0 != .reference || kind.citesADecision }
        context[.fields] = .list(shown.map { field in .fields(letterField(field, kind, fields, problems, firstProblem: firstProblem)) })
        return context
    }

    private func letterField(
        _ field: LetterField, _ kind: LetterKind, _ fields: LetterFields, _ problems: [LetterField: WebSentence],
        firstProblem: LetterField?
    ) -> TemplateFields {
        var f: TemplateFields = [
            .name: .text(field.rawValue), .label: ts(label(field, kind)), .value: .text(fields[field]),
            .optional: .flag(field.isOptional), .multiline: .flag(field.isWording), .maximum: .text(String(field.maximumLength)),
            .autocomplete: .text(autocomplete(field)), .focus: .flag(firstProblem.map { $0 == field } ?? (field == .name)),
            // Named even when absent, so that none is read from the page's own values.
            .hint: false, .error: false, .describedBy: false,
        ]
        var describedBy: [String] = []
        if let hint = hint(field) {
            f[.hint] = ts(hint)
            describedBy.append(field.rawValue + "-hint")
        }
        if let problem = problems[field] {
            f[.error] = ts(problem.text(language))
            describedBy.append(field.rawValue + "-error")
        }
        if !describedBy.isEmpty { f[.describedBy] = .text(describedBy.joined(separator: " ")) }
        return f
    }

    private func label(_ field: LetterField, _ kind: LetterKind) -> String {
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

    private func hint(_ field: LetterField) -> String? {
        switch field {
        case .nir: return WebMessage.nirHint.text(language)
        case .caisse: return WebMessage.caisseHint.text(language)
        default: return nil
        }
    }

    private func autocomplete(_ field: LetterField) -> String {
        switch field {
        case .name: return "name"
        case .address: return "street-address"
        default: return "off"
        }
    }
}
