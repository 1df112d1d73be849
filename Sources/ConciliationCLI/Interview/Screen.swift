import DialogueKit

/// Turns what the machine asks to show into the lines of the terminal: colours,
/// lines broken between words at the terminal's width, every sentence from the
/// catalogue in the language chosen.
struct Screen {
    let dialogue: Dialogue
    let language: Language
    let audience: Audience
    let style: Style
    /// The terminal's width; nil when not a terminal.
    let width: Int?

    /// The widest hint kept on one line, in columns: the narrowest terminal
    /// wrapped is 20 columns wide.
    private static let unbrokenHint = 20

    /// The text to write for `display`, ending with a newline.
    func render(_ display: Display) -> String {
        switch display {
        case .caseNote(let note):
            // As it will be pasted into the case file: one line per item, not
            // wrapped, so that copying it from the screen gives `:exporter`'s lines.
            return note + "\n"
        default:
            return lines(display).map { line in (width.map { WordWrap.wrap(line, width: $0) } ?? WordWrap.unwrapped(line)) + "\n" }
                .joined()
        }
    }

    private func say(_ message: CLIMessage) -> String { message.text(language) }

    private func lines(_ display: Display) -> [String] {
        switch display {
        case .blank: return [""]
        case .welcome(let saving, let day):
            let simulated = day.map { [style.bold(say(.simulatedDay(DateWords.words($0, language))))] } ?? []
            return [style.bold(dialogue.title.text(language))] + simulated + [style.dim(say(.welcome(saving: saving)))]
        case .newInterview:
            // Home, erase the screen, erase the scrollback (xterm's E3, which
            // every terminal emulator of this century knows).
            guard width != nil else { return [say(.newInterview(cleared: false))] }
            return ["\u{1B}[H\u{1B}[2J\u{1B}[3J" + say(.newInterview(cleared: true))]
        case .message(let m): return [say(m)]
        case .error(let m): return [style.error(say(m))]
        case .note(let m): return [style.dim(say(m))]
        case .heading(let m): return [style.bold(say(m))]
        case .refused(let error): return [style.error(say(.refused(error)))]
        case .rejection(let text): return [style.error(text)]
        case .text(let text): return [text]
        case .question(let q, let progress, let brief, let previous):
            return question(q, progress: progress, previous: previous, brief: brief)
        case .echo(let q, let value): return echo(value, dialogue.questions[q]).map { [style.dim("→ " + $0)] } ?? []
        case .result(let sections): return result(sections)
        case .caseNote(let note): return [note]
        case .answers(let lines): return lines.isEmpty ? [say(.noAnswerYet)] : lines
        case .why(let explanation, let decided):
            return WhyText(dialogue: dialogue, language: language, style: style).lines(explanation, decided: decided)
        case .help(let q):
            var lines = q.map { [style.bold(say(.helpHeading)) + " " + dialogue.questions[$0].help.text(language)] } ?? []
            lines.append(style.bold(say(.commandsHeading)))
            for c in ReplCommand.table {
                lines.append("  \(c.name(language)) — \(say(c.usage))")
            }
            lines.append(say(.keysHelp))
            return lines
        }
    }

    /// The prompt's text.
    func prompt(_ prompt: Prompt) -> String {
        switch prompt {
        case .answer, .detail: return style.prompt("> ")
        case .command: return style.prompt(say(.commandPrompt))
        case .yesNo: return style.prompt(say(.yesNoPrompt))
        }
    }

    /// Dates are read back in words, and a choice by its label, so that an agent
    /// can check with the caller what was understood.
    private func echo(_ value: Value, _ question: Question) -> String? {
        switch (value, question.kind) {
        case (.date(let d), _): return DateWords.words(d, language)
        case (.string(let s), .choice(let choices)): return choices.first { $0.value == s }?.label(for: audience, language)
        case (.null, _): return question.unknown?.text(language)
        default: return nil
        }
    }

    private func question(_ q: Int, progress: Interview.Progress?, previous: Value?, brief: Bool) -> [String] {
        let question = dialogue.questions[q]
        var lines: [String] = []
        if !brief {
            lines.append("")
            if let progress { lines.append(style.dim(say(.progress(number: progress.number, atMost: progress.atMost)))) }
        }
        lines.append(style.bold(question.prompt(audience, language)))
        if case .choice(let choices) = question.kind {
            for (i, choice) in choices.enumerated() {
                lines.append("  \(style.accent(String(i + 1))). \(choice.label(for: audience, language))")
            }
        }
        var hints: [String] = []
        switch question.kind {
        case .yesNo: hints.append(say(.hintYesNo))
        case .date: hints.append(say(.hintDate))
        case .choice: hints.append(say(.hintChoice))
        case .text(_, let hint): if let hint { hints.append(hint.text(language)) }
        }
        if let unknown = question.unknown { hints.append(say(.quoted(unknown.text(language)))) }
        if let previous {
            hints.append(say(.hintEnterKeeps(CaseNote(dialogue: dialogue, language: language).answerText(previous, question: question))))
        }
        if !brief { hints.append(say(.hintHelp)) }
        // A short hint (what to type for "I don't know", the help command) is
        // never cut in two: the line breaks between hints.
        let kept = hints.map { DisplayWidth.columns($0) <= Self.unbrokenHint ? WordWrap.unbroken($0) : $0 }
        lines.append(style.dim("(" + kept.joined(separator: Message.listSeparator.text(language)) + ")"))
        return lines
    }

    private func result(_ parts: ResultSections) -> [String] {
        var lines = ["", style.result("→ " + parts.title)]
        lines += parts.dates.map { "  " + style.bold("\($0.label)\(language.colon)\($0.words) (\($0.relative))") }
        lines += ["", parts.summary]
        if !parts.steps.isEmpty {
            lines += ["", style.bold(say(.stepsHeading))]
            lines += parts.steps.enumerated().map { "  \($0.offset + 1). \($0.element)" }
        }
        if !parts.parallel.isEmpty {
            lines += ["", style.bold(say(.parallelHeading))]
            lines += parts.parallel.map { "  - \($0)" }
        }
        for note in parts.notes {
            lines += ["", note]
        }
        return lines
    }
}
