import DialogueFixtures
import DialogueKit
import Testing

@Suite("A case summary exported, and its JSON read back as a case")
struct CaseExportTests {
    @Test(
        "The JSON export read back routes to the same result, counted from the same day",
        arguments: [
            #"{"subject":"decision-admin","notified_on":"2026-10-01","notice_states_deadline":true,"department":"33","appeal_filed":"none","court_case_pending":false,"complaint_made":false}"#,
            #"{"subject":"decision-admin","notified_on":"2026-08-03","notice_states_deadline":null,"appeal_filed":"cra","appeal_received_on":"2026-09-23","appeal_answer":"none","court_case_pending":false}"#,
        ])
    func roundTrip(json: String) throws {
        let dialogue = try loadShipped()
        guard case .object(let pairs) = CaseJSON.parse(json) else { throw Unreadable() }
        let routed = try Triage(dialogue: dialogue).route(pairs, todayOverride: nil, clockToday: date("2026-11-28")).get()
        let answers = dialogue.questions.compactMap { q in routed.result.answers[q.slot].map { (question: q.slot, value: $0) } }
        let bytes = CaseExport(dialogue: dialogue, language: .fr).render(
            routed: routed, answers: answers, as: .json, facts: [("exported", "2026-11-28T10:00:00Z")])
        let read = try #require(CaseExport.answers(fromJSON: String(decoding: bytes, as: UTF8.self), dialogue: dialogue, parser: parser))
        #expect(read.today == date("2026-11-28"))
        guard case .finished(let again) = Interview(dialogue: dialogue, today: date("2026-11-28"), answers: read.answers).state else {
            Issue.record("the answers read back do not finish the interview")
            return
        }
        #expect(again.outcome == routed.result.outcome && again.outputs == routed.result.outputs)
    }

    @Test("Any other JSON is not an export: another form, a question not asked, an answer not taken, a broken file")
    func notAnExport() throws {
        let dialogue = try loadShipped()
        func read(_ json: String) -> Int? { CaseExport.answers(fromJSON: json, dialogue: dialogue, parser: parser)?.answers.count }
        #expect(read(#"{"subject":"functioning"}"#) == nil)
        #expect(read(#"{"format":"other","answers":{}}"#) == nil)
        #expect(read(#"{"format":"conciliation-export-1","answers":{"subject":3}}"#) == nil)
        #expect(read(#"{"format":"conciliation-export-1","answers":{"nowhere":"x"}}"#) == nil)
        #expect(read(#"{"format":"conciliation-export-1","answers":{"subject":"nuclear"}}"#) == nil)
        #expect(read(#"{"format":"conciliation-export-1","answers":{"subject":null}}"#) == nil, "no « je ne sais pas » there")
        #expect(read(#"{"format":"conciliation-export-1","answers":{"#) == nil)
        #expect(read(#"{"format":"conciliation-export-1","answers":{"subject":"functioning","department":"2A"}}"#) == 2)
    }

    let parser = AnswerParser(today: date("2026-11-28"), language: .fr)

    struct Unreadable: Error {}
}
