import DialogueKit
import Testing
@testable import ConciliationCLI

@Suite("The interview loop, with typed lines")
struct InterviewLoopTests {
    func run(_ lines: [String], audience: Audience = .self, language: Language = .fr) throws -> String {
        let transcript = Transcript()
        var loop = InterviewLoop(
            dialogue: try shippedDialogue(), today: CivilDate(iso: "2026-11-23")!, language: language,
            audience: audience, reader: ScriptedReader(lines), output: transcript)
        loop.run()
        return transcript.text
    }

    @Test func aDecisionEndsWithTheAppealDeadline() throws {
        let text = try run(["1", "05/10/2026", "oui", "75", "non", "non"])
        #expect(text.contains("question 1 (10 au plus)"))
        #expect(text.contains("Contestez la décision devant la commission de recours amiable (CRA)"))
        #expect(text.contains("lundi 7 décembre 2026"))
    }

    @Test func aBadAnswerIsExplainedAndAskedAgain() throws {
        let text = try run(["12", "4", "peut-être", "non", "non"])
        #expect(text.contains("tapez un numéro de 1 à 8"))
        #expect(text.contains("répondez oui ou non"))
        #expect(text.contains("Faites d'abord une réclamation à votre caisse"))
    }
}
