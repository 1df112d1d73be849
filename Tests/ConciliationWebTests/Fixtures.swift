import DialogueKit
import ShippedRules
import Testing

@testable import ConciliationWeb

let testToday = CivilDate(iso: "2026-11-23")!

func shipped() throws -> Dialogue {
    try #require(ShippedRules.dialogue(named: "conciliation.yaml")).load()
}

/// A form as the page sends it, or a session as its cookie carries it.
func form(_ pairs: [(String, String)]) -> FormFields {
    FormFields(pairs: pairs.map { (name: $0.0, value: $0.1) })
}

/// The machine of a request from the session `session` posting `pairs`.
func machine(
    _ dialogue: Dialogue, _ pairs: [(String, String)], session: [(String, String)] = [], language: Language = .fr
) throws -> (PageMachine, PageEvent) {
    let request = try PageRequest(
        session: form(session), form: form(pairs), dialogue: dialogue, parser: AnswerParser(today: testToday, language: language))
    return (PageMachine(dialogue: dialogue, today: testToday, language: language, request: request), request.event)
}

/// The session the cookie would carry after this machine (what `WebSite` sets).
func sessionFields(_ machine: PageMachine) -> [(String, String)] {
    SessionCookie(interview: machine.interview, language: machine.language, flash: PageFlash()).fields.map { ($0.name, $0.value) }
}

/// The path to a result that calls for a letter (the CRA, within the two months).
let craPath = ["decision-admin", "2026-10-01", "oui", "33", "none", "non", "non"]

/// Answers `answers` one request at a time, as the page does (each request
/// rebuilt from the session the previous one set), and returns the last machine.
func walk(_ dialogue: Dialogue, _ answers: [String]) throws -> PageMachine {
    var (m, _) = try machine(dialogue, [("do", "start")])
    for text in answers {
        guard case .asking(let q) = m.interview.state else { throw WalkError.noQuestion(text) }
        var (next, event) = try machine(
            dialogue, [("do", "next"), ("q", dialogue.questions[q].id), ("answer", text)], session: sessionFields(m))
        guard event == .answer(question: q, text: text, unknown: false, editing: false) else { throw WalkError.noQuestion(text) }
        if case .show(.question(_, let error?, _, _, _)) = next.answered(question: q, text: text, unknown: false, editing: false) {
            throw WalkError.refused(text, error)
        }
        m = next
    }
    return m
}

enum WalkError: Error {
    case noQuestion(String)
    case refused(String, String)
}
