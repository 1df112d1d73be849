import DialogueFixtures
import Testing

@testable import DialogueKit

@Suite("Interview state machine: replay, back, edit")
struct InterviewTests {
    static let dialogue = try! loadShipped()
    let today = date("2026-11-23")

    func slot(_ name: String) -> Int { Self.dialogue.question(named: name)!.slot }

    func asked(_ action: Interview.Action) -> String? {
        if case .ask(let q, _, _, _) = action { return Self.dialogue.questions[q].id }
        return nil
    }

    func outcome(_ action: Interview.Action) -> String? {
        if case .conclude(let r) = action { return Self.dialogue.outcomes[r.outcome].id }
        return nil
    }

    @Test func aDecisionFromFirstQuestionToResult() {
        var i = Interview(dialogue: Self.dialogue, today: today)
        #expect(asked(i.replay()) == "subject")
        #expect(asked(i.answer(.string("decision-admin"))) == "notified_on")
        #expect(asked(i.answer(.date(date("2026-10-05")))) == "notice_states_deadline")
        #expect(asked(i.answer(.bool(true))) == "department")
        #expect(asked(i.answer(.null)) == "appeal_filed")
        #expect(asked(i.answer(.string("none"))) == "court_case_pending")
        #expect(asked(i.answer(.bool(false))) == "complaint_made")
        #expect(outcome(i.answer(.bool(false))) == "appeal-cra")
    }

    @Test func progressCountsTheLongestRemainingPath() {
        var i = Interview(dialogue: Self.dialogue, today: today)
        guard case .ask(_, let first, _, _) = i.replay() else { Issue.record("no question"); return }
        #expect(first == .init(number: 1, atMost: 27))
        guard case .ask(_, let second, _, _) = i.answer(.string("functioning")) else { Issue.record("no question"); return }
        // The longest path the graph allows from here (2026.4: through the questions a decision may add).
        #expect(second == .init(number: 2, atMost: 14))
    }

    @Test func aFutureDateIsRefusedAndNothingIsLost() {
        var i = Interview(dialogue: Self.dialogue, today: today)
        _ = i.answer(.string("decision-admin"))
        let action = i.answer(.date(date("2026-12-01")))
        guard case .ask(let q, _, let rejection?, _) = action else { Issue.record("not refused: \(action)"); return }
        #expect(Self.dialogue.questions[q].id == "notified_on")
        #expect(rejection.text(.fr).contains("futur"))
        #expect(i.answers[slot("subject")] == .string("decision-admin"))
        #expect(i.answers[slot("notified_on")] == nil)
    }

    @Test func backOffersThePreviousAnswer() {
        var i = Interview(dialogue: Self.dialogue, today: today)
        _ = i.answer(.string("functioning"))
        _ = i.answer(.bool(false))
        let action = i.back()
        guard case .ask(let q, _, _, let previous) = action else { Issue.record("\(action)"); return }
        #expect(Self.dialogue.questions[q].id == "court_case_pending")
        #expect(previous == .bool(false))
        #expect(asked(i.back()) == "subject")
        if case .atFirstQuestion = i.back() {} else { Issue.record("back from the first question should do nothing") }
    }

    @Test func editRecomputesDownstreamAndKeepsWhatStillApplies() {
        var i = Interview(dialogue: Self.dialogue, today: today)
        _ = i.answer(.string("functioning"))
        _ = i.answer(.bool(false))  // court
        _ = i.answer(.bool(true))  // complaint made
        _ = i.answer(.date(date("2026-11-02")))
        _ = i.answer(.string("letter"))
        guard case .conclude(let waiting) = i.answer(.string("none")) else { Issue.record("no result"); return }
        #expect(Self.dialogue.outcomes[waiting.outcome].recommendation == .waitForAnswer)
        // An earlier complaint date: the same answers now lead to the médiateur.
        let edited = i.edit(question: slot("complaint_on"), to: .date(date("2026-10-01")))
        #expect(outcome(edited) == "refer-after-complaint")
        // Turning the subject into a decision asks only the new questions.
        let decision = i.edit(question: slot("subject"), to: .string("decision-admin"))
        #expect(asked(decision) == "notified_on")
        #expect(i.answers[slot("complaint_on")] == .date(date("2026-10-01")))
        _ = i.answer(.date(date("2026-10-05")))
        _ = i.answer(.bool(true))
        #expect(asked(i.answer(.string("67"))) == "appeal_filed")
        // The kept answers (court, complaint…) carry the walk to the result.
        #expect(outcome(i.answer(.string("none"))) == "appeal-cra")
    }

    @Test func anEditThatBreaksACheckIsRefused() {
        var i = Interview(dialogue: Self.dialogue, today: today)
        _ = i.answer(.string("functioning"))
        _ = i.answer(.bool(false))
        _ = i.answer(.bool(true))
        _ = i.answer(.date(date("2026-11-02")))
        let action = i.edit(question: slot("complaint_on"), to: .date(date("2027-01-01")))
        guard case .ask(_, _, let rejection?, _) = action else { Issue.record("\(action)"); return }
        #expect(rejection.text(.en).contains("future"))
        #expect(i.answers[slot("complaint_on")] == .date(date("2026-11-02")))
    }

    @Test func replayIsAPureFunctionOfAnswersAndToday() {
        let answers: [(question: Int, value: Value)] = [
            (slot("subject"), .string("functioning")), (slot("court_case_pending"), .bool(false)),
            (slot("complaint_made"), .bool(true)), (slot("complaint_on"), .date(date("2026-11-02"))),
            (slot("complaint_channel"), .null), (slot("complaint_answer"), .string("none")),
        ]
        var a = Interview(dialogue: Self.dialogue, today: today, answers: answers)
        #expect(outcome(a.replay()) == "wait-for-answer")
        var later = Interview(dialogue: Self.dialogue, today: date("2026-11-24"), answers: answers)
        #expect(outcome(later.replay()) == "refer-after-complaint")
    }
}
