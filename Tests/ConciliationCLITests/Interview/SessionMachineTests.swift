import DialogueKit
import Foundation
import Testing

@testable import ConciliationCLI

/// The session machine without a terminal, a file or a clock: each event's
/// actions, asserted on the catalogue's cases rather than on French words.
@Suite("The session machine, event by event")
struct SessionMachineTests {
    func machine(_ lines: [String] = [], language: Language = .fr) throws -> SessionMachine {
        var m = SessionMachine(interview: Interview(dialogue: try shippedDialogue(), today: testToday), language: language, audience: .self)
        _ = m.start()
        for line in lines { _ = m.lineTyped(line) }
        return m
    }

    func shown(_ actions: [SessionAction]) -> [Display] {
        actions.compactMap { if case .show(let d) = $0 { d } else { nil } }
    }

    @Test("An answer is read back, the next question asked, then the answers saved")
    func anAnswerIsEchoedAskedAndSaved() throws {
        var m = try machine()
        let actions = m.lineTyped("4")
        guard case .show(.echo(let q, .string("functioning"))) = actions.first else {
            Issue.record("no echo first: \(actions)")
            return
        }
        #expect(m.dialogue.questions[q].id == "subject")
        #expect(actions.last == .save)
        #expect(actions.contains { if case .show(.question(_, _, brief: false, enterKeeps: nil)) = $0 { true } else { false } })
    }

    @Test("“1” at a yes/no question is refused with the parser's sentence and the question again, nothing saved")
    func aDigitAtAYesNoQuestion() throws {
        var m = try machine(["4"])
        let actions = m.lineTyped("1")
        #expect(shown(actions).count == 2)
        guard case .show(.refused(let why)) = actions.first else {
            Issue.record("not refused: \(actions)")
            return
        }
        #expect(why == .yesOrNo)
        #expect(!actions.contains(.save))
        #expect(m.interview.answeredPath.count == 1)
    }

    @Test("The confirmations take the answer parser's yes: “ouais” restarts")
    func confirmationsShareTheParsersWords() throws {
        var m = try machine(["4", "non"])
        #expect(shown(m.command(.restart)) == [.message(.restartQuestion)])
        #expect(m.prompt == .yesNo)
        #expect(shown(m.lineTyped("peut-être")) == [.refused(.yesOrNo)])
        let actions = m.lineTyped("ouais")
        #expect(actions.starts(with: [.forgetHistory, .newRecord, .show(.newInterview)]))
        #expect(m.interview.answeredPath.isEmpty)
    }

    @Test("Ctrl-D asks before leaving; a second one saves, then the goodbye says what the save gave, and leaves")
    func ctrlDTwice() throws {
        var m = try machine(["4"])
        #expect(m.endOfInput(interactive: true) == [.show(.blank), .show(.message(.quitQuestion(.nothingToSave)))])
        #expect(m.endOfInput(interactive: true) == [.save])
        #expect(
            m.saved(.saved) == [.show(.blank), .show(.message(.goodbye(finished: false, .saved))), .exit(.endOfInput)])
    }

    /// Issue 27, point 2: what is drawn travels with the action; the goodbye was
    /// worded at drawing time from the machine's state.
    @Test("Leaving: the goodbye carries the save's outcome; a failed last save is said before it; SIGTERM's notice too")
    func leavingCarriesTheSave() throws {
        var m = try machine(["4", "non", "non"])
        #expect(m.command(.quit) == [.save])
        #expect(
            m.saved(.failed("disque plein")) == [
                .show(.error(.saveFailed("disque plein"))), .show(.message(.goodbye(finished: true, .failed("disque plein")))),
                .exit(.quit),
            ])
        var t = try machine(["4"])
        #expect(t.terminated() == [.save])
        #expect(t.saved(.notSaving) == [.show(.blank), .show(.message(.terminatedNotice(.notSaving))), .exit(.terminated)])
        var piped = try machine(["4"])
        #expect(piped.endOfInput(interactive: false) == [.save])
        #expect(piped.saved(.saved) == [.exit(.endOfInput)])
    }

    @Test("The result, the case note and the answers travel with the actions that show them")
    func displaysCarryTheirData() throws {
        var m = try machine(["4", "non"])
        let actions = m.lineTyped("non")
        guard case .show(.result(let sections))? = actions.first(where: { if case .show(.result) = $0 { true } else { false } }) else {
            Issue.record("no result: \(actions)")
            return
        }
        #expect(sections == ResultFormatter(dialogue: m.dialogue, language: .fr).sections(try #require(m.routed)))
        guard case .show(.answers(let lines))? = m.command(.answers).first else {
            Issue.record("no answers")
            return
        }
        #expect(lines.count == 3)
        guard case .show(.caseNote(let note))? = m.command(.summary).first else {
            Issue.record("no case note")
            return
        }
        #expect(note.contains(sections.title))
    }

    @Test("Going back from the first question and answering after the result are told apart")
    func twoKindsOfNothing() throws {
        var m = try machine()
        #expect(shown(m.command(.back)).first == .message(.atFirstQuestion))
        var done = try machine(["4", "non", "non"])
        #expect(done.state == .finished)
        #expect(shown(done.lineTyped("oui")) == [.message(.interviewOver)])
    }

    @Test("The goodbye depends on what saving gave, reported back by the driver; a failure is said once")
    func saveOutcomes() throws {
        var m = try machine(["4"])
        #expect(m.saved(.failed("disque plein")) == [.show(.error(.saveFailed("disque plein")))])
        #expect(m.saved(.failed("disque plein")).isEmpty)
        #expect(CLIMessage.quitQuestion(m.memory.save).text(.fr).contains("disque plein"))
        #expect(m.saved(.saved).isEmpty)
        #expect(m.memory.save == .saved)
        #expect(m.saved(.failed("disque plein")) == [.show(.error(.saveFailed("disque plein")))], "said again once a save worked")
        // A new interview (a new caller at the agent's desk) is told again, and starts with nothing kept.
        #expect(m.command(.restart) == [.show(.message(.restartQuestion))])
        #expect(m.lineTyped("oui").contains(.newRecord))
        #expect(m.memory.save == .nothingToSave && m.memory.letterDetails == nil)
        #expect(m.saved(.failed("disque plein")) == [.show(.error(.saveFailed("disque plein")))])
    }

    @Test("An export over an existing file asks first; a no writes nothing")
    func exportOverAnExistingFile() throws {
        var m = try machine(["4", "non", "non"])
        let actions = m.command(.export(path: "dossier.txt", force: false))
        guard case .write(let request) = actions.first else {
            Issue.record("no write: \(actions)")
            return
        }
        #expect(request.replace == .never)
        #expect(shown(m.fileWritten(request, .exists(readOnly: false))) == [.message(.replaceQuestion(["dossier.txt"], readOnly: false))])
        #expect(shown(m.lineTyped("non")) == [.message(.nothingWritten)])
        #expect(m.state == .finished)
    }

    @Test("A letter's details are a state of the machine: each line a field, Ctrl-C gives it up")
    func letterDetails() throws {
        var m = try machine(["4", "non", "non"])
        #expect(shown(m.command(.letter(path: "lettre.txt", force: false))) == [.message(.letterField(.name, aboutADecision: false))])
        #expect(m.prompt == .detail(secret: false))
        _ = m.lineTyped("Marie Dupont")
        _ = m.lineTyped("3 rue des Lilas")
        #expect(m.prompt == .detail(secret: true))
        #expect(
            shown(m.lineTyped("1 84 12 76 451 089 47")) == [.error(.nirRefused(.key)), .message(.letterField(.nir, aboutADecision: false))])
        #expect(shown(m.lineTyped("1 84 12 76 451 089 46")).first == .message(.nirRecorded("••••••••••• 89 46")))
        #expect(shown(m.interrupted()) == [.message(.letterAbandoned)])
        #expect(m.state == .finished)
    }

    @Test("The letter's details are asked in English with --lang en")
    func letterDetailsInEnglish() throws {
        let (text, _, _) = try runInterview(["4", "no", "no", ":letter"], language: .en)
        #expect(text.contains("Your surname and first name:"))
        #expect(!text.contains("Vos nom et prénom"))
    }

    @Test("The end of piped input while a letter's optional passages are asked writes the letter")
    func endOfInputSkipsTheOptionalPassages() throws {
        var m = try machine([
            "4", "non", "non", ":lettre x.txt", "Marie Dupont", "3 rue des Lilas", "1 84 12 76 451 089 46", "CPAM du Bas-Rhin",
        ])
        let actions = m.endOfInput(interactive: false)
        guard case .write(let request) = actions.first, case .letter(let letter) = request.content else {
            Issue.record("no letter written: \(actions)")
            return
        }
        #expect(letter.toFill.count >= 2)
    }

    /// Issue 26, point 5.
    @Test("A second :lettre keeps the details given (in memory), and asks before replacing the letter's files")
    func secondLetterKeepsTheDetails() throws {
        var m = try machine([
            "4", "non", "oui", "01/10/2026", "2", "1", ":lettre lettre.txt", "Marie Dupont", "3 rue des Lilas", "1 84 12 76 451 089 46",
            "CPAM du Bas-Rhin", "mon dossier est bloqué", "", "qu'il soit traité",
        ])
        #expect(m.state == .finished)
        #expect(
            shown(m.command(.letter(path: nil, force: false)))
                == [.message(.reuseLetterDetailsQuestion(name: "Marie Dupont", nir: "••••••••••• 89 46"))])
        let again = m.lineTyped("o")
        let writes = again.compactMap { if case .write(let r) = $0 { r } else { nil } }
        #expect(writes.map(\.path) == ["lettre-mediateur.txt", "lettre-mediateur.md"])
        guard case .letter(let letter)? = writes.first?.content else {
            Issue.record("no letter: \(again)")
            return
        }
        #expect(letter.text.contains("Les faits : mon dossier est bloqué."))
        // Both files are there: one question, once, names both; a yes replaces both.
        #expect(shown(m.fileWritten(writes[0], .exists(readOnly: false))).isEmpty, "no question before the last file")
        #expect(
            shown(m.fileWritten(writes[1], .exists(readOnly: false)))
                == [.message(.replaceQuestion(["lettre-mediateur.txt", "lettre-mediateur.md"], readOnly: false))])
        let yes = m.lineTyped("o")
        #expect(yes.compactMap { if case .write(let r) = $0 { r.path } else { nil } } == ["lettre-mediateur.txt", "lettre-mediateur.md"])
        #expect(m.state == .finished)
        // A no asks them again (a typo to correct).
        _ = m.command(.letter(path: nil, force: false))
        #expect(shown(m.lineTyped("n")) == [.message(.letterField(.name, aboutADecision: false))])
        _ = m.interrupted()
        // A new caller: the details are forgotten.
        _ = m.command(.restart)
        _ = m.lineTyped("oui")
        _ = m.lineTyped("4")
        _ = m.lineTyped("non")
        _ = m.lineTyped("non")
        #expect(shown(m.command(.letter(path: "x.txt", force: false))) == [.message(.letterField(.name, aboutADecision: false))])
    }
}
