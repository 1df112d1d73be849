import DialogueAuthoring
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
        #expect(transcript.text.contains(CLIMessage.quizRightDate("lundi 7 décembre 2026").text(.fr)))
        #expect(
            transcript.text.contains(
                "Réponse : Adressez-vous à une organisation de soins de votre territoire, puis à votre caisse (reclaim-first / cpts)"))
        #expect(transcript.text.contains(CLIMessage.quizWrongDate("dimanche 22 novembre 2026").text(.fr)))
        #expect(
            transcript.text.contains("r4-no-gp — Pas de médecin traitant : une organisation de soins du territoire, puis la caisse : 0 / 1")
        )
        #expect(transcript.text.contains("À revoir :"))
        #expect(transcript.text.contains("  - Exactement 21 jours : on attend encore"), "cases to review in plain French")
        #expect(!transcript.text.contains(".yaml"), "never a file path")
        #expect(transcript.text.contains(CLIMessage.quizRightDateIs("lundi 23 novembre 2026", daysOff: 1).text(.fr)))
        #expect(
            transcript.text.contains(
                "Non : vous avez dit « Saisir le médiateur », il fallait « Réclamer d'abord (à la caisse ou, pour un médecin traitant, à une organisation de soins du territoire) »"
            ), "the no-médecin-traitant answer is labelled as what the rules advise")
        #expect(transcript.text.contains("Score : 3 points sur 5, pour 3 cas (un point par recommandation juste"))
        #expect(
            transcript.text.contains(
                "  - Pas de médecin traitant : une organisation de soins du territoire, puis la caisse : Le médiateur ne peut plus"))
        #expect(transcript.text.contains("Contester : la commission (CRA, CMRA) ou le tribunal"))
        let report = quiz.report(day: testToday, seed: 42)
        #expect(report.hasPrefix("# Quiz : résultats"))
        #expect(
            report.contains("| Pas de médecin traitant : une organisation de soins du territoire, puis la caisse (`r4-no-gp`) | 0 | 1 |"))
    }

    @Test("A foreclosure is named as the rule that decided, with the dates the lesson is about")
    func decidingRuleAndDates() throws {
        let (dialogue, items) = try items(["r3-foreclosed-unsatisfactory", "r3-foreclosed-waiting", "r14-overpayment-cra-waiting"])
        let transcript = Transcript()
        let quiz = QuizLoop(
            dialogue: dialogue, items: items, language: .fr, reader: ScriptedReader(["1", "1", "1/12/2026", "1", "28/12/2026"]),
            output: transcript)
        quiz.run()
        let text = transcript.text
        let foreclosure = "« Délai de recours dépassé : un recours serait très probablement jugé tardif »"
        #expect(text.contains("il fallait « Saisir le médiateur », d'après la règle \(foreclosure)."))
        #expect(text.contains("il fallait « Attendre la réponse », d'après la règle \(foreclosure)."))
        #expect(!text.contains("d'après la règle « Réponse insatisfaisante"))
        #expect(text.contains("Date limite pour contester : lundi 5 octobre 2026"), "the passed deadline the foreclosure is about")
        #expect(text.contains("Dernier jour d'attente de la réponse : mardi 1er décembre 2026"))
        #expect(text.contains("Premier jour pour saisir le médiateur : mercredi 2 décembre 2026"))
        #expect(text.contains("Premier jour pour saisir le tribunal : "), "after a silence, the first day the court may be seized")
    }

    /// Issue 26, point 14: « 5 décembre » on a scenario of 23/11/2026 was 2025.
    @Test("A date without a year is read in the scenario's year: the lesson is the weekend, not 367 days")
    func dateWithoutYear() throws {
        let (dialogue, items) = try items(["r3-cra-within-deadline"])
        let transcript = Transcript()
        let quiz = QuizLoop(
            dialogue: dialogue, items: items, language: .fr, reader: ScriptedReader(["4", "5 décembre"]), output: transcript)
        quiz.run()
        #expect(transcript.text.contains("Le samedi 5 décembre 2026 n'est pas un jour ouvrable"), "\(transcript.text)")
        #expect(!transcript.text.contains("2025"))
    }

    @Test("A date on a weekend is diagnosed as such")
    func weekendDiagnosis() throws {
        let (dialogue, items) = try items(["r3-cra-within-deadline"])
        let quiz = QuizLoop(dialogue: dialogue, items: items, language: .fr, reader: ScriptedReader([]), output: Transcript())
        #expect(
            quiz.diagnosis(said: CivilDate(iso: "2026-12-05")!, expected: CivilDate(iso: "2026-12-07")!, extendedToWorkingDay: true)
                == "Le samedi 5 décembre 2026 n'est pas un jour ouvrable (samedi, dimanche) : le délai est reporté au lundi 7 décembre 2026 (art. 642)."
        )
    }

    /// Issue 26, point 15.
    @Test("The report records the day, the seed, the cases done and each answer; the feedback wraps and each source takes one line")
    func reportAndLayout() throws {
        let (dialogue, items) = try items(["r3-cra-within-deadline", "r4-no-gp", "r3-rev3-letter-complaint"])
        let transcript = Transcript()
        let quiz = QuizLoop(
            dialogue: dialogue, items: items, language: .fr, reader: ScriptedReader(["4", "5 décembre", "saisir"]), output: transcript,
            width: 60)
        quiz.run()
        let report = quiz.report(day: testToday, seed: 42)
        #expect(
            report.contains(
                "Quiz du lundi 23 novembre 2026 ; graine 42 (conciliation quiz --seed 42 rejoue les mêmes cas) ; 2 cas traités sur 3."))
        #expect(report.contains("| cas | réponse donnée | réponse attendue | juste |"))
        #expect(report.contains("| samedi 5 décembre 2026 | lundi 7 décembre 2026 | ✗ |"))
        #expect(report.contains("| Saisir le médiateur | Réclamer d'abord"))
        let lines = transcript.text.split(separator: "\n")
        #expect(lines.allSatisfy { $0.count <= 60 }, "wrapped to the terminal: \(lines.filter { $0.count > 60 })")
        #expect(lines.contains { $0.hasPrefix("    source : ") })
        #expect(!transcript.text.contains("sources : "), "one source per line, not a list in parentheses")
        #expect(!transcript.text.contains("domain.md"), "no internal file name")
    }
}
