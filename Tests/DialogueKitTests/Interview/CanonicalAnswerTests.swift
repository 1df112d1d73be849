import DialogueFixtures
import DialogueKit
import Testing

/// A page that carries its answers in its form writes each as `canonicalText`
/// and reads it back with the same parser as a typed answer: the round trip must
/// give the same value on any day, in either language, for every question.
@Suite("Answers written into a page and read back")
struct CanonicalAnswerTests {
    /// Values of every kind a question of the shipped dialogues takes.
    func samples(_ question: Question) -> [Value] {
        var values: [Value] = question.unknown == nil ? [] : [.null]
        switch question.kind {
        case .choice(let choices): values += choices.map { .string($0.value) }
        case .yesNo: values += [.bool(true), .bool(false)]
        case .date: values += [.date(date("2026-02-28")), .date(date("2024-02-29")), .date(date("1999-12-31")), .date(date("2027-01-04"))]
        case .text: values += ["33", "2A", "974"].map(Value.string)
        }
        return values
    }

    @Test("Every value of every question of both shipped dialogues, in both languages, on two days")
    func roundTrip() throws {
        for name in ["conciliation.yaml", "conciliation-2007.yaml"] {
            let dialogue = try loadShipped(name)
            for question in dialogue.questions {
                for value in samples(question) {
                    for language in Language.allCases {
                        for today in [date("2026-11-23"), date("2031-06-01")] {
                            let parser = AnswerParser(today: today, language: language)
                            let text = AnswerParser.canonicalText(value)
                            let back = parser.parse(text, for: question)
                            if case .text(let pattern?, _) = question.kind, case .string(let s) = value, !pattern.matches(s) { continue }
                            #expect(try back.get() == value, "\(name) \(question.id) \(value) as “\(text)” in \(language)")
                        }
                    }
                }
            }
        }
    }

    @Test("An interview rebuilt from its answers and the answers set aside stands where it stood")
    func rebuiltWithSetAside() throws {
        let dialogue = try loadShipped()
        var interview = Interview(dialogue: dialogue, today: date("2026-11-23"))
        for text in ["decision-admin", "2026-10-01", "oui", "33"] {
            guard case .asking(let q) = interview.state else { Issue.record("no question"); return }
            _ = interview.answer(try AnswerParser(today: interview.today, language: .fr).parse(text, for: dialogue.questions[q]).get())
        }
        _ = interview.back()
        _ = interview.back()
        let answers = dialogue.questions.compactMap { q in interview.answers[q.slot].map { (q.slot, $0) } }
        let setAside = dialogue.questions.compactMap { q in interview.setAside[q.slot].map { (q.slot, $0) } }
        #expect(setAside.count == 2)
        let rebuilt = Interview(dialogue: dialogue, today: interview.today, answers: answers, setAside: setAside)
        #expect(rebuilt.answers == interview.answers)
        #expect(rebuilt.setAside == interview.setAside)
        #expect(rebuilt.answeredPath.map(\.question) == interview.answeredPath.map(\.question))
        guard case .asking(let q) = rebuilt.state, case .asking(let expected) = interview.state else {
            Issue.record("both should ask a question")
            return
        }
        #expect(q == expected)
    }
}
