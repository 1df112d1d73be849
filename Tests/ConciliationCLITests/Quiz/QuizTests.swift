import DialogueKit
import Foundation
import Testing

@testable import ConciliationCLI

@Suite("The quiz")
struct QuizTests {
    func items(_ names: [String]) throws -> (Dialogue, [QuizLoop.Item]) {
        let dialogue = try shippedDialogue()
        let items = try names.map { name -> QuizLoop.Item in
            let path = repositoryRoot + "/dialogues/cases/" + name + ".yaml"
            let file = try CaseFile.load(yaml: String(contentsOfFile: path, encoding: .utf8), file: path)
            let routed = try Triage(dialogue: dialogue).route(file.input, todayOverride: nil, clockToday: testToday).get()
            return QuizLoop.Item(file: file, routed: routed)
        }
        return (dialogue, items)
    }

    @Test func scoresAndExplainsEachAnswer() throws {
        let (dialogue, items) = try items(["r3-cra-within-deadline", "r4-no-gp", "r10-exactly-21-days"])
        let transcript = Transcript()
        let quiz = QuizLoop(
            dialogue: dialogue, items: items, language: .fr,
            reader: ScriptedReader(["4", "7 décembre 2026", "saisir", "2", "hier"]), output: transcript)
        quiz.run()
        #expect(quiz.points == 3)
        #expect(quiz.possible == 5)
        #expect(transcript.text.contains("Juste : lundi 7 décembre 2026."))
        #expect(
            transcript.text.contains(
                "Réponse : Adressez-vous à une organisation de soins de votre territoire, puis à votre caisse (reclaim-first / cpts)"))
        #expect(transcript.text.contains("Non : vous avez dit dimanche 22 novembre 2026."))
        #expect(
            transcript.text.contains("r4-no-gp — Pas de médecin traitant : une organisation de soins du territoire, puis la caisse : 0 / 1")
        )
        #expect(transcript.text.contains("À revoir :"))
        #expect(transcript.text.contains("r10-exactly-21-days.yaml"))
    }
}
