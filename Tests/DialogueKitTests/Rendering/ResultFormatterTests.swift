import DialogueFixtures
import DialogueKit
import Testing

@Suite("A result written out: text, Markdown, sections")
struct ResultFormatterTests {
    /// A result with dates, a route and notes, routed on its own day.
    func routed(_ dialogue: Dialogue, _ json: String, today: String) throws -> RoutedCase {
        guard case .object(let pairs) = CaseJSON.parse(json) else { throw CaseParseFailed() }
        return try Triage(dialogue: dialogue).route(pairs, todayOverride: nil, clockToday: date(today)).get()
    }

    struct CaseParseFailed: Error {}

    @Test(
        "English writes its colon without a space before it, French with one, in text and in Markdown",
        arguments: [
            #"{"subject":"decision-admin","notified_on":"2026-10-01","notice_states_deadline":true,"department":"33","appeal_filed":"none","court_case_pending":false,"complaint_made":false}"#,
            #"{"subject":"decision-admin","notified_on":"2026-08-03","appeal_filed":"cra","appeal_received_on":"2026-09-23","appeal_answer":"none","court_case_pending":false}"#,
            #"{"subject":"functioning","court_case_pending":false,"complaint_made":false}"#,
        ])
    func colons(json: String) throws {
        let dialogue = try loadShipped()
        let result = try routed(dialogue, json, today: "2026-11-28")
        let english = ResultFormatter(dialogue: dialogue, language: .en)
        for output in [english.text(result), english.markdown(result)] {
            #expect(!output.contains(" :"), "\(output)")
            #expect(output.contains(": "))
        }
        let french = ResultFormatter(dialogue: dialogue, language: .fr)
        for output in [french.text(result), french.markdown(result)] {
            #expect(output.contains(" : ") || output.contains("\u{A0}:"), "\(output)")
        }
    }
}
