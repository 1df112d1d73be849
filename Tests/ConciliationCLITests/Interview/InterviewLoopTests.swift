import DialogueKit
import Foundation
import Testing

@testable import ConciliationCLI

@Suite("The interview loop, with typed lines")
struct InterviewLoopTests {
    let functioningWaiting = ["4", "non", "oui", "02/11/2026", "2", "1"]

    @Test func aDecisionEndsWithTheAppealDeadline() throws {
        let (text, loop, exit) = try runInterview(["1", "05/10/2026", "oui", "75", "1", "non", "non"])
        #expect(text.contains("question 1 (27 au plus)"))
        #expect(text.contains(try #require(loop.dialogue.question(named: "appeal_filed")?.ask[.self]?.text(.fr))))
        #expect(text.contains("→ lundi 5 octobre 2026"), "a date answered is read back in words")
        guard case .finished(let result) = loop.interview.state else { Issue.record("not finished"); return }
        #expect(loop.dialogue.outcomes[result.outcome].id == "appeal-cra")
        #expect(text.contains("→ " + loop.dialogue.outcomes[result.outcome].title.text(.fr)))
        #expect(text.contains("Date limite pour contester : lundi 7 décembre 2026 (dans 14 jours)"))
        #expect(loop.state == .leaving(.none, .endOfInput), "the end of piped input: saved, then gone")
        #expect(loop.machine.routed != nil)
        #expect(exit == .endOfInput)
    }

    @Test func aBadAnswerIsExplainedAndAskedAgainWithNothingLost() throws {
        let (text, loop, _) = try runInterview(["12", "4", "peut-être", "non", "31/02/2026"])
        // The refusals are the catalogue's, worded for the terminal (their
        // wording is pinned where it is written, in SessionMachineTests and
        // AnswerParserTests).
        #expect(text.contains(CLIMessage.refused(.choiceExpected(count: 9)).text(.fr)))
        #expect(text.contains(CLIMessage.refused(.yesOrNo).text(.fr)))
        #expect(text.contains(try #require(loop.dialogue.question(named: "court_case_pending")?.ask[.self]?.text(.fr))))
        #expect(loop.interview.answeredPath.count == 2)
        let (text2, _, _) = try runInterview(["1", "31/02/2026", "24/12/2026"])
        #expect(text2.contains(CLIMessage.refused(.noSuchDay(day: 31, month: 2, year: 2026, days: 28)).text(.fr)))
        #expect(text2.contains("Cette date est dans le futur"))
    }

    @Test func helpShowsTheQuestionsHelpAndTheCommands() throws {
        let (text, _, _) = try runInterview([":aide"])
        #expect(text.contains("Aide : Une décision est un courrier"))
        #expect(text.contains("  :modifier — modifier N : changer la réponse n° N"))
        #expect(text.contains("  :exporter — exporter FICHIER"))
        #expect(!text.contains(":edit"), "the commands in the language chosen only")
    }

    @Test func backThenEnterKeepsThePreviousAnswer() throws {
        let (text, loop, _) = try runInterview(["4", "non", ":retour", ""])
        #expect(text.contains("Entrée : non"))
        #expect(loop.interview.answeredPath.count == 2)
        let (first, _, _) = try runInterview([":retour"])
        #expect(first.contains(CLIMessage.atFirstQuestion.text(.fr)))
    }

    @Test func editRecomputesWhatFollows() throws {
        let (text, loop, _) = try runInterview(functioningWaiting + [":modifier 4", "01/10/2026"])
        #expect(text.contains("Attendez la réponse de la caisse jusqu'au lundi 23 novembre 2026"))
        #expect(text.contains("Modification de la réponse 4 :"))
        #expect(text.contains("→ Saisissez le médiateur de votre caisse"))
        guard case .finished(let result) = loop.interview.state else { Issue.record("not finished"); return }
        #expect(loop.dialogue.outcomes[result.outcome].id == "refer-after-complaint")
        let (bad, _, _) = try runInterview(functioningWaiting + [":modifier 9", ":modifier deux"])
        #expect(bad.contains(CLIMessage.answerNumberTooHigh(count: 6).text(.fr)))
        #expect(bad.contains(CLIMessage.commandRefused(.badNumber("deux")).text(.fr)))
    }

    @Test func answersWhyAndSummary() throws {
        let (text, _, _) = try runInterview(functioningWaiting + [":réponses", ":pourquoi", ":resume"])
        #expect(text.contains("4. Date de la réclamation : 02/11/2026"))
        #expect(text.contains("Réclamation en cours : le guide attend trois semaines (r5-wait)"))
        #expect(text.contains("source : ameli.fr, « Saisir le médiateur » — https://www.ameli.fr/"))
        // Issue 26, point 9: no internal code in the note; the advice given, in the caller's words.
        #expect(!text.contains("Code :") && !text.contains("wait-for-answer"))
        #expect(text.contains("Conseil donné à la personne : Gardez la preuve de la réclamation"))
        #expect(text.contains("Premier jour pour saisir le médiateur : 24/11/2026 (demain — calcul du 23/11/2026)"))
    }

    /// Issue 26, point 9.
    @Test("The case note of a refusal of care is neutral in gender, whoever called")
    func neutralCaseNote() throws {
        let (text, _, _) = try runInterview(["7", "1", "n", "n", ":résumé"], audience: .agent)
        let note = try #require(text.components(separatedBy: "Litige Assurance Maladie — ").last)
        #expect(note.contains("1. Objet du litige : refus de soins par un professionnel de santé"))
        #expect(note.contains("2. Genre de refus de soins : refus parce que la personne a la C2S ou l'AME"))
        #expect(!note.contains("la soigner") && !note.contains("qu'elle a"))
    }

    @Test(":pourquoi before the result says why the question matters; after it, no heading without its rule")
    func whyBeforeAndAfter() throws {
        let (before, _, _) = try runInterview(["4", ":pourquoi"])
        #expect(before.contains("Pourquoi cette question (« Tribunal saisi ») :"))
        #expect(before.contains("Un tribunal est déjà saisi : Le médiateur ne peut pas"))
        #expect(!before.contains("Refus de soins"), "rules the answers already ruled out are not listed")
        #expect(!before.contains("4. Date de la réclamation"), "not the answers again")
        let (after, _, _) = try runInterview(functioningWaiting + [":pourquoi"])
        #expect(!after.contains("• Tribunal, commission, ou voie amiable ?"))
        #expect(after.contains("• Voie amiable : réclamation, puis médiateur"))
    }

    @Test("A choice is read back by its label; an edit that drops later answers says which")
    func choicesReadBackAndDroppedAnswers() throws {
        let (text, _, _) = try runInterview(functioningWaiting + [":modifier 3", "non"])
        #expect(text.contains("→ Le fonctionnement de la caisse"))
        #expect(text.contains("→ Courrier"))
        #expect(
            text.contains(
                "Ces réponses ne s'appliquent plus et sont mises de côté : Date de la réclamation, Moyen de la réclamation, Réponse de la caisse."
            ))
    }

    @Test("Ctrl-D twice ends on a clean line with a word; SIGTERM starts a new line")
    func cleanEndings() throws {
        let (text, _, exit) = try runInterview(["4", "^D", "^D"], interactive: true)
        #expect(exit == .endOfInput)
        #expect(text.hasSuffix("\nAu revoir ; rien n'a été enregistré.\n"))
        let (term, _, _) = try runInterview(["4", "^TERM"])
        #expect(term.contains("\n\nInterruption : "))
    }

    @Test("The case note speaks of the caller in the third person, with short labels")
    func caseNoteInTheThirdPerson() throws {
        let (text, _, _) = try runInterview(["6", "non", "oui", "02/11/2026", "2", "3", ":résumé"], audience: .agent)
        #expect(text.contains("1. Objet du litige : pas de rendez-vous obtenu chez un spécialiste"))
        #expect(text.contains("6. Réponse de la caisse : réponse insatisfaisante"))
        #expect(!text.contains("1. Objet du litige : Je n'obtiens"))
    }

    @Test("In the agent's view, the choices speak of the caller, and typing what is shown works")
    func agentVoiceChoices() throws {
        let (text, loop, _) = try runInterview(["ne tr", "non"], audience: .agent)
        #expect(text.contains("  5. Ne trouve pas de médecin traitant"))
        #expect(!text.contains("Je ne trouve pas"))
        #expect(text.contains("→ Ne trouve pas de médecin traitant"))
        #expect(loop.interview.answeredPath.first?.value == .string("no-gp"))
        let (person, _, _) = try runInterview([])
        #expect(person.contains("  5. Je ne trouve pas de médecin traitant"))
    }

    @Test func theAgentSeesThePhoneWordingAndTheCaseNote() throws {
        let (text, _, _) = try runInterview(functioningWaiting, audience: .agent)
        #expect(text.contains("Demandez : « Sur quoi porte votre désaccord avec la caisse ? »"))
        #expect(text.contains("Résumé pour la fiche"))
        #expect(!text.contains("\u{1B}["))
    }

    @Test("On a narrow terminal the case note keeps whole lines, to be copied as they are")
    func theCaseNoteIsNotWrapped() throws {
        let (text, loop, _) = try runInterview(functioningWaiting + [":résumé"], audience: .agent, width: 40)
        guard case .finished(let result) = loop.interview.state else { Issue.record("no result"); return }
        let routed = RoutedCase(result: result, today: loop.interview.today)
        let note = CaseNote(dialogue: try shippedDialogue(), language: .fr).text(answers: loop.interview.answeredPath, routed: routed)
        let longLines = note.split(separator: "\n").filter { $0.count > 40 }
        #expect(!longLines.isEmpty)
        for line in longLines { #expect(text.contains(line + "\n")) }
        #expect(!text.contains("Demandez : « Sur quoi porte votre désaccord avec la caisse ? »"), "the rest is wrapped to 40 columns")
    }

    @Test("English without a space before colons: the case note and the dates")
    func englishColons() throws {
        let (text, _, _) = try runInterview(["4", "no", "no", ":summary"], audience: .agent, language: .en)
        #expect(text.contains("1. Subject of the dispute: How the caisse works"))
        #expect(!text.contains(" : "))
    }

    @Test func englishOnRequest() throws {
        let (text, _, _) = try runInterview(["4", "no", "no"], language: .en)
        #expect(text.contains("question 1 (at most 27)"))
        #expect(text.contains("→ First make a complaint to your caisse"))
    }

    @Test func exportsAreOwnerOnlyAndNeverOverwrittenUnasked() throws {
        let dir = temporaryDirectory()
        let json = dir + "/dossier.json", txt = dir + "/dossier.txt", md = dir + "/dossier.md"
        let (text, _, _) = try runInterview(
            functioningWaiting + [
                ":exporter \(json)", ":exporter \(txt)", ":exporter \(md)", ":exporter \(txt)", "n",
                ":exporter \(dir)/dossier.pdf", ":exporter \(txt) --force",
            ])
        #expect(text.contains(CLIMessage.exported(json).text(.fr)))
        #expect(text.contains(CLIMessage.replaceQuestion([txt], readOnly: false).text(.fr)))
        #expect(text.contains(CLIMessage.nothingWritten.text(.fr)))
        #expect(text.contains(CLIMessage.exportExtension.text(.fr)))
        let attributes = try FileManager.default.attributesOfItem(atPath: json)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: json))) as? [String: Any]
        let result = object?["result"] as? [String: Any]
        #expect(result?["recommendation"] as? String == "wait-for-answer")
        #expect(result?["wait_until"] as? String == "2026-11-23")
        #expect((object?["answers"] as? [String: Any])?["complaint_on"] as? String == "2026-11-02")
        #expect(object?["created"] as? String == "2026-11-23T09:00:00Z")
        #expect(try String(contentsOfFile: md, encoding: .utf8).contains("## Attendez la réponse"))
        let exported = try String(contentsOfFile: txt, encoding: .utf8)
        #expect(exported.contains("Résultat : Attendez la réponse"))
        #expect(!exported.contains("Code :"))
        #expect(exported.contains("date du jour : lundi 23 novembre 2026"), "the day in words, not in ISO")
    }

    @Test("Control characters in a command or a file name are shown as visible text, and no such file is made")
    func controlCharactersNeverReachTheTerminal() throws {
        let dir = temporaryDirectory()
        let (text, _, _) = try runInterview(
            functioningWaiting + [":frob\u{1B}[2J", ":modifier \u{7}", ":exporter \(dir)/a\u{1B}b\u{7}.txt"])
        #expect(!text.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 })
        // The catalogue makes the control characters visible, whatever it is given.
        #expect(text.contains(CLIMessage.commandRefused(.unknown(":frob\u{1B}[2J")).text(.fr)))
        #expect(text.contains(CLIMessage.commandRefused(.badFileName("\(dir)/a\u{1B}b\u{7}.txt")).text(.fr)))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).isEmpty)
    }

    @Test("A read-only export target is asked about even with --force, and said to be read-only")
    func readOnlyTarget() throws {
        let dir = temporaryDirectory()
        let txt = dir + "/dossier.txt"
        try Data("protégé".utf8).write(to: URL(fileURLWithPath: txt))
        chmod(txt, 0o444)
        let (text, _, _) = try runInterview(functioningWaiting + [":exporter \(txt) --force", "n"])
        #expect(text.contains(CLIMessage.replaceQuestion([txt], readOnly: true).text(.fr)))
        #expect(try String(contentsOfFile: txt, encoding: .utf8) == "protégé")
    }

    @Test("An export onto a symbolic link or a FIFO is refused before anything is asked, even when confirmed")
    func exportNeverReplacesALinkOrAFIFO() throws {
        let dir = temporaryDirectory()
        let target = dir + "/vrai.txt", link = dir + "/lien.txt", fifo = dir + "/tube.txt"
        try Data("à garder".utf8).write(to: URL(fileURLWithPath: target))
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
        #expect(mkfifo(fifo, 0o600) == 0)
        let (text, _, _) = try runInterview(functioningWaiting + [":exporter \(link) --force", "o", ":exporter \(fifo)", "o"])
        #expect(text.contains("lien symbolique"))
        #expect(text.contains("pas un fichier ordinaire"))
        #expect(!text.contains("Exporté dans"))
        #expect(!text.contains("Le remplacer ?"), "nothing to confirm: it is refused")
        // In English, the reasons are English too, with an English colon.
        let (english, _, _) = try runInterview(functioningWaiting + [":export \(link)", ":export \(fifo)"], language: .en)
        #expect(english.contains("\(link): it is a symbolic link, which the program does not follow"))
        #expect(english.contains("\(fifo): it is not a regular file (a device, a pipe or a socket)"))
        #expect(!english.contains("lien symbolique") && !english.contains(" : "))
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == target)
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "à garder")
        var info = stat()
        #expect(lstat(fifo, &info) == 0 && info.st_mode & S_IFMT == S_IFIFO)
    }

    @Test func exportBeforeTheEndIsRefused() throws {
        let (text, _, _) = try runInterview(["4", ":exporter /tmp/never.txt"])
        #expect(text.contains(CLIMessage.exportBeforeResult.text(.fr)))
        #expect(!FileManager.default.fileExists(atPath: "/tmp/never.txt"))
    }

    @Test func restartAsksFirstThenStartsAfresh() throws {
        let (text, loop, _) = try runInterview(["4", "non", ":recommencer", "peut-être", "o"])
        #expect(text.contains(CLIMessage.restartQuestion.text(.fr)))
        #expect(text.contains("Nouvel entretien."))
        #expect(loop.interview.answeredPath.isEmpty)
    }

    @Test func quitAndUnknownCommands() throws {
        let (text, _, exit) = try runInterview([":frobnicate", ":quitter", "4"])
        #expect(text.contains("Commande inconnue : :frobnicate. Tapez :aide"))
        #expect(exit == .quit)
    }

    @Test func ctrlCKeepsAnswersAndCtrlDAsksBeforeLeaving() throws {
        let (text, loop, exit) = try runInterview(["4", "^C", "non", "^D", "n", "^D", "o"], store: temporaryDirectory(), interactive: true)
        #expect(loop.interview.answeredPath.count == 2)
        #expect(text.contains(CLIMessage.quitQuestion(.saved).text(.fr)))
        #expect(exit == .quit)
    }

    @Test func terminationSavesFirst() throws {
        let dir = temporaryDirectory()
        let (_, loop, exit) = try runInterview(["4", "non", "^TERM"], store: dir)
        #expect(exit == .terminated)
        let saved = SessionStore(directory: dir).list()
        #expect(saved.first?.record?.id == loop.record.id)
        #expect(saved.first?.record?.rawAnswers.count == 2)
    }

    @Test func everyAnswerIsSavedOwnerOnlyAndResumes() throws {
        let dir = temporaryDirectory() + "/state/conciliation"
        let (_, loop, _) = try runInterview(["4", "non", "oui", "02/11/2026"], store: dir)
        let path = SessionStore(directory: dir).path(of: loop.record.id)
        #expect((try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int) == 0o600)
        #expect((try FileManager.default.attributesOfItem(atPath: dir)[.posixPermissions] as? Int) == 0o700)
        let saved = try #require(SessionStore(directory: dir).list().first?.record)
        #expect(saved.finished == false)
        #expect(saved.rawAnswers.map(\.0) == ["subject", "court_case_pending", "complaint_made", "complaint_on"])
        // Resume: the same answers, read back through triage's checks.
        let dialogue = try shippedDialogue()
        let triage = Triage(dialogue: dialogue)
        let answers = saved.rawAnswers.compactMap { id, raw -> (question: Int, value: Value)? in
            guard let q = dialogue.question(named: id), case .success(let v) = triage.answer(raw, for: q) else { return nil }
            return (q.slot, v)
        }
        let (text, resumed, _) = try runInterview(["2", "1"], store: dir, answers: answers, record: saved)
        #expect(text.contains("Comment avez-vous fait cette réclamation ?"))
        #expect(resumed.record.id == loop.record.id)
        let finished = try #require(SessionStore(directory: dir).list().first?.record)
        #expect(finished.finished)
        #expect(finished.outcome == "wait-for-answer")
    }

    @Test("A failed autosave is never reported as saved")
    func aFailedSaveIsNotCalledSaved() throws {
        let dir = temporaryDirectory()
        let blocked = dir + "/blocked"
        try Data().write(to: URL(fileURLWithPath: blocked))
        let (text, _, exit) = try runInterview(["4", "non", "^TERM"], store: blocked + "/conciliation")
        #expect(exit == .terminated)
        #expect(!text.contains("l'entretien est enregistré"))
        #expect(text.contains("Interruption : l'entretien n'a pas pu être enregistré"))
        let (quit, _, _) = try runInterview(["4", "^D"], store: blocked + "/conciliation", interactive: true)
        #expect(quit.contains("Quitter l'entretien ? Il n'a pas pu être enregistré"))
        #expect(!quit.contains("Il reste enregistré"))
    }

    @Test("An interview with no answer leaves no file")
    func noAnswerNoFile() throws {
        let dir = temporaryDirectory() + "/state"
        _ = try runInterview(["^TERM"], store: dir)
        #expect(SessionStore(directory: dir).list().isEmpty)
    }

    @Test func anUnwritableStateFolderWarnsOnceAndGoesOn() throws {
        let dir = temporaryDirectory()
        let blocked = dir + "/blocked"
        try Data().write(to: URL(fileURLWithPath: blocked))  // a file where the folder should be
        let (text, loop, _) = try runInterview(["4", "non", "non"], store: blocked + "/conciliation")
        #expect(text.components(separatedBy: "ne peut pas être enregistré").count == 2)
        #expect(loop.machine.routed != nil)
    }

    @Test("“Je ne sais pas” for the day the commission received the appeal keeps every route open and says what to find")
    func commissionReceiptUnknown() throws {
        /// The outcome reached for a decision notified on `notified`, appealed to the CRA, receipt unknown.
        func outcome(notified: String) throws -> (id: String?, text: String) {
            // Receipt and sending unknown, no documents sent afterwards (2026.4 asks both).
            let (text, loop, _) = try runInterview(
                ["1", notified, "oui", "67", "2", "je ne sais pas", "1", "je ne sais pas", "1", "non", "non"])
            guard case .finished(let result) = loop.interview.state else { return (nil, text) }
            return (loop.dialogue.outcomes[result.outcome].id, text)
        }
        let old = try outcome(notified: "01/06/2026")
        #expect(old.id == "court-undated")
        #expect(old.text.contains("Trouvez d'abord la date du rejet implicite"))
        #expect(old.text.contains("aucune voie n'est tenue pour fermée"))
        let recent = try outcome(notified: "01/10/2026")
        #expect(recent.id == "wait-cra-receipt-unknown")
        #expect(recent.text.contains("au moins jusqu'au mardi 1er décembre 2026"))
    }
}
