import DialogueKit
import Foundation
import Testing
@testable import ConciliationCLI

@Suite("The interview loop, with typed lines")
struct InterviewLoopTests {
    let functioningWaiting = ["4", "non", "oui", "02/11/2026", "2", "1"]

    @Test func aDecisionEndsWithTheAppealDeadline() throws {
        let (text, loop, exit) = try runInterview(["1", "05/10/2026", "oui", "75", "1", "non", "non"])
        #expect(text.contains("question 1 (15 au plus)"))
        #expect(text.contains("Avez-vous déjà contesté cette décision devant une commission de la caisse (CRA ou CMRA) ?"))
        #expect(text.contains("→ lundi 5 octobre 2026"))
        #expect(text.contains("→ Contestez la décision devant la commission de recours amiable (CRA)"))
        #expect(text.contains("Date limite pour contester : lundi 7 décembre 2026 (dans 14 jours)"))
        #expect(loop.mode == .finished)
        #expect(exit == .endOfInput)
    }

    @Test func aBadAnswerIsExplainedAndAskedAgainWithNothingLost() throws {
        let (text, loop, _) = try runInterview(["12", "4", "peut-être", "non", "31/02/2026"])
        #expect(text.contains("Tapez un numéro de 1 à 9"))
        #expect(text.contains("Répondez oui ou non (o / n)."))
        #expect(text.contains("Avez-vous déjà saisi un tribunal pour ce litige ?"))
        #expect(loop.interview.answeredPath.count == 2)
        let (text2, _, _) = try runInterview(["1", "31/02/2026", "24/12/2026"])
        #expect(text2.contains("Le 31 février 2026 n'existe pas : février 2026 a 28 jours."))
        #expect(text2.contains("Cette date est dans le futur"))
    }

    @Test func helpShowsTheQuestionsHelpAndTheCommands() throws {
        let (text, _, _) = try runInterview([":aide"])
        #expect(text.contains("Aide : Une décision est un courrier"))
        #expect(text.contains(":modifier / :edit"))
        #expect(text.contains(":exporter / :export"))
    }

    @Test func backThenEnterKeepsThePreviousAnswer() throws {
        let (text, loop, _) = try runInterview(["4", "non", ":retour", ""])
        #expect(text.contains("Entrée : non"))
        #expect(loop.interview.answeredPath.count == 2)
        let (first, _, _) = try runInterview([":retour"])
        #expect(first.contains("Vous êtes à la première question."))
    }

    @Test func editRecomputesWhatFollows() throws {
        let (text, loop, _) = try runInterview(functioningWaiting + [":modifier 4", "01/10/2026"])
        #expect(text.contains("Attendez la réponse de la caisse jusqu'au lundi 23 novembre 2026"))
        #expect(text.contains("Modification de la réponse 4 :"))
        #expect(text.contains("→ Saisissez le médiateur de votre caisse"))
        guard case .finished(let result) = loop.interview.state else { Issue.record("not finished"); return }
        #expect(loop.dialogue.outcomes[result.outcome].id == "refer-after-complaint")
        let (bad, _, _) = try runInterview(functioningWaiting + [":modifier 9", ":modifier deux"])
        #expect(bad.contains("Il n'y a que 6 réponses ; tapez un numéro de 1 à 6."))
        #expect(bad.contains("« deux » n'est pas un numéro de réponse"))
    }

    @Test func answersWhyAndSummary() throws {
        let (text, _, _) = try runInterview(functioningWaiting + [":réponses", ":pourquoi", ":resume"])
        #expect(text.contains("4. Date de la réclamation : 02/11/2026"))
        #expect(text.contains("Réclamation en cours : le guide attend trois semaines (r5-wait)"))
        #expect(text.contains("source : ameli.fr, « Saisir le médiateur » — https://www.ameli.fr/"))
        #expect(text.contains("Code : wait-for-answer / caisse"))
        #expect(text.contains("Premier jour pour saisir le médiateur : 24/11/2026 (demain)"))
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

    @Test func englishOnRequest() throws {
        let (text, _, _) = try runInterview(["4", "no", "no"], language: .en)
        #expect(text.contains("question 1 (at most 15)"))
        #expect(text.contains("→ First make a complaint to your caisse"))
    }

    @Test func exportsAreOwnerOnlyAndNeverOverwrittenUnasked() throws {
        let dir = temporaryDirectory()
        let json = dir + "/dossier.json", txt = dir + "/dossier.txt", md = dir + "/dossier.md"
        let (text, _, _) = try runInterview(functioningWaiting + [
            ":exporter \(json)", ":exporter \(txt)", ":exporter \(md)", ":exporter \(txt)", "n",
            ":exporter \(dir)/dossier.pdf", ":exporter \(txt) --force",
        ])
        #expect(text.contains("Exporté dans \(json)"))
        #expect(text.contains("Le fichier \(txt) existe déjà. Le remplacer ? (o/n)"))
        #expect(text.contains("Rien n'a été écrit."))
        #expect(text.contains("Extension non reconnue"))
        let attributes = try FileManager.default.attributesOfItem(atPath: json)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: json))) as? [String: Any]
        let result = object?["result"] as? [String: Any]
        #expect(result?["recommendation"] as? String == "wait-for-answer")
        #expect(result?["wait_until"] as? String == "2026-11-23")
        #expect((object?["answers"] as? [String: Any])?["complaint_on"] as? String == "2026-11-02")
        #expect(object?["created"] as? String == "2026-11-23T09:00:00Z")
        #expect(try String(contentsOfFile: md, encoding: .utf8).contains("## Attendez la réponse"))
        #expect(try String(contentsOfFile: txt, encoding: .utf8).contains("Code : wait-for-answer / caisse"))
    }

    @Test("Control characters in a command or a file name are shown as visible text, and no such file is made")
    func controlCharactersNeverReachTheTerminal() throws {
        let dir = temporaryDirectory()
        let (text, _, _) = try runInterview(functioningWaiting + [":frob\u{1B}[2J", ":modifier \u{7}", ":exporter \(dir)/a\u{1B}b\u{7}.txt"])
        #expect(!text.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 })
        #expect(text.contains("Commande inconnue"))
        #expect(text.contains("Nom de fichier refusé"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).isEmpty)
    }

    @Test("A read-only export target is asked about even with --force, and said to be read-only")
    func readOnlyTarget() throws {
        let dir = temporaryDirectory()
        let txt = dir + "/dossier.txt"
        try Data("protégé".utf8).write(to: URL(fileURLWithPath: txt))
        chmod(txt, 0o444)
        let (text, _, _) = try runInterview(functioningWaiting + [":exporter \(txt) --force", "n"])
        #expect(text.contains("Le fichier \(txt) existe déjà et il est en lecture seule. Le remplacer quand même ? (o/n)"))
        #expect(try String(contentsOfFile: txt, encoding: .utf8) == "protégé")
    }

    @Test func exportBeforeTheEndIsRefused() throws {
        let (text, _, _) = try runInterview(["4", ":exporter /tmp/never.txt"])
        #expect(text.contains("L'entretien n'est pas terminé"))
        #expect(!FileManager.default.fileExists(atPath: "/tmp/never.txt"))
    }

    @Test func restartAsksFirstThenStartsAfresh() throws {
        let (text, loop, _) = try runInterview(["4", "non", ":recommencer", "peut-être", "o"])
        #expect(text.contains("Recommencer efface les réponses"))
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
        #expect(text.contains("Quitter l'entretien ? Il reste enregistré. (o/n)"))
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
        #expect(loop.mode == .finished)
    }
}

@Suite("Commands typed with a colon")
struct ReplCommandTests {
    @Test(arguments: [
        (":aide", ReplCommand.help), (":help", .help), (":retour", .back), (":back", .back),
        (":modifier 3", .edit(3)), (":edit", .edit(nil)), (":réponses", .answers), (":reponses", .answers),
        (":answers", .answers), (":pourquoi", .why), (":why", .why), (":résumé", .summary), (":summary", .summary),
        (":exporter a.txt", .export(path: "a.txt", force: false)), (":export --force a.md", .export(path: "a.md", force: true)),
        (":recommencer", .restart), (":restart", .restart), (":quitter", .quit), (":quit", .quit), ("  :QUIT ", .quit),
    ])
    func parses(line: String, command: ReplCommand) {
        #expect(ReplCommand.parse(line) == .success(command))
    }

    @Test func notACommand() {
        #expect(ReplCommand.parse("oui") == nil)
        #expect(ReplCommand.parse(":nope") == .failure(.unknown(":nope")))
        #expect(ReplCommand.parse(":modifier x") == .failure(.badNumber("x")))
    }
}

@Suite("Word wrap for the terminal")
struct WordWrapTests {
    @Test func breaksBetweenWordsAndKeepsListIndentation() {
        let text = "  1. Écrivez à la commission de recours amiable de votre caisse au plus tard le lundi 7 décembre 2026."
        let wrapped = WordWrap.wrap(text, width: 40)
        #expect(wrapped == """
              1. Écrivez à la commission de recours
                 amiable de votre caisse au plus
                 tard le lundi 7 décembre 2026.
            """)
        #expect(wrapped.split(separator: "\n").allSatisfy { $0.count <= 40 })
    }

    @Test func aColouredNumberStillIndentsItsChoice() {
        let line = "  \u{1B}[36m1\u{1B}[0m. Une décision administrative (refus de remboursement ou de prise en charge)"
        let wrapped = WordWrap.wrap(line, width: 40).split(separator: "\n")
        #expect(wrapped.count > 1)
        #expect(wrapped.dropFirst().allSatisfy { $0.hasPrefix("     ") && !$0.hasPrefix("      ") })
    }

    @Test func colourCodesDoNotCount() {
        let coloured = "\u{1B}[1mQuestion\u{1B}[0m"
        #expect(WordWrap.wrap(coloured, width: 20) == coloured)
    }
    @Test("Display columns: a combining accent takes none, a wide character or an emoji two")
    func displayColumns() {
        #expect(DisplayWidth.columns("de\u{301}cision") == 8)
        #expect(DisplayWidth.columns("décision") == 8)
        #expect(DisplayWidth.columns("日本語") == 6)
        #expect(DisplayWidth.columns("🙂 ok") == 5)
        #expect(DisplayWidth.columns("👨‍👩‍👧") == 2)
        #expect(DisplayWidth.columns("\u{1B}[36m1\u{1B}[0m.") == 2)
    }

    @Test("Lines with combining accents or wide characters are wrapped by the columns they take")
    func wrapsByColumns() {
        let decomposed = String(repeating: "de\u{301}cision ", count: 8)  // 9 columns a word with its space
        let lines = WordWrap.wrap(decomposed, width: 40).split(separator: "\n")
        #expect(lines.count == 2, "72 columns wrap once at 40, not by the 88 scalars")
        #expect(lines.allSatisfy { DisplayWidth.columns($0) <= 40 })
        let wide = String(repeating: "日本語 ", count: 10)  // 7 columns a word with its space
        #expect(WordWrap.wrap(wide, width: 40).split(separator: "\n").allSatisfy { DisplayWidth.columns($0) <= 40 })
    }
}

@Suite("Today in Europe/Paris, from the system's time-zone database")
struct ParisTodayTests {
    @Test("The database and the 1996 rule agree on every hour of 2026")
    func agreeWhileTheRuleHolds() throws {
        let paris = try #require(TimeZone(identifier: "Europe/Paris"), "this machine has no tzdata")
        let start = CivilDate(iso: "2026-01-01")!.dayNumber * 86_400
        for hour in 0..<(365 * 24) {
            let t = start + hour * 3_600 + 1_800
            #expect(ProcessEnvironment.parisDate(unixTime: t, zone: paris) == LegalCalendar.parisDate(unixTime: t))
        }
    }

    @Test("A changed rule reaches the program through the database, not the hand rule")
    func theDatabaseWins() {
        // 2026-07-14T22:30Z: 00:30 on the 15th under summer time; were summer time
        // abolished (UTC+1 all year), 23:30 on the 14th.
        let t = CivilDate(iso: "2026-07-14")!.dayNumber * 86_400 + 22 * 3_600 + 1_800
        #expect(ProcessEnvironment.parisDate(unixTime: t, zone: TimeZone(secondsFromGMT: 3_600)) == CivilDate(iso: "2026-07-14"))
        #expect(ProcessEnvironment.parisDate(unixTime: t, zone: nil) == CivilDate(iso: "2026-07-15"), "without a database, the 1996 rule")
    }
}

@Suite("Letters from the interview")
struct InterviewLetterTests {
    @Test func aLetterAfterTheResultWithTheNIRCheckedAndMasked() throws {
        let dir = temporaryDirectory()
        let path = dir + "/lettre.txt"
        let (text, _, _) = try runInterview(["4", "non", "oui", "01/10/2026", "2", "1", ":lettre \(path)",
                                             "Marie Dupont", "3 rue des Lilas, 67000 Strasbourg",
                                             "1 84 12 76 451 089 47", "1 84 12 76 451 089 46", "CPAM du Bas-Rhin"])
        #expect(text.contains("Numéro refusé : la clé ne correspond pas au numéro (elle devrait être 46)"))
        #expect(text.contains("→ numéro enregistré pour la lettre : ••••••••••• 89 46"))
        #expect(!text.contains("451 089 46"))
        #expect(text.contains("Lettre écrite dans \(path) (lisible par vous seul) : relisez-la, signez-la, puis envoyez-la."))
        let letter = try String(contentsOfFile: path, encoding: .utf8)
        #expect(letter.contains("Objet : Saisine du médiateur"))
        #expect(letter.contains("1 84 12 76 451 089 46"))
        #expect((try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int) == 0o600)
    }
}

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
        let quiz = QuizLoop(dialogue: dialogue, items: items, language: .fr,
                            reader: ScriptedReader(["4", "7 décembre 2026", "saisir", "2", "hier"]), output: transcript)
        quiz.run()
        #expect(quiz.points == 3)
        #expect(quiz.possible == 5)
        #expect(transcript.text.contains("Juste : lundi 7 décembre 2026."))
        #expect(transcript.text.contains("Réponse : Adressez-vous à une organisation de soins de votre territoire, puis à votre caisse (reclaim-first / cpts)"))
        #expect(transcript.text.contains("Non : vous avez dit dimanche 22 novembre 2026."))
        #expect(transcript.text.contains("r4-no-gp — Pas de médecin traitant : une organisation de soins du territoire, puis la caisse : 0 / 1"))
        #expect(transcript.text.contains("À revoir :"))
        #expect(transcript.text.contains("r10-exactly-21-days.yaml"))
    }
}

@Suite("The state folder and its files are not trusted")
struct SessionStoreTests {
    @Test("A folder open to others is narrowed to 0700")
    func wideFolderIsNarrowed() throws {
        let dir = temporaryDirectory() + "/conciliation"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o777])
        chmod(dir, 0o777)
        try SessionStore(directory: dir).secure()
        #expect((try FileManager.default.attributesOfItem(atPath: dir)[.posixPermissions] as? Int) == 0o700)
    }

    @Test("A symbolic link in place of the folder is refused, with the fix")
    func symlinkIsRefused() throws {
        let base = temporaryDirectory()
        let target = base + "/elsewhere"
        try FileManager.default.createDirectory(atPath: target, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: base + "/conciliation", withDestinationPath: target)
        #expect(throws: SessionStore.Refusal.self) { try SessionStore(directory: base + "/conciliation").secure() }
        do {
            try SessionStore(directory: base + "/conciliation").secure()
        } catch {
            #expect(error.description.contains("lien symbolique"))
            #expect(error.description.contains("rm "))
        }
        let (_, loop, _) = try runInterview(["4", "non"], store: base + "/conciliation")
        _ = loop
        #expect(try FileManager.default.contentsOfDirectory(atPath: target).isEmpty, "nothing written through the link")
    }

    @Test("A planted session cannot name a file outside the folder, and is not taken up")
    func plantedSession() throws {
        let base = temporaryDirectory()
        let dir = base + "/conciliation"
        let victim = base + "/victimdir"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: victim, withIntermediateDirectories: true)
        try Data("precious".utf8).write(to: URL(fileURLWithPath: victim + "/precious.json"))
        let planted = #"{"format":2,"id":"../victimdir/precious","dialogue_file":"/etc/passwd","dialogue":"x","version":"1","lang":"fr","audience":"self","created":"2026-11-23T09:00:00Z","updated":"2026-11-23T09:00:00Z","finished":true,"answers":[{"question":"subject","value":"functioning"}]}"#
        try Data(planted.utf8).write(to: URL(fileURLWithPath: dir + "/20261123-090000-abc.json"))
        let entries = SessionStore(directory: dir).list()
        #expect(entries.count == 1)
        #expect(entries.first?.record == nil, "an id that is not its file name is refused")
        #expect(SessionStore(directory: dir).delete("../victimdir/precious") == false)
        #expect(FileManager.default.fileExists(atPath: victim + "/precious.json"))
    }

    @Test("A FIFO or a link to a device is passed over without reading it")
    func fifoAndDevice() throws {
        let dir = temporaryDirectory() + "/conciliation"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        #expect(mkfifo(dir + "/x.json", 0o600) == 0)
        try FileManager.default.createSymbolicLink(atPath: dir + "/zero.json", withDestinationPath: "/dev/zero")
        let entries = SessionStore(directory: dir).list()  // returns: neither blocks nor reads without end
        #expect(entries.count == 2)
        #expect(entries.allSatisfy { $0.record == nil })
    }

    @Test("A session of another format is refused with a sentence naming it")
    func otherFormat() {
        let old = Array(#"{"format":"conciliation-session-1","id":"a"}"#.utf8)
        #expect(throws: SessionRecord.ReadError.otherFormat(1)) { try SessionRecord.read(old) }
        #expect(SessionRecord.ReadError.otherFormat(1).description.contains("another version"))
        let future = Array(#"{"format":3,"id":"a"}"#.utf8)
        #expect(throws: SessionRecord.ReadError.otherFormat(3)) { try SessionRecord.read(future) }
    }

    @Test("A record survives its own encoding, answers in order")
    func roundTrip() throws {
        var record = SessionRecord(id: "20261123-090000-abc", dialogueFile: "/d.yaml", dialogueID: "conciliation", dialogueVersion: "2026.2",
                                   language: .en, audience: .agent, todayOverride: CivilDate(iso: "2026-11-23"), created: "c", updated: "u",
                                   finished: false, outcome: nil, answers: [])
        record.answers = [.init(question: "subject", value: .text("functioning")), .init(question: "court_case_pending", value: .flag(false)),
                          .init(question: "notified_on", value: .unknown)]
        #expect(try SessionRecord.read(record.json()) == record)
    }

    @Test("The same interview cannot be opened twice")
    func lockIsExclusive() throws {
        let store = SessionStore(directory: temporaryDirectory() + "/conciliation")
        let first = try #require(store.lock("20261123-090000-abc"))
        #expect(store.lock("20261123-090000-abc") == nil)
        close(first)
        let again = try #require(store.lock("20261123-090000-abc"))
        close(again)
    }

    @Test("Leftover temporary and lock files are removed, and counted")
    func leftovers() throws {
        let dir = temporaryDirectory() + "/conciliation"
        let store = SessionStore(directory: dir)
        try store.secure()
        let old = dir + "/.conciliation-AbCdEf"
        try Data("answers".utf8).write(to: URL(fileURLWithPath: old))
        var times = [timespec(tv_sec: time(nil) - 3600, tv_nsec: 0), timespec(tv_sec: time(nil) - 3600, tv_nsec: 0)]
        #expect(utimensat(AT_FDCWD, old, &times, 0) == 0)
        try Data("fresh".utf8).write(to: URL(fileURLWithPath: dir + "/.conciliation-XyZxYz"))
        let held = try #require(store.lock("20261123-090000-abc"))
        try Data().write(to: URL(fileURLWithPath: dir + "/.20261123-090000-old.lock"))
        #expect(store.removeLeftovers() == 2, "the old temporary file and the unheld lock")
        #expect(FileManager.default.fileExists(atPath: dir + "/.conciliation-XyZxYz"), "a fresh one may be a write under way")
        #expect(FileManager.default.fileExists(atPath: dir + "/.20261123-090000-abc.lock"))
        close(held)
    }
}
