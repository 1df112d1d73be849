import DialogueKit
import LineEditor

/// How the interview loop ended.
public enum InterviewExit: Equatable {
    case quit
    case endOfInput
    case terminated
}

/// What the interview needs from outside: who reads, in which language, with
/// colours or not, saving where.
public struct InterviewSettings {
    public var language: Language
    public var audience: Audience
    public var colors: Bool
    /// The terminal's width, to break lines between words; nil when not a terminal.
    public var width: Int?
    /// nil: nothing written to disk (--no-save, for a shared computer).
    var store: SessionStore?

    init(language: Language, audience: Audience, colors: Bool, width: Int? = nil, store: SessionStore?) {
        self.language = language
        self.audience = audience
        self.colors = colors
        self.width = width
        self.store = store
    }
}

/// The interview on a line reader. It only talks: every decision is the state
/// machine's (`Interview`), and every text comes from the dialogue.
final class InterviewLoop {
    /// What the next line typed is for.
    enum Mode: Equatable {
        /// An answer to the question being asked.
        case answering
        /// A new answer to an earlier question (`:modifier N`).
        case editing(question: Int)
        /// The result is shown; only commands remain.
        case finished
        /// "Quitter ?" after Ctrl-D.
        indirect case confirmingQuit(then: Mode)
        /// "Recommencer ?"
        indirect case confirmingRestart(then: Mode)
        /// "Remplacer le fichier ?"
        indirect case confirmingOverwrite(path: String, then: Mode)
    }

    private(set) var interview: Interview
    private(set) var record: SessionRecord
    private(set) var mode: Mode = .answering
    let settings: InterviewSettings
    let reader: LineReader
    let output: OutputSink
    let style: Style
    private var parser: AnswerParser
    private var saveWarned = false
    /// Whether the answers given so far are on disk: what the goodbyes may say.
    private var saveState = SaveState.nothingToSave

    /// What is true of the saved copy, for the sentences that speak of it.
    enum SaveState: Equatable {
        /// No answer yet, so no file (an empty interview is not kept).
        case nothingToSave
        /// Every answer given is saved.
        case saved
        /// --no-save, or no folder for saving.
        case notSaving
        /// The last save failed, with the reason.
        case failed(String)
    }
    private var pendingExport: [UInt8] = []

    init(interview: Interview, record: SessionRecord, settings: InterviewSettings, reader: LineReader, output: OutputSink) {
        self.interview = interview
        self.record = record
        self.settings = settings
        self.reader = reader
        self.output = output
        self.style = Style(enabled: settings.colors)
        self.parser = AnswerParser(today: interview.today, language: settings.language, audience: settings.audience)
    }

    var dialogue: Dialogue { interview.dialogue }
    var language: Language { settings.language }
    private func write(_ text: String) {
        output.write((settings.width.map { WordWrap.wrap(text, width: $0) } ?? text) + "\n")
    }

    /// The case note as it will be pasted into the case file: one line per item,
    /// not wrapped to the terminal, so that copying it from the screen gives the
    /// same lines as `:exporter` (the terminal still folds long lines for display).
    private func writeCaseNote(_ routed: RoutedCase?) {
        output.write(CaseNote(dialogue: dialogue, language: language).text(answers: interview.answeredPath, routed: routed) + "\n")
    }

    // MARK: The loop

    func run() -> InterviewExit {
        if interview.answeredPath.isEmpty {
            write(style.bold(dialogue.title.text(language)))
            write(
                style.dim(
                    language.say(
                        "Répondez aux questions ; tapez :aide à tout moment. Les réponses restent sur cet ordinateur.",
                        "Answer the questions; type :help at any time. The answers stay on this computer.")))
        }
        show(interview.replay())
        while true {
            reader.completer = completer()
            switch reader.readLine(prompt: style.prompt(promptText())) {
            case .terminated:
                save()
                write("")
                write(language.say("Interruption : ", "Interrupted: ") + savedSentence)
                return .terminated
            case .interrupted:
                continue
            case .endOfInput:
                if !reader.isInteractive {
                    save()
                    return .endOfInput
                }
                if case .confirmingQuit = mode {
                    save()
                    write("")
                    farewell()
                    return .endOfInput
                }
                mode = .confirmingQuit(then: mode)
                write("")
                write(quitQuestion)
            case .line(let text):
                if let exit = handle(text) { return exit }
            }
        }
    }

    /// One line typed; returns how the loop ends, if it does.
    func handle(_ text: String) -> InterviewExit? {
        guard text.utf8.count <= AnswerParser.maximumLength else {
            write(
                style.error(
                    language.say(
                        "Ligne trop longue (\(text.utf8.count) octets) : une réponse ou une commande tient en 2 000 caractères. Tapez-la de nouveau.",
                        "Line too long (\(text.utf8.count) bytes): an answer or a command fits in 2,000 characters. Type it again.")))
            return nil
        }
        switch mode {
        case .confirmingQuit(let previous):
            guard let yes = confirm(text) else { return nil }
            if yes {
                save()
                farewell()
                return .quit
            }
            mode = previous
            reask()
            return nil
        case .confirmingRestart(let previous):
            guard let yes = confirm(text) else { return nil }
            if yes { restart() } else { mode = previous; reask() }
            return nil
        case .confirmingOverwrite(let path, let previous):
            guard let yes = confirm(text) else { return nil }
            mode = previous
            if yes {
                writeExport(pendingExport, to: path, overwrite: true)
            } else {
                write(language.say("Rien n'a été écrit.", "Nothing was written."))
            }
            return nil
        default:
            break
        }
        if let parsed = ReplCommand.parse(text) {
            switch parsed {
            case .success(let command): return run(command)
            case .failure(.unknown(let name)):
                write(
                    style.error(
                        language.say(
                            "Commande inconnue : \(VisibleText.escapingControls(name)). Tapez :aide pour la liste des commandes.",
                            "Unknown command: \(VisibleText.escapingControls(name)). Type :help for the list of commands.")))
            case .failure(.badNumber(let word)):
                write(
                    style.error(
                        language.say(
                            "« \(VisibleText.escapingControls(word)) » n'est pas un numéro de réponse ; tapez :réponses pour les voir.",
                            "“\(VisibleText.escapingControls(word))” is not an answer number; type :answers to see them.")))
            case .failure(.badFileName(let path)):
                write(
                    style.error(
                        language.say(
                            "Nom de fichier refusé (« \(VisibleText.escapingControls(path)) ») : il contient des caractères de contrôle ; tapez un nom simple, par exemple dossier.txt.",
                            "File name refused (“\(VisibleText.escapingControls(path))”): it holds control characters; type a plain name, for example case.txt."
                        )))
            }
            return nil
        }
        switch mode {
        case .answering:
            guard case .asking(let q) = interview.state else { return nil }
            guard let value = parse(text, for: q) else { return nil }
            echo(value, for: q)
            show(interview.answer(value))
            save()
        case .editing(let q):
            guard let value = parse(text, for: q) else { return nil }
            echo(value, for: q)
            mode = .answering
            let before = interview.answeredPath.map(\.question)
            let action = interview.edit(question: q, to: value)
            let after = Set(interview.answeredPath.map(\.question))
            let asked: Int? = if case .asking(let a) = interview.state { a } else { nil }
            let dropped = before.filter { !after.contains($0) && $0 != asked }
            if !dropped.isEmpty {
                let labels = dropped.map { dialogue.questions[$0].label.text(language) }.joined(separator: ", ")
                write(
                    language.say(
                        "Ces réponses ne s'appliquent plus et sont mises de côté : \(labels).",
                        "These answers no longer apply and are set aside: \(labels)."))
            }
            show(action)
            save()
        case .finished:
            if !text.trimmingSpaces.isEmpty {
                write(
                    language.say(
                        "L'entretien est terminé : tapez une commande, par exemple :résumé, :exporter dossier.txt ou :recommencer (:aide pour toutes).",
                        "The interview is over: type a command, such as :summary, :export case.txt or :restart (:help for all)."))
            }
        default:
            break
        }
        return nil
    }

    /// The answer typed, or nil after saying what is expected and asking again.
    private func parse(_ text: String, for q: Int) -> Value? {
        let question = dialogue.questions[q]
        if text.trimmingSpaces.isEmpty, let previous = defaultAnswer(for: q) {
            return previous
        }
        switch parser.parse(text, for: question) {
        case .success(let value): return value
        case .failure(let error):
            write(style.error(capitalized(error.message) + "."))
            ask(q, progress: nil, previous: defaultAnswer(for: q), brief: true)
            return nil
        }
    }

    private func capitalized(_ s: String) -> String { s.prefix(1).uppercased() + s.dropFirst() }

    /// Dates are read back in words, and a choice by its label, so that an agent
    /// can check with the caller what was understood.
    private func echo(_ value: Value, for q: Int) {
        switch (value, dialogue.questions[q].kind) {
        case (.date(let d), _):
            write(style.dim("→ " + DateWords.words(d, language)))
        case (.string(let s), .choice(let choices)):
            if let choice = choices.first(where: { $0.value == s }) {
                write(style.dim("→ " + choice.label(for: settings.audience, language)))
            }
        case (.null, _):
            if let unknown = dialogue.questions[q].unknown { write(style.dim("→ " + unknown.text(language))) }
        default:
            break
        }
    }

    private func confirm(_ text: String) -> Bool? {
        switch TextFolding.fold(text.trimmingSpaces) {
        case "o", "oui", "y", "yes": return true
        case "n", "non", "no": return false
        default:
            write(style.error(language.say("Répondez oui ou non (o / n).", "Answer yes or no (y / n).")))
            return nil
        }
    }

    // MARK: Showing

    private func show(_ action: Interview.Action) {
        switch action {
        case .ask(let q, let progress, let rejection, let previous):
            mode = .answering
            if let rejection { write(style.error(rejection.text(language))) }
            ask(q, progress: progress, previous: previous, brief: false)
        case .conclude(let result):
            mode = .finished
            showResult(result)
        case .report(let fault):
            mode = .finished
            write(
                style.error(
                    language.say(
                        "Le dialogue ne sait pas traiter ces réponses (erreur du fichier de règles) : ",
                        "The dialogue cannot handle these answers (an error in the rules file): ") + "\(fault)"))
            write(
                language.say(
                    "Vous pouvez revenir en arrière (:retour) ou modifier une réponse (:modifier N).",
                    "You can go back (:back) or change an answer (:edit N)."))
        case .none:
            write(language.say("Vous êtes à la première question.", "This is the first question."))
            reask()
        }
    }

    /// Asks again what the current mode waits for.
    private func reask() {
        switch mode {
        case .answering:
            if case .asking(let q) = interview.state { ask(q, progress: nil, previous: defaultAnswer(for: q), brief: true) }
        case .editing(let q):
            ask(q, progress: nil, previous: defaultAnswer(for: q), brief: true)
        default:
            break
        }
    }

    private func defaultAnswer(for q: Int) -> Value? {
        interview.answers[q] ?? interview.setAside[q]
    }

    private func progressText(_ p: Interview.Progress) -> String {
        language.say("question \(p.number) (\(p.atMost) au plus)", "question \(p.number) (at most \(p.atMost))")
    }

    private func ask(_ q: Int, progress: Interview.Progress?, previous: Value?, brief: Bool) {
        let question = dialogue.questions[q]
        if !brief {
            write("")
            if let progress { write(style.dim(progressText(progress))) }
        }
        write(style.bold(question.prompt(settings.audience, language)))
        if case .choice(let choices) = question.kind {
            for (i, choice) in choices.enumerated() {
                write("  \(style.accent(String(i + 1))). \(choice.label(for: settings.audience, language))")
            }
        }
        var hints: [String] = []
        switch question.kind {
        case .yesNo: hints.append(language.say("oui / non", "yes / no"))
        case .date:
            hints.append(
                language.say(
                    "date : 23/11/2026, 23 novembre 2026, hier, il y a 2 semaines…",
                    "date: 23/11/2026, 23 November 2026, yesterday, 2 weeks ago…"))
        case .choice:
            hints.append(
                language.say(
                    "un numéro, ou le début de la réponse (Tab complète)",
                    "a number, or the start of the answer (Tab completes)"))
        case .text(_, let hint): if let hint { hints.append(hint.text(language)) }
        }
        if let unknown = question.unknown { hints.append("« \(unknown.text(language)) »") }
        if let previous {
            hints.append(
                language.say("Entrée : ", "Enter: ")
                    + CaseNote(dialogue: dialogue, language: language).answerText(previous, question: question))
        }
        if !brief { hints.append(language.say(":aide pour de l'aide", ":help for help")) }
        write(style.dim("(" + hints.joined(separator: " ; ") + ")"))
    }

    private func promptText() -> String {
        switch mode {
        case .answering, .editing: return "> "
        case .finished: return language.say("commande (:aide) > ", "command (:help) > ")
        case .confirmingQuit, .confirmingRestart, .confirmingOverwrite: return language.say("(o/n) > ", "(y/n) > ")
        }
    }

    private var routed: RoutedCase? {
        if case .finished(let result) = interview.state { return RoutedCase(result: result, today: interview.today) }
        return nil
    }

    private func showResult(_ result: Conclusion) {
        let routed = RoutedCase(result: result, today: interview.today)
        let formatter = ResultFormatter(dialogue: dialogue, language: language)
        let outcome = dialogue.outcomes[result.outcome]
        let renderer = formatter.renderer
        write("")
        write(style.result("→ " + renderer.fill(outcome.title, result: result, today: routed.today)))
        for line in formatter.dateLines(routed) { write("  " + style.bold(line)) }
        write("")
        write(renderer.fill(outcome.summary, result: result, today: routed.today))
        let steps = renderer.applicable(outcome.steps, result: result, today: routed.today)
        if !steps.isEmpty {
            write("")
            write(style.bold(language.say("À faire :", "What to do:")))
            for (i, s) in steps.enumerated() { write("  \(i + 1). \(s)") }
        }
        let parallel = renderer.applicable(outcome.parallel, result: result, today: routed.today)
        if !parallel.isEmpty {
            write("")
            write(style.bold(language.say("En parallèle :", "In parallel:")))
            for p in parallel { write("  - \(p)") }
        }
        for note in renderer.applicable(outcome.notes, result: result, today: routed.today) {
            write("")
            write(note)
        }
        if settings.audience == .agent {
            write("")
            write(
                style.bold(
                    language.say(
                        "Résumé pour la fiche (:résumé pour le réafficher) :", "Summary for the case note (:summary shows it again):")))
            writeCaseNote(routed)
        }
        write("")
        write(
            style.dim(
                language.say(
                    "Pourquoi ce résultat : :pourquoi ; exporter : :exporter dossier.txt ; nouvel entretien : :recommencer ; quitter : :quitter",
                    "Why: :why; export: :export case.txt; new interview: :restart; quit: :quit")))
    }

    private func farewell() {
        if case .finished = interview.state {
            write(language.say("Au revoir.", "Goodbye."))
        } else if saveState == .saved {
            write(
                language.say(
                    "L'entretien est enregistré ; reprenez-le avec « conciliation resume ».",
                    "The interview is saved; resume it with “conciliation resume”."))
        } else if case .failed = saveState {
            write(savedSentence)
        } else {
            write(language.say("Au revoir ; rien n'a été enregistré.", "Goodbye; nothing was saved."))
        }
    }

    /// "Leave?", with what leaving costs.
    var quitQuestion: String {
        switch saveState {
        case .saved: return language.say("Quitter l'entretien ? Il reste enregistré. (o/n)", "Leave the interview? It stays saved. (y/n)")
        case .nothingToSave:
            return language.say(
                "Quitter l'entretien ? Aucune réponse n'a été donnée. (o/n)", "Leave the interview? No answer was given. (y/n)")
        case .notSaving:
            return language.say(
                "Quitter l'entretien ? Ses réponses ne sont pas enregistrées. (o/n)",
                "Leave the interview? Its answers are not saved. (y/n)")
        case .failed(let reason):
            return language.say(
                "Quitter l'entretien ? Il n'a pas pu être enregistré (\(reason)) : ses réponses seront perdues. (o/n)",
                "Leave the interview? It could not be saved (\(reason)): its answers will be lost. (y/n)")
        }
    }

    /// One sentence saying what is true of the saved copy.
    var savedSentence: String {
        switch saveState {
        case .saved: return language.say("l'entretien est enregistré.", "the interview is saved.")
        case .nothingToSave:
            return language.say("aucune réponse n'a été donnée, rien n'est enregistré.", "no answer was given, nothing is saved.")
        case .notSaving:
            return language.say(
                "l'entretien n'est pas enregistré (aucun enregistrement demandé).", "the interview is not saved (no saving asked).")
        case .failed(let reason):
            return language.say(
                "l'entretien n'a pas pu être enregistré (\(reason)) ; ses réponses sont perdues à la sortie, notez-les ou exportez-les (:exporter).",
                "the interview could not be saved (\(reason)); its answers are lost on leaving, note them or export them (:export).")
        }
    }

    // MARK: Commands

    private func run(_ command: ReplCommand) -> InterviewExit? {
        switch command {
        case .help: help()
        case .back:
            mode = .answering
            show(interview.back())
            save()
        case .edit(nil):
            listAnswers()
            write(
                language.say(
                    "Tapez :modifier suivi du numéro de la réponse à changer.", "Type :edit followed by the number of the answer to change."
                ))
        case .edit(let n?):
            let path = interview.answeredPath
            guard n <= path.count else {
                write(
                    style.error(
                        path.isEmpty
                            ? language.say("Aucune réponse à modifier pour l'instant.", "No answer to change yet.")
                            : language.say(
                                "Il n'y a que \(path.count) réponses ; tapez un numéro de 1 à \(path.count).",
                                "There are only \(path.count) answers; type a number from 1 to \(path.count).")))
                return nil
            }
            mode = .editing(question: path[n - 1].question)
            write("")
            write(style.dim(language.say("Modification de la réponse \(n) :", "Changing answer \(n):")))
            ask(path[n - 1].question, progress: nil, previous: path[n - 1].value, brief: true)
        case .answers: listAnswers(); reask()
        case .why: why(); reask()
        case .summary:
            writeCaseNote(routed)
            reask()
        case .export(let path, let force): export(path, force: force)
        case .restart:
            if interview.answeredPath.isEmpty {
                restart()
            } else {
                mode = .confirmingRestart(then: mode)
                write(
                    language.say(
                        "Recommencer efface les réponses de cet entretien. Continuer ? (o/n)",
                        "Restarting erases this interview's answers. Go on? (y/n)"))
            }
        case .quit:
            save()
            farewell()
            return .quit
        case .letter(let path, let force): letter(path, force: force)
        }
        return nil
    }

    /// The letter the result calls for, after a few questions it needs.
    private func letter(_ path: String?, force: Bool) {
        guard let routed else {
            write(
                style.error(
                    language.say(
                        "L'entretien n'est pas terminé : la lettre dépend du résultat.",
                        "The interview is not over: the letter depends on the result.")))
            reask()
            return
        }
        let writer = LetterWriter(dialogue: dialogue)
        guard let kind = writer.kind(for: routed) else {
            write(writer.noLetterReason(for: routed))
            return
        }
        guard
            let details = LetterDetailsInterview(reader: reader, output: output)
                .ask(needsReference: kind.citesADecision, given: (nil, nil, nil, nil, nil))
        else { return }
        let targets = path.map { [$0] } ?? [kind.fileStem + ".txt", kind.fileStem + ".md"]
        for target in targets {
            let markdown = target.lowercased().hasSuffix(".md")
            guard markdown || target.lowercased().hasSuffix(".txt") else {
                write(
                    style.error(
                        language.say(
                            "Extension non reconnue : terminez le nom par .txt ou .md.", "Unknown extension: end the name with .txt or .md."
                        )))
                continue
            }
            let bytes = Array(writer.letter(kind, routed: routed, details: details, markdown: markdown).utf8)
            if FileIO.exists(target) && !force {
                write(
                    style.error(
                        language.say(
                            "Le fichier \(target) existe déjà : rien n'a été écrit. Tapez :lettre \(target) --force pour le remplacer, ou donnez un autre nom.",
                            "The file \(target) already exists: nothing was written. Type :letter \(target) --force to replace it, or give another name."
                        )))
                continue
            }
            writeExport(bytes, to: target, overwrite: force, letter: true)
        }
    }

    private func help() {
        switch mode {
        case .answering, .editing:
            let q: Int? = if case .editing(let e) = mode { e } else if case .asking(let a) = interview.state { a } else { nil }
            if let q {
                write(style.bold(language.say("Aide :", "Help:")) + " " + dialogue.questions[q].help.text(language))
            }
        default: break
        }
        write(style.bold(language.say("Commandes :", "Commands:")))
        for c in ReplCommand.names {
            write("  \(c.fr) / \(c.en) — \(language == .fr ? c.usage.fr : c.usage.en)")
        }
        write(
            language.say(
                "Ctrl-C efface la ligne en cours ; Ctrl-D propose de quitter ; ↑ rappelle une ligne déjà tapée.",
                "Ctrl-C clears the line being typed; Ctrl-D offers to leave; ↑ recalls a line already typed."))
        reask()
    }

    private func listAnswers() {
        let lines = CaseNote(dialogue: dialogue, language: language).answerLines(interview.answeredPath)
        if lines.isEmpty { write(language.say("Aucune réponse pour l'instant.", "No answer yet.")) }
        for line in lines { write(line) }
    }

    /// The path so far: each answer, each decision with its rule, and the sources.
    private func why() {
        if case .asking(let q) = interview.state {
            let rules = dialogue.rulesReading(question: q, answers: interview.answers, today: interview.today)
            write(
                style.bold(
                    language.say(
                        "Pourquoi cette question (« \(dialogue.questions[q].label.text(language)) ») :",
                        "Why this question (“\(dialogue.questions[q].label.text(language))”):")))
            if rules.isEmpty {
                write(
                    language.say(
                        "    elle oriente vers la question suivante ; aucune règle ne la lit directement.",
                        "    it leads to the next question; no rule reads it directly."))
            } else {
                write(
                    language.say(
                        "    la réponse compte pour ces règles (leurs sources s'affichent avec le résultat) :",
                        "    the answer matters to these rules (their sources are shown with the result):"))
                for rule in rules {
                    let unconfirmed = rule.unconfirmedMark(language)
                    write("    - " + style.bold(rule.title.text(language)) + unconfirmed + language.colon + rule.text.text(language))
                }
            }
            if interview.path.isEmpty { return }
            write(style.bold(language.say("Ce qui a déjà été décidé :", "What has been decided so far:")))
        }
        var cited: [String] = []
        for step in interview.path {
            let transition: Transition
            switch step.node {
            case .question(let q):
                transition = dialogue.questions[q].next[step.transition]
                let note = CaseNote(dialogue: dialogue, language: language)
                if let v = step.value {
                    write(
                        "• " + dialogue.questions[q].label.text(language) + language.colon
                            + note.answerText(v, question: dialogue.questions[q]))
                }
            case .branch(let b):
                transition = dialogue.branches[b].next[step.transition]
                // A decision point is shown only with the rule it applied: no heading without its text.
                if transition.rule != nil { write("• " + dialogue.branches[b].title.text(language)) }
            case .outcome:
                continue
            }
            if let id = transition.rule, let rule = dialogue.rule(id) {
                explain(rule)
                cited.append(id)
            }
        }
        if case .finished(let result) = interview.state {
            for index in dialogue.outcomes[result.outcome].ruleIndices where !cited.contains(dialogue.rules[index].id) {
                explain(dialogue.rules[index])
            }
        }
        if interview.path.isEmpty { write(language.say("Aucune règle appliquée pour l'instant.", "No rule applied yet.")) }
    }

    private func explain(_ rule: Rule) {
        let unconfirmed = rule.unconfirmedMark(language)
        write("    " + style.bold(rule.title.text(language)) + unconfirmed + " (\(rule.id))")
        write("    " + rule.text.text(language))
        for id in rule.sources {
            guard let s = dialogue.source(id) else { continue }
            write("      " + language.say("source : ", "source: ") + s.title + (s.url.map { " — \($0)" } ?? ""))
        }
    }

    private func export(_ path: String?, force: Bool) {
        guard let path else {
            write(
                style.error(
                    language.say(
                        "Donnez un nom de fichier : :exporter dossier.txt (ou .md, .json).",
                        "Give a file name: :export case.txt (or .md, .json).")))
            return
        }
        guard let routed else {
            write(
                style.error(
                    language.say(
                        "L'entretien n'est pas terminé : répondez aux questions avant d'exporter (:résumé montre les réponses).",
                        "The interview is not over: answer the questions before exporting (:summary shows the answers).")))
            reask()
            return
        }
        let exporter = Exporter(dialogue: dialogue, language: language, record: record)
        let bytes: [UInt8]
        switch exporter.render(routed: routed, answers: interview.answeredPath, extensionOf: path) {
        case .success(let b): bytes = b
        case .failure(let error):
            write(style.error(error.message))
            return
        }
        // A read-only file is asked about even with --force: someone protected it.
        let readOnly = FileIO.isReadOnly(path)
        if FileIO.exists(path) && (!force || readOnly) {
            pendingExport = bytes
            mode = .confirmingOverwrite(path: path, then: mode)
            write(
                readOnly
                    ? language.say(
                        "Le fichier \(path) existe déjà et il est en lecture seule. Le remplacer quand même ? (o/n)",
                        "The file \(path) already exists and is read-only. Replace it all the same? (y/n)")
                    : language.say(
                        "Le fichier \(path) existe déjà. Le remplacer ? (o/n)", "The file \(path) already exists. Replace it? (y/n)"))
            return
        }
        writeExport(bytes, to: path, overwrite: force)
    }

    private func writeExport(_ bytes: [UInt8], to path: String, overwrite: Bool, letter: Bool = false) {
        do {
            try FileIO.writeAtomically(bytes, to: path, overwrite: overwrite)
            let toFill = letter ? LetterWriter.passagesToFill(String(decoding: bytes, as: UTF8.self)) : []
            if !letter {
                write(language.say("Exporté dans \(path) (lisible par vous seul).", "Exported to \(path) (readable by you only)."))
            } else if toFill.isEmpty {
                write(
                    language.say(
                        "Lettre écrite dans \(path) (lisible par vous seul) : relisez-la, signez-la, puis envoyez-la.",
                        "Letter written to \(path) (readable by you only): read it over, sign it, then send it."))
            } else {
                let list = toFill.map { "« \($0) »" }.joined(separator: " ; ")
                write(
                    language.say(
                        "Lettre écrite dans \(path) (lisible par vous seul). Elle n'est pas prête à envoyer : complétez d'abord \(toFill.count) passage\(toFill.count > 1 ? "s" : "") marqué\(toFill.count > 1 ? "s" : "") [à compléter] : \(list).",
                        "Letter written to \(path) (readable by you only). It is not ready to send: first fill in the \(toFill.count) passage\(toFill.count > 1 ? "s" : "") marked [à compléter]: \(list)."
                    ))
            }
        } catch {
            write(style.error(language.say("Export impossible : \(error).", "Cannot export: \(error).")))
        }
    }

    private func restart() {
        // A new caller: nothing typed for the last one comes back with ↑.
        reader.forgetHistory()
        saveState = .nothingToSave
        if let store = settings.store { store.delete(record.id) }
        record = SessionRecord(
            id: SessionStore.newID(), dialogueFile: record.dialogueFile, dialogueID: record.dialogueID,
            dialogueVersion: record.dialogueVersion, language: record.language, audience: record.audience,
            todayOverride: record.todayOverride, created: Timestamp.now(), updated: Timestamp.now(),
            finished: false, outcome: nil, answers: [])
        write(language.say("Nouvel entretien.", "New interview."))
        show(interview.restart())
    }

    // MARK: Saving

    /// Writes the session after every answer. A failure warns once; the interview
    /// goes on, and later answers try again.
    func save() {
        guard let store = settings.store else {
            saveState = .notSaving
            return
        }
        record.answers = interview.order.compactMap { q in
            interview.answers[q].map { SessionRecord.Answer(question: dialogue.questions[q].id, value: .init($0)) }
        }
        guard !record.answers.isEmpty else {
            // An interview with no answer is not kept: nothing to take up again.
            store.delete(record.id)
            saveState = .nothingToSave
            return
        }
        record.updated = Timestamp.now()
        let renderer = TextRenderer(dialogue: dialogue, language: language)
        record.subjectLabel = interview.answeredPath.first.map { step in
            renderer.format(step.value, question: dialogue.questions[step.question])
        }
        switch interview.state {
        case .finished(let result):
            record.finished = true
            record.outcome = dialogue.outcomes[result.outcome].id
            record.progressLabel = renderer.fill(dialogue.outcomes[result.outcome].title, result: result, today: interview.today)
        case .asking(let q):
            record.finished = false
            record.outcome = nil
            record.progressLabel = dialogue.questions[q].label.text(language)
        case .stuck:
            record.finished = false
            record.outcome = nil
        }
        do {
            try store.save(record)
            saveWarned = false
            saveState = .saved
        } catch {
            saveState = .failed(error.description)
            if !saveWarned {
                write(
                    style.error(
                        language.say(
                            "Attention : l'entretien ne peut pas être enregistré (\(error)). Il continue sans sauvegarde.",
                            "Warning: the interview cannot be saved (\(error)). It goes on without saving.")))
                saveWarned = true
            }
        }
    }

    // MARK: Completion

    /// Candidates for Tab in the current mode: the commands after `:`, else the
    /// forms an answer to the current question can take.
    private func completer() -> @Sendable (String) -> [String] {
        let commands = ReplCommand.names.flatMap { [$0.fr, $0.en] }
        var answers: [String] = []
        let q: Int? =
            switch mode {
            case .editing(let e): e
            case .answering: if case .asking(let a) = interview.state { a } else { nil }
            default: nil
            }
        if let q {
            let question = dialogue.questions[q]
            switch question.kind {
            case .choice(let choices): answers = choices.map { $0.label(for: settings.audience, language) }
            case .yesNo: answers = language == .fr ? ["oui", "non"] : ["yes", "no"]
            case .date: answers = language == .fr ? ["aujourd'hui", "hier", "avant-hier", "il y a "] : ["today", "yesterday"]
            case .text: break
            }
            if let unknown = question.unknown { answers.append(unknown.text(language)) }
        } else if case .confirmingQuit = mode {
            answers = language == .fr ? ["oui", "non"] : ["yes", "no"]
        }
        let candidates = answers
        return { typed in
            let folded = TextFolding.fold(typed)
            let pool = typed.hasPrefix(":") ? commands : candidates
            return pool.filter { TextFolding.fold($0).hasPrefix(folded) }
        }
    }
}
