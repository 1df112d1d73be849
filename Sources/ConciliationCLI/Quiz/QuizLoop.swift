import DialogueKit
import LineEditor

/// A quiz for trainee conciliators over a bank of cases with known results.
final class QuizLoop {
    struct Item {
        let file: CaseFile
        let routed: RoutedCase
    }

    let dialogue: Dialogue
    let items: [Item]
    let language: Language
    let reader: LineReader
    let output: OutputSink
    private(set) var points = 0
    private(set) var possible = 0
    private var perRule: [String: (right: Int, total: Int)] = [:]
    private var toReview: [String] = []
    private(set) var casesDone = 0

    init(dialogue: Dialogue, items: [Item], language: Language, reader: LineReader, output: OutputSink) {
        self.dialogue = dialogue
        self.items = items
        self.language = language
        self.reader = reader
        self.output = output
    }

    private func write(_ text: String) { output.write(text + "\n") }

    /// The date that matters for a result: the appeal deadline or the end of the wait.
    func keyDate(_ routed: RoutedCase) -> (name: String, date: CivilDate)? {
        let recommendation = dialogue.outcomes[routed.result.outcome].recommendation
        let name = recommendation == .waitForAnswer ? "wait_until" : recommendation == .contentiousAppeal ? "appeal_deadline" : nil
        guard let name, let i = dialogue.outputs.firstIndex(where: { $0.name == name }),
            case .date(let d) = routed.result.outputs[i]
        else { return nil }
        return (name, d)
    }

    func run() {
        write(
            language.say(
                "Quiz : \(items.count) cas. Pour chacun, la recommandation puis, s'il y a lieu, la date qui compte. :passer saute un cas, :quitter arrête.",
                "Quiz: \(items.count) cases. For each, the recommendation then, where it applies, the date that matters. :skip skips a case, :quit stops."
            ))
        loop: for (n, item) in items.enumerated() {
            write("")
            write(language.say("Cas \(n + 1) sur \(items.count)", "Case \(n + 1) of \(items.count)"))
            present(item)
            switch askRecommendation(item) {
            case .quit: break loop
            case .skip: record(item, right: false, possiblePoints: 1 + (keyDate(item.routed) == nil ? 0 : 1))
            case .answered(let right):
                var total = right ? 1 : 0
                var possiblePoints = 1
                if let key = keyDate(item.routed) {
                    possiblePoints += 1
                    switch askDate(item, key.date) {
                    case .quit: record(item, right: right, possiblePoints: possiblePoints, score: total); break loop
                    case .skip: break
                    case .answered(let dateRight): total += dateRight ? 1 : 0
                    }
                }
                record(item, right: total == possiblePoints, possiblePoints: possiblePoints, score: total)
            }
            explain(item)
        }
        finish()
    }

    private func present(_ item: Item) {
        let note = CaseNote(dialogue: dialogue, language: language)
        write(
            language.say(
                "Nous sommes le \(DateWords.words(item.routed.today, language)).",
                "Today is \(DateWords.words(item.routed.today, language))."))
        for step in item.routed.result.path {
            guard case .question(let q) = step.node, let v = step.value else { continue }
            let question = dialogue.questions[q]
            let text = if case .date(let d) = v { DateWords.words(d, language) } else { note.answerText(v, question: question) }
            write("  • \(question.label.text(language))\(language.colon)\(text)")
        }
    }

    enum Reply { case answered(Bool), skip, quit }

    private func command(_ text: String) -> Reply? {
        switch TextFolding.fold(text.trimmingSpaces) {
        case ":passer", ":skip": return .skip
        case ":quitter", ":quit", ":q": return .quit
        default: return nil
        }
    }

    private func askRecommendation(_ item: Item) -> Reply {
        let expected = dialogue.outcomes[item.routed.result.outcome].recommendation
        write(language.say("Quelle recommandation ?", "Which recommendation?"))
        let choices = dialogue.recommendationLabels
        let labels = choices.map { $0.label.text(language) }
        for (i, label) in labels.enumerated() { write("  \(i + 1). \(label)") }
        reader.completer = { typed in labels.filter { TextFolding.fold($0).hasPrefix(TextFolding.fold(typed)) } }
        while true {
            guard case .line(let text) = reader.readLine(prompt: "> ") else { return .quit }
            if let c = command(text) { return c }
            let folded = TextFolding.fold(text.trimmingSpaces)
            let index =
                Int(folded).map { $0 - 1 }
                ?? choices.firstIndex { $0.recommendation.rawValue == folded }
                ?? labels.firstIndex { !folded.isEmpty && TextFolding.fold($0).hasPrefix(folded) }
            guard let index, choices.indices.contains(index) else {
                write(
                    language.say(
                        "Tapez un numéro de 1 à \(choices.count), ou le début d'une réponse (Tab complète).",
                        "Type a number from 1 to \(choices.count), or the start of an answer (Tab completes)."))
                continue
            }
            let right = choices[index].recommendation == expected
            if right {
                write(language.say("Juste.", "Right."))
            } else {
                let said = labels[index]
                let wanted = choices.first { $0.recommendation == expected }.map { $0.label.text(language) } ?? expected.rawValue
                let decisive = item.routed.result.rules(in: dialogue).last.flatMap { dialogue.rule($0) }
                write(
                    language.say(
                        "Non : vous avez dit « \(said) », il fallait « \(wanted) »", "No: you said “\(said)”, the answer is “\(wanted)”")
                        + (decisive.map {
                            language.say(", d'après la règle « \($0.title.text(.fr)) ».", ", by the rule “\($0.title.text(.en))”.")
                        } ?? "."))
            }
            return .answered(right)
        }
    }

    private func askDate(_ item: Item, _ expected: CivilDate) -> Reply {
        let wait = dialogue.outcomes[item.routed.result.outcome].recommendation == .waitForAnswer
        write(
            wait
                ? language.say("Jusqu'à quelle date attendre ?", "Until which date to wait?")
                : language.say("Quelle est la date limite pour agir ?", "What is the last day to act?"))
        reader.completer = nil
        let parser = AnswerParser(today: item.routed.today, language: language)
        while true {
            guard case .line(let text) = reader.readLine(prompt: "> ") else { return .quit }
            if let c = command(text) { return c }
            switch parser.date(TextFolding.fold(text.trimmingSpaces)) {
            case .failure(let error): write(error.message.prefix(1).uppercased() + error.message.dropFirst() + ".")
            case .success(let d):
                let right = d == expected
                write(
                    right
                        ? language.say("Juste : \(DateWords.words(d, language)).", "Right: \(DateWords.words(d, language)).")
                        : language.say(
                            "Non : vous avez dit \(DateWords.words(d, language)). ", "No: you said \(DateWords.words(d, language)). ")
                            + diagnosis(said: d, expected: expected, extendedToWorkingDay: !wait))
                return .answered(right)
            }
        }
    }

    /// One line on what went wrong with a date: for a deadline (extended to the
    /// next working day, art. 642), a day that is not a working day; for a wait in
    /// calendar days (never extended), how far off it is.
    func diagnosis(said: CivilDate, expected: CivilDate, extendedToWorkingDay: Bool) -> String {
        let words = { DateWords.words($0, self.language) }
        if extendedToWorkingDay && said < expected {
            var d = said
            var closed: [String] = []
            while d < expected {
                guard !LegalCalendar.isWorkingDay(d) else { break }
                closed.append(LegalCalendar.holiday(on: d, reading: .earliest)?.name ?? (d.weekday == 6 ? "samedi" : "dimanche"))
                d = d.adding(days: 1)
            }
            if d == expected {
                return language.say(
                    "Le \(words(said)) n'est pas un jour ouvrable (\(closed.joined(separator: ", "))) : le délai est reporté au \(words(expected)) (art. 642).",
                    "\(words(said)) is not a working day: the deadline moves to \(words(expected)) (art. 642).")
            }
        }
        let gap = abs(said.days(until: expected))
        return language.say(
            "La date juste est le \(words(expected)) (écart de \(gap) jour\(gap > 1 ? "s" : "")).",
            "The right date is \(words(expected)) (\(gap) day\(gap > 1 ? "s" : "") off).")
    }

    private func record(_ item: Item, right: Bool, possiblePoints: Int, score: Int = 0) {
        casesDone += 1
        points += score
        possible += possiblePoints
        for rule in item.routed.result.rules(in: dialogue) {
            perRule[rule, default: (0, 0)].total += 1
            if right { perRule[rule, default: (0, 0)].right += 1 }
        }
        if !right { toReview.append(item.file.name) }
    }

    private func explain(_ item: Item) {
        let outcome = dialogue.outcomes[item.routed.result.outcome]
        let renderer = TextRenderer(dialogue: dialogue, language: language)
        write(
            language.say("Réponse : ", "Answer: ") + renderer.fill(outcome.title, result: item.routed.result, today: item.routed.today)
                + " (\(outcome.recommendation.rawValue)\(outcome.route.map { " / " + $0 } ?? ""))")
        if let key = keyDate(item.routed) { write(language.say("Date : ", "Date: ") + DateWords.words(key.date, language)) }
        write(language.say("Pourquoi :", "Why:"))
        for id in item.routed.result.rules(in: dialogue) {
            guard let rule = dialogue.rule(id) else { continue }
            let unconfirmed = rule.unconfirmedMark(language)
            write("  - " + rule.title.text(language) + unconfirmed + language.colon + rule.text.text(language))
            let sources = rule.sources.compactMap { dialogue.source($0)?.title }
            if !sources.isEmpty { write("    (" + language.say("sources : ", "sources: ") + sources.joined(separator: " ; ") + ")") }
        }
    }

    /// The session's scores per rule, for a trainer to hand out after a class.
    func report() -> String {
        var md = [language.say("# Quiz : résultats", "# Quiz: results"), ""]
        md.append(scoreSentence)
        md.append("")
        md.append(language.say("| règle | cas réussis | cas |", "| rule | cases right | cases |"))
        md.append("|---|---:|---:|")
        for (rule, tally) in perRule.sorted(by: { $0.key < $1.key }) {
            md.append("| \(dialogue.rule(rule)?.title.text(language) ?? rule) (`\(rule)`) | \(tally.right) | \(tally.total) |")
        }
        md.append("")
        md.append(language.say("## À revoir", "## To review"))
        md.append("")
        md += toReview.isEmpty ? [language.say("Aucun cas.", "No case.")] : toReview.map { "- " + $0 }
        return md.joined(separator: "\n") + "\n"
    }

    private var scoreSentence: String {
        language.say(
            "Score : \(points) point\(points > 1 ? "s" : "") sur \(possible), pour \(casesDone) cas (un point par recommandation juste, un par date juste quand le cas en a une).",
            "Score: \(points) point\(points == 1 ? "" : "s") out of \(possible), over \(casesDone) case\(casesDone == 1 ? "" : "s") (a point per right recommendation, one per right date where the case has one)."
        )
    }

    private func finish() {
        write("")
        write(scoreSentence)
        write(language.say("Par règle (cas réussis / cas) :", "By rule (cases right / cases):"))
        for (rule, tally) in perRule.sorted(by: { $0.key < $1.key }) {
            let title = dialogue.rule(rule)?.title.text(language) ?? rule
            write("  \(rule) — \(title)\(language.colon)\(tally.right) / \(tally.total)")
        }
        if toReview.isEmpty {
            write(language.say("Aucun cas à revoir.", "No case to review."))
        } else {
            write(language.say("À revoir :", "To review:"))
            for c in toReview { write("  - \(c)") }
        }
    }
}
