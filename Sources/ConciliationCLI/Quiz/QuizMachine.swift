import DialogueAuthoring
import DialogueKit

/// The quiz for trainee conciliators as a state machine: a case, its
/// recommendation, then the date that matters when the dialogue names one for
/// that recommendation (`quiz:` on an output), with feedback that teaches. Pure:
/// `QuizLoop` reads the lines and shows what it says.
struct QuizMachine {
    /// A case of the bank with its known result.
    struct Item {
        let file: CaseFile
        let routed: RoutedCase
    }

    /// What the next line answers.
    enum State: Equatable {
        /// The recommendation for case `item`.
        case recommendation(item: Int)
        /// The date for case `item`, after a recommendation right or not.
        case date(item: Int, recommendationRight: Bool)
        /// No more cases.
        case over
    }

    /// What to show, in order.
    enum Output: Equatable {
        case message(CLIMessage)
        case text(String)
        case blank
    }

    let dialogue: Dialogue
    let items: [Item]
    let language: Language
    private(set) var state: State
    private(set) var points = 0
    private(set) var possible = 0
    private(set) var casesDone = 0
    private var perRule: [String: (right: Int, total: Int)] = [:]
    private var toReview: [String] = []
    /// Each answer typed, for the trainer's report: the case, what was said,
    /// what was expected.
    private var given: [(name: String, said: String, expected: String, right: Bool)] = []

    init(dialogue: Dialogue, items: [Item], language: Language) {
        self.dialogue = dialogue
        self.items = items
        self.language = language
        self.state = items.isEmpty ? .over : .recommendation(item: 0)
    }

    private var choices: [(recommendation: Recommendation, label: LocalizedText)] { dialogue.recommendationLabels }

    /// Tab's candidates: the recommendations' labels when one is asked.
    var completions: [String] {
        if case .recommendation = state { return choices.map { $0.label.text(language) } }
        return []
    }

    /// The date the quiz asks for a result, with the dialogue's question.
    func keyDate(_ routed: RoutedCase) -> (quiz: DialogueKit.Output.Quiz, date: CivilDate)? {
        let recommendation = dialogue.outcomes[routed.result.outcome].recommendation
        for (i, output) in dialogue.outputs.enumerated() {
            guard let quiz = output.quiz, quiz.recommendation == recommendation, case .date(let d) = routed.result.outputs[i] else {
                continue
            }
            return (quiz, d)
        }
        return nil
    }

    // MARK: Events

    mutating func start() -> [Output] {
        [.message(.quizIntro(cases: items.count))] + present()
    }

    mutating func lineTyped(_ text: String) -> [Output] {
        switch TextFolding.fold(text.trimmingSpaces) {
        case ":passer", ":skip": return skip()
        case ":quitter", ":quit", ":q": return quit()
        default: break
        }
        switch state {
        case .recommendation(let n): return recommendation(n, text)
        case .date(let n, let right): return date(n, right, text)
        case .over: return []
        }
    }

    /// The end of the input: the quiz stops with the score so far.
    mutating func endOfInput() -> [Output] { quit() }

    // MARK: Steps

    private func present() -> [Output] {
        guard case .recommendation(let n) = state else { return [] }
        let item = items[n]
        let note = CaseNote(dialogue: dialogue, language: language)
        var out: [Output] = [
            .blank, .message(.quizCase(n + 1, of: items.count)), .message(.quizToday(DateWords.words(item.routed.today, language))),
        ]
        for step in item.routed.result.path {
            guard case .question(let q) = step.node, let v = step.value else { continue }
            let question = dialogue.questions[q]
            let text = if case .date(let d) = v { DateWords.words(d, language) } else { note.answerText(v, question: question) }
            out.append(.text("  • \(question.label.text(language))\(language.colon)\(text)"))
        }
        out.append(.message(.quizWhichRecommendation))
        out += choices.enumerated().map { .text("  \($0.offset + 1). \($0.element.label.text(language))") }
        return out
    }

    private mutating func recommendation(_ n: Int, _ text: String) -> [Output] {
        let item = items[n]
        let expected = dialogue.outcomes[item.routed.result.outcome].recommendation
        let folded = TextFolding.fold(text.trimmingSpaces)
        let labels = choices.map { $0.label.text(language) }
        let index =
            Int(folded).map { $0 - 1 }
            ?? choices.firstIndex { $0.recommendation.rawValue == folded }
            ?? labels.firstIndex { !folded.isEmpty && TextFolding.fold($0).hasPrefix(folded) }
        guard let index, choices.indices.contains(index) else { return [.message(.quizChoiceExpected(count: choices.count))] }
        let right = choices[index].recommendation == expected
        let wantedLabel = choices.first { $0.recommendation == expected }.map { $0.label.text(language) } ?? expected.rawValue
        given.append((item.file.name, labels[index], wantedLabel, right))
        var out: [Output]
        if right {
            out = [.message(.quizRight)]
        } else {
            let wanted = choices.first { $0.recommendation == expected }.map { $0.label.text(language) } ?? expected.rawValue
            // The first rule applied is the one that chose the route (a foreclosure,
            // a deadline still open, a subject); those after it choose within it.
            let decisive = item.routed.result.rules(in: dialogue).first.flatMap { dialogue.rule($0) }
            out = [.message(.quizWrongChoice(said: labels[index], wanted: wanted, rule: decisive?.title.text(language)))]
        }
        if let key = keyDate(item.routed) {
            state = .date(item: n, recommendationRight: right)
            return out + [.text(key.quiz.ask.text(language))]
        }
        return out + finishCase(n, score: right ? 1 : 0, possiblePoints: 1)
    }

    private mutating func date(_ n: Int, _ recommendationRight: Bool, _ text: String) -> [Output] {
        let item = items[n]
        guard let key = keyDate(item.routed) else { return [] }
        // The scenario's day: « 5 décembre » on a case of 23 November is the coming
        // 5 December, the deadline the lesson is about.
        let parser = AnswerParser(today: item.routed.today, language: language, yearless: .nearest)
        switch parser.date(TextFolding.fold(text.trimmingSpaces)) {
        case .failure(let error):
            return [.message(.refused(error))]
        case .success(let d):
            let right = d == key.date
            given.append((item.file.name, DateWords.words(d, language), DateWords.words(key.date, language), right))
            let said: Output =
                right
                ? .message(.quizRightDate(DateWords.words(d, language)))
                : .text(
                    CLIMessage.quizWrongDate(DateWords.words(d, language)).text(language)
                        + diagnosis(said: d, expected: key.date, extendedToWorkingDay: key.quiz.movesToWorkingDay))
            return [said] + finishCase(n, score: (recommendationRight ? 1 : 0) + (right ? 1 : 0), possiblePoints: 2)
        }
    }

    private mutating func skip() -> [Output] {
        switch state {
        case .recommendation(let n): return finishCase(n, score: 0, possiblePoints: keyDate(items[n].routed) == nil ? 1 : 2)
        case .date(let n, let right): return finishCase(n, score: right ? 1 : 0, possiblePoints: 2)
        case .over: return []
        }
    }

    private mutating func quit() -> [Output] {
        if case .date(let n, let right) = state { record(items[n], score: right ? 1 : 0, possiblePoints: 2) }
        guard state != .over else { return [] }
        state = .over
        return summary()
    }

    private mutating func finishCase(_ n: Int, score: Int, possiblePoints: Int) -> [Output] {
        record(items[n], score: score, possiblePoints: possiblePoints)
        let out = explain(items[n])
        if n + 1 < items.count {
            state = .recommendation(item: n + 1)
            return out + present()
        }
        state = .over
        return out + summary()
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
                closed.append(LegalCalendar.holiday(on: d, reading: .earliest)?.name ?? DateWords.weekday(d, language))
                d = d.adding(days: 1)
            }
            if d == expected {
                return CLIMessage.quizNotAWorkingDay(said: words(said), closed: closed.joined(separator: ", "), expected: words(expected))
                    .text(language)
            }
        }
        return CLIMessage.quizRightDateIs(words(expected), daysOff: abs(said.days(until: expected))).text(language)
    }

    private mutating func record(_ item: Item, score: Int, possiblePoints: Int) {
        casesDone += 1
        points += score
        possible += possiblePoints
        let right = score == possiblePoints
        for rule in item.routed.result.rules(in: dialogue) {
            perRule[rule, default: (0, 0)].total += 1
            if right { perRule[rule, default: (0, 0)].right += 1 }
        }
        if !right { toReview.append(item.file.name) }
    }

    private func explain(_ item: Item) -> [Output] {
        let outcome = dialogue.outcomes[item.routed.result.outcome]
        let renderer = TextRenderer(dialogue: dialogue, language: language)
        var out: [Output] = [
            .text(
                CLIMessage.quizAnswer.text(language) + renderer.fill(outcome.title, result: item.routed.result, today: item.routed.today)
                    + " (\(outcome.recommendation.rawValue)\(outcome.route.map { " / " + $0 } ?? ""))")
        ]
        for (i, output) in dialogue.outputs.enumerated() {
            guard case .date(let d) = item.routed.result.outputs[i] else { continue }
            out.append(.text(output.label.text(language) + language.colon + DateWords.words(d, language)))
        }
        out.append(.message(.quizWhy))
        for id in item.routed.result.rules(in: dialogue) {
            guard let rule = dialogue.rule(id) else { continue }
            out.append(
                .text("  - " + rule.title.text(language) + rule.unconfirmedMark(language) + language.colon + rule.text.text(language)))
            // One line per source, its title cut at a word: the rule is the lesson.
            for title in rule.sources.compactMap({ dialogue.source($0)?.title }) {
                out.append(.text("    " + CLIMessage.quizSource(WordWrap.cut(title, at: 70)).text(language)))
            }
        }
        return out
    }

    private var score: CLIMessage { .quizScore(points: points, possible: possible, cases: casesDone) }

    private func summary() -> [Output] {
        var out: [Output] = [.blank, .message(score), .message(.quizByRule)]
        for (rule, tally) in perRule.sorted(by: { $0.key < $1.key }) {
            let title = dialogue.rule(rule)?.title.text(language) ?? rule
            out.append(.text("  \(rule) — \(title)\(language.colon)\(tally.right) / \(tally.total)"))
        }
        if toReview.isEmpty { return out + [.message(.quizNothingToReview)] }
        return out + [.message(.quizToReview)] + toReview.map { .text("  - \($0)") }
    }

    /// The session's scores per rule, for a trainer to hand out after a class:
    /// the day and the seed (which replays the same cases), then each answer.
    func report(day: CivilDate, seed: UInt64) -> String {
        var md = [
            CLIMessage.quizReportTitle.text(language), "",
            CLIMessage.quizReportFacts(day: DateWords.words(day, language), seed: seed, done: casesDone, of: items.count).text(language),
            "",
            score.text(language), "", CLIMessage.quizReportHeader.text(language), "|---|---:|---:|",
        ]
        for (rule, tally) in perRule.sorted(by: { $0.key < $1.key }) {
            md.append("| \(dialogue.rule(rule)?.title.text(language) ?? rule) (`\(rule)`) | \(tally.right) | \(tally.total) |")
        }
        md += ["", CLIMessage.quizReportReview.text(language), ""]
        md += toReview.isEmpty ? [CLIMessage.quizReportNoCase.text(language)] : toReview.map { "- " + $0 }
        md += ["", CLIMessage.quizReportAnswers.text(language), "", CLIMessage.quizReportAnswersHeader.text(language), "|---|---|---|:-:|"]
        for a in given {
            let cells = [a.name, a.said, a.expected].map { $0.replacingOccurrences(of: "|", with: "\\|") }
            md.append("| \(cells[0]) | \(cells[1]) | \(cells[2]) | \(a.right ? "✓" : "✗") |")
        }
        return md.joined(separator: "\n") + "\n"
    }
}
