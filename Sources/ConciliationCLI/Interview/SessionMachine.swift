import DialogueKit

/// The interview at the terminal as a state machine, in the manner of swift-nio's:
/// private state, one `mutating func` per event, each returning the actions to
/// take in order. No I/O, no clock: the driver (`InterviewLoop`) reads the lines,
/// performs the actions (drawing through `Screen`, saving, writing files) and
/// reports what they gave back as events (`saved`, `fileWritten`).
///
/// The decisions of the law stay in `Interview`, which replays from the answers;
/// this machine adds what the terminal needs around it: commands, edits,
/// confirmations, the letter's details.
struct SessionMachine {
    /// What the next line typed is for.
    enum State: Equatable {
        /// An answer to the question being asked.
        case answering
        /// A new answer to an earlier question (`:modifier N`).
        case editing(question: Int)
        /// The result is shown, or the dialogue is stuck: only commands remain.
        case finished
        /// A yes or no, about what is held here; the state to go back to after a no.
        indirect case confirming(Confirmation, then: State)
        /// The details of the letter being written.
        case letterDetails(LetterDraft)
        /// Leaving once the last save is done: what to say then, and how.
        case leaving(Farewell, InterviewExit)
    }

    /// What is said when leaving, once the last save says what is kept.
    enum Farewell: Equatable {
        /// Nothing (the end of piped input).
        case none
        /// The goodbye; after a blank line when the prompt was left on its own line.
        case goodbye(afterBlank: Bool)
        /// After SIGTERM or SIGHUP, on a clean line.
        case terminated
    }

    /// What a yes would do.
    enum Confirmation: Equatable {
        /// Leave (Ctrl-D at the prompt).
        case quit
        /// Erase the answers and start again.
        case restart
        /// Replace the files that exist (a letter has two) with these bytes.
        case overwrite([FileRequest], readOnly: Bool)
        /// Write this letter with the details already given (a no asks them again).
        case reuseLetterDetails(LetterDraft)
    }

    /// A letter asked for, while its details are typed.
    struct LetterDraft: Equatable {
        var form: LetterForm
        let kind: LetterKind
        let targets: [String]
        let force: Bool
    }

    /// What the saved copy holds: what the goodbyes may say.
    enum SaveState: Equatable, Sendable {
        /// No answer yet, so no file (an empty interview is not kept).
        case nothingToSave
        /// Every answer given is saved.
        case saved
        /// --no-save, or no folder for saving.
        case notSaving
        /// The last save failed, with the reason.
        case failed(String)
    }

    /// What the session keeps from one step to the next, whatever the step: it
    /// outlives every `State`, so it is held beside it rather than carried by
    /// each case, and only `saved`, a letter written and `restart` change it.
    struct Memory {
        /// What the saved copy holds: what the goodbyes say.
        var save = SaveState.nothingToSave
        /// Whether the last failure to save was said: it is said once until a
        /// save works again.
        var failureSaid = false
        /// The letter's details once given, kept for a second `:lettre` until the
        /// interview starts again: in memory only, never saved nor in the history.
        var letterDetails: LetterDetails?

        /// Records what saving gave; true when it is a failure not yet said.
        mutating func saved(_ outcome: SaveState) -> Bool {
            save = outcome
            guard case .failed = outcome else {
                failureSaid = false
                return false
            }
            defer { failureSaid = true }
            return !failureSaid
        }
    }

    private(set) var interview: Interview
    /// What the next line is for; every event switches over it.
    private(set) var state: State = .answering
    private(set) var memory = Memory()
    let language: Language
    let audience: Audience
    private let parser: AnswerParser

    /// Whether the answers are saved (not under --no-save): the welcome says so.
    let saving: Bool
    /// Whether the day is a training scenario's (`--today`): the welcome names it.
    let simulated: Bool

    init(interview: Interview, language: Language, audience: Audience, saving: Bool = true, simulated: Bool = false) {
        self.interview = interview
        self.saving = saving
        self.simulated = simulated
        self.language = language
        self.audience = audience
        self.parser = AnswerParser(today: interview.today, language: language, audience: audience)
    }

    var dialogue: Dialogue { interview.dialogue }

    /// The result, once reached.
    var routed: RoutedCase? {
        if case .finished(let result) = interview.state { return RoutedCase(result: result, today: interview.today) }
        return nil
    }

    /// The question the next line answers, if any.
    var questionAsked: Int? {
        switch state {
        case .editing(let q): return q
        case .answering: if case .asking(let q) = interview.state { return q }
        default: break
        }
        return nil
    }

    /// How the next line is read.
    var prompt: Prompt {
        switch state {
        case .answering, .editing: return .answer
        case .finished: return .command
        case .confirming: return .yesNo
        case .letterDetails(let draft): return .detail(secret: draft.form.isSecret)
        case .leaving: return .command
        }
    }

    /// Candidates for Tab: the commands after `:`, else the forms an answer to
    /// the current question can take.
    var completions: (commands: [String], answers: [String]) {
        var answers: [String] = []
        if let q = questionAsked {
            let question = dialogue.questions[q]
            switch question.kind {
            case .choice(let choices): answers = choices.map { $0.label(for: audience, language) }
            case .yesNo: answers = CLIMessage.yesNoWords.text(language).split(separator: " ").map(String.init)
            case .date: answers = CLIMessage.dateWords.text(language).split(separator: ",").map(String.init)
            case .text: break
            }
            if let unknown = question.unknown { answers.append(unknown.text(language)) }
        } else if case .confirming = state {
            answers = CLIMessage.yesNoWords.text(language).split(separator: " ").map(String.init)
        }
        return (ReplCommand.table.flatMap { [$0.french, $0.english] }, answers)
    }

    // MARK: Events

    /// The interview opens: the welcome for a new one, then where it stands.
    mutating func start() -> [SessionAction] {
        let day = simulated ? interview.today : nil
        return (interview.answeredPath.isEmpty ? [.show(.welcome(saving: saving, simulatedDay: day))] : []) + shown(interview.replay())
    }

    /// A line typed.
    mutating func lineTyped(_ text: String) -> [SessionAction] {
        guard text.utf8.count <= AnswerParser.maximumLength else {
            return [.show(.error(.lineTooLong(bytes: text.utf8.count)))]
        }
        switch state {
        case .confirming(let confirmation, let previous):
            return confirm(confirmation, then: previous, text)
        case .letterDetails(let draft):
            return letterDetail(draft, text)
        default:
            break
        }
        if let parsed = ReplCommand.parse(text) {
            switch parsed {
            case .success(let command): return self.command(command)
            case .failure(let error): return [.show(.error(.commandRefused(error)))]
            }
        }
        switch state {
        case .answering:
            guard case .asking(let q) = interview.state else { return [] }
            let value: Value
            switch parse(text, for: q) {
            case .success(let v): value = v
            case .failure(let refused): return refused.actions
            }
            return [.show(.echo(question: q, value: value))] + aside(text, q) + shown(interview.answer(value)) + [.save]
        case .editing(let q):
            let value: Value
            switch parse(text, for: q) {
            case .success(let v): value = v
            case .failure(let refused): return refused.actions
            }
            state = .answering
            let before = interview.answeredPath.map(\.question)
            let action = interview.edit(question: q, to: value)
            let dropped = interview.questionsSetAside(since: before)
            let setAside: [SessionAction] =
                dropped.isEmpty
                ? []
                : [
                    .show(
                        .message(
                            .answersSetAside(labels: dropped.map { dialogue.questions[$0].label.text(language) }.joined(separator: ", "))))
                ]
            return [.show(.echo(question: q, value: value))] + setAside + shown(action) + [.save]
        case .finished:
            return text.trimmingSpaces.isEmpty ? [] : [.show(.message(.interviewOver))]
        case .confirming, .letterDetails, .leaving:
            return []
        }
    }

    /// A command typed after `:`.
    mutating func command(_ command: ReplCommand) -> [SessionAction] {
        switch command {
        case .help:
            return [.show(.help(question: questionAsked))] + reask()
        case .back:
            state = .answering
            return shown(interview.back()) + [.save]
        case .edit(nil):
            return [.show(answersDisplay), .show(.message(.editHowTo))]
        case .edit(let n?):
            let path = interview.answeredPath
            guard n <= path.count else {
                return [.show(.error(path.isEmpty ? .noAnswerToEdit : .answerNumberTooHigh(count: path.count)))]
            }
            state = .editing(question: path[n - 1].question)
            return [.show(.blank), .show(.note(.changingAnswer(n))), .show(question(path[n - 1].question, progress: nil, brief: true))]
        case .answers:
            return [.show(answersDisplay)] + reask()
        case .why:
            return [.show(.why(Explanation(interview), decided: !interview.path.isEmpty))] + reask()
        case .summary:
            return [.show(caseNoteDisplay)] + reask()
        case .export(let path, let force):
            return export(path, force: force)
        case .letter(let path, let force):
            return letter(path, force: force)
        case .restart:
            if interview.answeredPath.isEmpty { return restart() }
            state = .confirming(.restart, then: state)
            return [.show(.message(.restartQuestion))]
        case .quit:
            return leave(.goodbye(afterBlank: false), .quit)
        }
    }

    /// Ctrl-D, or the end of piped input.
    mutating func endOfInput(interactive: Bool) -> [SessionAction] {
        switch state {
        case .letterDetails(var draft):
            guard draft.form.endOfInput(), let details = draft.form.details else { return abandonLetter() }
            state = .finished
            memory.letterDetails = details
            return writeLetter(draft, details)
        case .leaving:
            return []
        case _ where !interactive:
            return leave(.none, .endOfInput)
        case .confirming(.quit, _):
            return leave(.goodbye(afterBlank: true), .endOfInput)
        case .answering, .editing, .finished, .confirming:
            state = .confirming(.quit, then: state)
            return [.show(.blank), .show(.message(.quitQuestion(memory.save)))]
        }
    }

    /// Ctrl-C: the reader has cleared the line; a letter being written is abandoned.
    mutating func interrupted() -> [SessionAction] {
        switch state {
        case .letterDetails: return abandonLetter()
        case .answering, .editing, .finished, .confirming, .leaving: return []
        }
    }

    /// SIGTERM or SIGHUP: save and leave on a clean line.
    mutating func terminated() -> [SessionAction] {
        leave(.terminated, .terminated)
    }

    /// What saving gave: a failure is said once until a save works again; when
    /// leaving, the goodbye then says what is kept, and the loop ends.
    mutating func saved(_ outcome: SaveState) -> [SessionAction] {
        var said: [SessionAction] = []
        if memory.saved(outcome), case .failed(let reason) = outcome { said.append(.show(.error(.saveFailed(reason)))) }
        switch state {
        case .answering, .editing, .finished, .confirming, .letterDetails:
            return said
        case .leaving(let farewell, let exit):
            switch farewell {
            case .none: break
            case .goodbye(let afterBlank):
                said += (afterBlank ? [.show(.blank)] : []) + [.show(.message(.goodbye(finished: routed != nil, memory.save)))]
            case .terminated: said += [.show(.blank), .show(.message(.terminatedNotice(memory.save)))]
            }
            return said + [.exit(exit)]
        }
    }

    /// Leaving: the last save first; `saved` says goodbye and ends the loop.
    private mutating func leave(_ farewell: Farewell, _ exit: InterviewExit) -> [SessionAction] {
        state = .leaving(farewell, exit)
        return [.save]
    }

    /// What writing a file gave.
    mutating func fileWritten(_ request: FileRequest, _ outcome: FileRequest.Outcome) -> [SessionAction] {
        var said: [SessionAction]
        switch outcome {
        case .written(let fullPath):
            if case .letter(let letter) = request.content {
                let toFill = letter.toFill
                said = [.show(.message(toFill.isEmpty ? .letterReady(fullPath) : .letterToComplete(fullPath, toFill)))]
            } else {
                said = [.show(.message(.exported(fullPath)))]
            }
        case .exists(let readOnly):
            // The files of one letter that are already there are asked about together.
            var pending = [request], protected = readOnly, previous = state
            if case .confirming(.overwrite(let asked, let askedReadOnly), let before) = state {
                pending = asked + [request]
                protected = protected || askedReadOnly
                previous = before
            }
            state = .confirming(.overwrite(pending, readOnly: protected), then: previous)
            said = []
        case .failed(let reason):
            let letter = if case .letter = request.content { true } else { false }
            said = [.show(.error(.cannotWrite(reason, letter: letter)))]
        }
        // Once the last file of the batch is done, one question for those already there.
        guard request.followedBy == 0, case .confirming(.overwrite(let pending, let readOnly), _) = state else { return said }
        return said + [.show(.message(.replaceQuestion(pending.map(\.path), readOnly: readOnly)))]
    }

    // MARK: Answers

    /// Why a line was refused, as the actions that say it and ask again.
    private struct Refusal: Error {
        let actions: [SessionAction]
    }

    /// The answer typed, or why it was refused and the question again; Enter
    /// takes the answer offered.
    /// For a date read from a sentence, the words it set aside, named so that
    /// the person sees what was not taken.
    private func aside(_ text: String, _ q: Int) -> [SessionAction] {
        guard case .date = dialogue.questions[q].kind, let words = parser.wordsSetAside(text) else { return [] }
        return [.show(.message(.wordsSetAside(VisibleText.escapingControls(words.joined(separator: " ")))))]
    }

    private func parse(_ text: String, for q: Int) -> Result<Value, Refusal> {
        if text.trimmingSpaces.isEmpty, let previous = defaultAnswer(for: q) { return .success(previous) }
        return parser.parse(text, for: dialogue.questions[q]).mapError { error in
            Refusal(actions: [.show(.refused(error)), .show(question(q, progress: nil, brief: true))])
        }
    }

    /// The answer to offer with Enter: the one given before going back or editing.
    func defaultAnswer(for q: Int) -> Value? {
        interview.answers[q] ?? interview.setAside[q]
    }

    private mutating func shown(_ action: Interview.Action) -> [SessionAction] {
        switch action {
        case .ask(let q, let progress, let rejection, _):
            state = .answering
            return (rejection.map { [.show(.rejection($0.text(language)))] } ?? []) + [
                .show(question(q, progress: progress, brief: false))
            ]
        case .conclude:
            state = .finished
            let note: [SessionAction] =
                audience == .agent ? [.show(.blank), .show(.heading(.caseNoteHeading)), .show(caseNoteDisplay)] : []
            let sections = routed.map { ResultFormatter(dialogue: dialogue, language: language).sections($0) }
            return (sections.map { [.show(.result($0))] } ?? []) + note + [.show(.blank), .show(.note(.resultFooter))]
        case .report(let fault):
            state = .finished
            return [.show(.error(.dialogueFault("\(fault)"))), .show(.message(.faultWayOut))]
        case .atFirstQuestion:
            return [.show(.message(.atFirstQuestion))] + reask()
        case .noQuestionAsked:
            return [.show(.message(.interviewOver))]
        }
    }

    /// The question the current state waits for, briefly.
    private func reask() -> [SessionAction] {
        questionAsked.map { [.show(question($0, progress: nil, brief: true))] } ?? []
    }

    /// Question `q` as drawn now, with the answer Enter keeps.
    private func question(_ q: Int, progress: Interview.Progress?, brief: Bool) -> Display {
        .question(q, progress: progress, brief: brief, enterKeeps: defaultAnswer(for: q))
    }

    /// The answers given, as `:reponses` lists them.
    private var answersDisplay: Display {
        .answers(CaseNote(dialogue: dialogue, language: language).answerLines(interview.answeredPath))
    }

    /// The case note, as `:resume` and an agent's result show it.
    private var caseNoteDisplay: Display {
        .caseNote(CaseNote(dialogue: dialogue, language: language).text(answers: interview.answeredPath, routed: routed))
    }

    // MARK: Confirmations

    private mutating func confirm(_ confirmation: Confirmation, then previous: State, _ text: String) -> [SessionAction] {
        guard case .success(.bool(let yes)) = parser.yesNo(TextFolding.fold(text.trimmingSpaces)) else {
            return [.show(.refused(.yesOrNo))]
        }
        state = previous
        switch (confirmation, yes) {
        case (.quit, true): return leave(.goodbye(afterBlank: false), .quit)
        case (.restart, true): return restart()
        case (.overwrite(let requests, _), true):
            return requests.map { request in
                var request = request
                request.replace = .always
                return .write(request)
            }
        case (.overwrite, false): return [.show(.message(.nothingWritten))]
        case (.reuseLetterDetails(let draft), true):
            guard let kept = memory.letterDetails else { return [] }
            return writeLetter(draft, kept)
        case (.reuseLetterDetails(let draft), false):
            state = .letterDetails(draft)
            return [.show(.question(forDetail: draft.form))]
        case (.quit, false), (.restart, false): return reask()
        }
    }

    private mutating func restart() -> [SessionAction] {
        // A new caller: nothing typed for the last one comes back with ↑.
        memory = Memory()
        return [.forgetHistory, .newRecord, .show(.newInterview)] + shown(interview.restart())
    }

    // MARK: Files

    private func export(_ path: String?, force: Bool) -> [SessionAction] {
        guard let path else { return [.show(.error(.exportNeedsName))] }
        guard routed != nil else { return [.show(.error(.exportBeforeResult))] + reask() }
        guard let format = ExportFormat(path: path) else { return [.show(.error(.exportExtension))] }
        return [.write(FileRequest(path: path, content: .export(format), replace: force ? .unlessReadOnly : .never))]
    }

    private mutating func letter(_ path: String?, force: Bool) -> [SessionAction] {
        guard let routed else { return [.show(.error(.letterBeforeResult))] + reask() }
        guard let kind = LetterWriter(dialogue: dialogue).kind(for: routed) else {
            return [.show(.text(LetterWriter(dialogue: dialogue).noLetterReason(for: routed, language)))]
        }
        let targets = path.map { [$0] } ?? [kind.fileStem + ".txt", kind.fileStem + ".md"]
        if let bad = targets.first(where: { !$0.lowercased().hasSuffix(".txt") && !$0.lowercased().hasSuffix(".md") }) {
            return [.show(.error(.letterExtension(bad)))]
        }
        let draft = LetterDraft(
            form: LetterForm(needsReference: kind.citesADecision, asksWording: true), kind: kind, targets: targets, force: force)
        if let kept = memory.letterDetails {
            // Kept, but asked about: a typo in the name or the number is corrected by a no.
            state = .confirming(.reuseLetterDetails(draft), then: .finished)
            return [.show(.message(.reuseLetterDetailsQuestion(name: kept.name, nir: kept.nir.masked)))]
        }
        state = .letterDetails(draft)
        return [.show(.question(forDetail: draft.form))]
    }

    private mutating func letterDetail(_ draft: LetterDraft, _ text: String) -> [SessionAction] {
        var draft = draft
        switch draft.form.accept(text) {
        case .refused(let why):
            return [.show(.error(why)), .show(.question(forDetail: draft.form))]
        case .accepted(let notes):
            let said = notes.map { SessionAction.show(.message($0)) }
            if let details = draft.form.details {
                state = .finished
                memory.letterDetails = details
                return said + writeLetter(draft, details)
            }
            state = .letterDetails(draft)
            return said + [.show(.question(forDetail: draft.form))]
        }
    }

    private func writeLetter(_ draft: LetterDraft, _ details: LetterDetails) -> [SessionAction] {
        guard let routed else { return [] }
        let writer = LetterWriter(dialogue: dialogue)
        return draft.targets.map { target in
            let letter = writer.letter(draft.kind, routed: routed, details: details, markdown: target.lowercased().hasSuffix(".md"))
            return .write(
                FileRequest(
                    path: target, content: .letter(letter), replace: draft.force ? .unlessReadOnly : .never,
                    followedBy: draft.targets.count - 1 - draft.targets.firstIndex(of: target)!))
        }
    }

    /// The case summary `:exporter` writes, rendered here as letters are; the
    /// facts of the session (its name, its times) are the driver's, which holds
    /// the clock and the saved copy. Nil before the result.
    func export(_ format: ExportFormat, facts: [(String, String)]) -> [UInt8]? {
        guard let routed else { return nil }
        return CaseExport(dialogue: dialogue, language: language)
            .render(routed: routed, answers: interview.answeredPath, as: format, facts: facts)
    }

    private mutating func abandonLetter() -> [SessionAction] {
        state = .finished
        return [.show(.message(.letterAbandoned))]
    }
}

extension Display {
    /// The question of a letter's form.
    static func question(forDetail form: LetterForm) -> Display {
        form.question.map { .message($0) } ?? .blank
    }
}
