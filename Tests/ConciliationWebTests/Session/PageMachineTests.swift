import DialogueKit
import ShippedRules
import Testing

@testable import ConciliationWeb

@Suite("The page's machine: one request, rebuilt from the form, one event")
struct PageMachineTests {
    @Test("Start shows the first question; each request carries the answers to the next")
    func fromStartToResult() throws {
        let dialogue = try shipped()
        let (start, event) = try machine(dialogue, [("do", "start")])
        #expect(event == .show)
        #expect(start.show() == .show(.question(0, error: nil, typed: nil, editing: false, notice: nil)))
        #expect(start.progress?.number == 1 && start.progress?.atMost == 27)
        let done = try walk(dialogue, craPath)
        guard case .finished = done.interview.state else {
            Issue.record("no result after the CRA path")
            return
        }
        #expect(done.routed.map { dialogue.outcomes[$0.result.outcome].route } == "cra")
    }

    @Test("A refused answer: the question again, the reason, what was typed; nothing else changes")
    func refusedAnswer() throws {
        let dialogue = try shipped()
        var m = try walk(dialogue, ["decision-admin"])
        let before = m.interview.answers
        guard case .asking(let q) = m.interview.state else { throw WalkError.noQuestion("date") }
        let action = m.answered(question: q, text: "31/09/2026", unknown: false, editing: false)
        guard case .show(.question(q, let error?, "31/09/2026", false, nil)) = action else {
            Issue.record("expected the question again with an error, got \(action)")
            return
        }
        #expect(error.contains("30"))
        #expect(m.interview.answers == before)
    }

    @Test("The page's own words where the parser speaks of the terminal (an empty field, an option not offered)")
    func pageWords() throws {
        let dialogue = try shipped()
        var m = try walk(dialogue, [])
        #expect(
            m.answered(question: 0, text: "", unknown: false, editing: false)
                == .show(.question(0, error: WebSentence.chooseAnAnswer.text(.fr), typed: "", editing: false, notice: nil)))
        #expect(
            m.answered(question: 0, text: "zzz", unknown: false, editing: false)
                == .show(.question(0, error: WebSentence.chooseAnAnswer.text(.fr), typed: "zzz", editing: false, notice: nil)))
        m = try walk(dialogue, ["decision-admin"])
        guard case .asking(let date) = m.interview.state else { throw WalkError.noQuestion("date") }
        #expect(dialogue.questions[date].unknown != nil)
        guard case .show(.question(_, let empty?, _, _, _)) = m.answered(question: date, text: " ", unknown: false, editing: false) else {
            throw WalkError.refused(" ", "no refusal")
        }
        #expect(empty == WebSentence.writeAnAnswerOrUnknown.text(.fr) && !empty.contains(":aide"))
        // The 2007 rules ask dates without "je ne sais pas": typed there, it is refused in the page's words.
        let rules2007 = try #require(ShippedRules.dialogue(named: "conciliation-2007.yaml")).load()
        var old = try walk(rules2007, ["decision-admin", "2007-01-15", "oui", "33", "cra"])
        let received = try #require(rules2007.question(named: "appeal_received_on"))
        guard case .asking(received.slot) = old.interview.state, received.unknown == nil else {
            throw WalkError.noQuestion("appeal_received_on")
        }
        #expect(
            old.answered(question: received.slot, text: "je ne sais pas", unknown: false, editing: false)
                == .show(
                    .question(
                        received.slot, error: WebSentence.answerNeededHere.text(.fr), typed: "je ne sais pas", editing: false, notice: nil))
        )
    }

    @Test("A future date is refused by the dialogue's check, shown on the field")
    func checkOfTheDialogue() throws {
        let dialogue = try shipped()
        var m = try walk(dialogue, ["decision-admin"])
        guard case .asking(let q) = m.interview.state else { throw WalkError.noQuestion("date") }
        let action = m.answered(question: q, text: "2027-01-04", unknown: false, editing: false)
        guard case .show(.question(q, _?, "2027-01-04", false, nil)) = action else {
            Issue.record("expected a refusal, got \(action)")
            return
        }
    }

    @Test("“Je ne sais pas” by its button, where the question allows it")
    func unknownButton() throws {
        let dialogue = try shipped()
        var m = try walk(dialogue, ["decision-admin"])
        guard case .asking(let q) = m.interview.state else { throw WalkError.noQuestion("date") }
        _ = m.answered(question: q, text: "", unknown: true, editing: false)
        #expect(m.interview.answers[q] == .null)
    }

    @Test("From a page no longer current (another tab): an answer, an edit or Retour changes nothing, the current page is shown")
    func notOnThePath() throws {
        let dialogue = try shipped()
        var m = try walk(dialogue, ["decision-admin"])
        let current = m.show()
        let court = try #require(dialogue.question(named: "court_case_pending")).slot
        #expect(m.answered(question: court, text: "non", unknown: false, editing: false) == current)
        #expect(m.answered(question: court, text: "non", unknown: false, editing: true) == current)
        #expect(m.editRequested(question: court) == current)
        let subject = try #require(dialogue.question(named: "subject")).slot
        #expect(m.back(from: subject) == current, "Retour sent from the first question's page, an answer ago")
        #expect(m.interview.answeredPath.count == 1)
        #expect(m.letterRequested() == .refuse(.noResultYet))
        #expect(m.exportRequested(.json, exportedAt: "t") == .refuse(.noResultYet))
    }

    @Test("What a page draws is the machine's, read once: the answer offered, the path, the result and its explanation")
    func drawingCarriesItsData() throws {
        let dialogue = try shipped()
        var m = try walk(dialogue, craPath)
        guard case .result(let routed, nil, let explanation, let path) = m.drawing(of: .result(notice: nil)) else {
            Issue.record("the result page draws the result")
            return
        }
        #expect(dialogue.outcomes[routed.result.outcome].route == "cra")
        #expect(explanation == Explanation(m.interview) && !explanation.entries.isEmpty)
        #expect(path.map(\.question) == m.interview.answeredPath.map(\.question))
        let last = try #require(m.interview.answeredPath.last)
        _ = m.back()
        guard case .question(let asked) = m.drawing(of: .question(last.question, error: nil, typed: nil, editing: false, notice: nil))
        else {
            Issue.record("a question page draws the question")
            return
        }
        #expect(asked.offered == last.value, "the answer set aside by Retour is offered again")
        #expect(asked.progress != nil && asked.path.count == craPath.count - 1 && asked.today == testToday)
        let first = try #require(m.interview.answeredPath.first)
        guard case .question(let edited) = m.drawing(of: .question(first.question, error: nil, typed: nil, editing: true, notice: nil))
        else {
            Issue.record("an edit draws the question")
            return
        }
        #expect(edited.offered == first.value && edited.progress == nil, "an edit shows no progress line")
        // A result or a letter asked for with no result draws the fault page, the answers kept.
        let early = try walk(dialogue, ["decision-admin"])
        guard case .fault(let kept) = early.drawing(of: .result(notice: nil)),
            case .fault = early.drawing(of: .letter(LetterFields(), problems: [:]))
        else {
            Issue.record("no result: the fault page")
            return
        }
        #expect(kept.count == 1)
    }

    @Test("Retour sets the last answer aside and offers it; the next request still has it")
    func back() throws {
        let dialogue = try shipped()
        var m = try walk(dialogue, craPath)
        let last = try #require(m.interview.answeredPath.last)
        #expect(m.back() == .show(.question(last.question, error: nil, typed: nil, editing: false, notice: nil)))
        #expect(m.interview.setAside[last.question] == last.value)
        let (next, _) = try machine(dialogue, [("do", "show")], session: sessionFields(m))
        #expect(next.interview.setAside[last.question] == last.value)
        var first = try walk(dialogue, [])
        #expect(first.back() == .show(.question(0, error: nil, typed: nil, editing: false, notice: nil)))
    }

    @Test("Modifier an early answer: the answers that no longer apply are named")
    func editSetsAside() throws {
        let dialogue = try shipped()
        var m = try walk(dialogue, craPath)
        let subject = try #require(dialogue.question(named: "subject")).slot
        #expect(m.editRequested(question: subject) == .show(.question(subject, error: nil, typed: nil, editing: true, notice: nil)))
        // The functioning of the caisse, with no court and no complaint: a result at once.
        let action = m.answered(question: subject, text: "functioning", unknown: false, editing: true)
        guard case .show(.result(let notice?)) = action else {
            Issue.record("expected the result with a notice, got \(action)")
            return
        }
        #expect(notice.contains("Date de notification") && notice.contains("Département"))
        #expect(!notice.contains("Tribunal saisi"), "the answers that still apply are kept")
    }

    @Test("A step asked by its address: an earlier one as Modifier shows it, the last where the interview stands")
    func steps() throws {
        let dialogue = try shipped()
        var m = try walk(dialogue, craPath)
        let path = m.interview.answeredPath
        for (step, answered) in path.enumerated() {
            #expect(
                m.viewed(step: step, flash: PageFlash())
                    == .show(.question(answered.question, error: nil, typed: nil, editing: true, notice: nil)))
            #expect(m.step(of: .question(answered.question, error: nil, typed: nil, editing: true, notice: nil)) == step)
        }
        #expect(m.viewed(step: path.count, flash: PageFlash()) == .show(.result(notice: nil)))
        #expect(m.viewed(step: path.count + 5, flash: PageFlash()) == .show(.result(notice: nil)))
        #expect(m.step(of: .result(notice: nil)) == path.count)
        #expect(m.interview.answeredPath.count == path.count, "a page asked by its address changes nothing")
    }

    @Test("What a post leaves for its page: a refused answer refused again with its text, once; a notice")
    func flash() throws {
        let dialogue = try shipped()
        var m = try walk(dialogue, Array(craPath.prefix(3)))
        guard case .asking(let q) = m.interview.state else { throw WalkError.noQuestion("department") }
        let refused = PageFlash(attempt: .init(question: q, text: "zzz", unknown: false, editing: false))
        guard case .show(.question(q, let error?, "zzz", false, nil)) = m.viewed(step: 3, flash: refused) else {
            Issue.record("expected the refusal again")
            return
        }
        #expect(error == m.answered(question: q, text: "zzz", unknown: false, editing: false).shownError)
        // At another step the flash does not apply; nor an attempt that holds after all.
        #expect(m.viewed(step: 1, flash: refused).shownError == nil)
        let good = PageFlash(attempt: .init(question: q, text: "33", unknown: false, editing: false))
        #expect(m.viewed(step: 3, flash: good) == .show(.question(q, error: nil, typed: nil, editing: false, notice: nil)))
        #expect(m.interview.answeredPath.count == 3)
        // An edit refused, shown again at that question's step.
        let date = try #require(dialogue.question(named: "notified_on")).slot
        let badEdit = PageFlash(attempt: .init(question: date, text: "31/09/2026", unknown: false, editing: true))
        guard case .show(.question(date, _?, "31/09/2026", true, nil)) = m.viewed(step: 1, flash: badEdit) else {
            Issue.record("expected the edit refused again")
            return
        }
        // The notice of answers set aside names only answers still set aside.
        var n = try walk(dialogue, craPath)
        let subject = try #require(dialogue.question(named: "subject")).slot
        _ = n.answered(question: subject, text: "functioning", unknown: false, editing: true)
        #expect(!n.lastSetAside.isEmpty)
        guard case .show(.result(let notice?)) = n.viewed(step: 30, flash: PageFlash(setAside: n.lastSetAside)) else {
            Issue.record("expected the notice")
            return
        }
        #expect(notice.contains("Date de notification"))
    }

    @Test("The letter: refused details name their field; complete ones give the letter as a download")
    func letter() throws {
        let dialogue = try shipped()
        let m = try walk(dialogue, craPath)
        #expect(m.letterRequested() == .show(.letter(LetterFields(), problems: [:])))
        var fields = LetterFields()
        fields.values = [.name: "Zoé Testeuse", .address: "1 rue de la Paix", .nir: "1 85 05 78 006 084 36", .caisse: ""]
        guard case .show(.letter(_, let problems, _)) = m.letterSubmitted(fields, markdown: false) else {
            Issue.record("expected the form again")
            return
        }
        #expect(problems == [.nir: .nirRefused(.key), .caisse: .fieldNeeded])
        fields.values[.nir] = "1 85 05 78 006 084 91"
        fields.values[.caisse] = "CPAM de la Gironde"
        fields.values[.grounds] = "Première ligne\r\nseconde ligne"
        guard case .download(let file) = m.letterSubmitted(fields, markdown: true) else {
            Issue.record("expected a download")
            return
        }
        #expect(file.name == "lettre-recours.md")
        let text = String(decoding: file.bytes, as: UTF8.self)
        #expect(text.contains("Zoé Testeuse") && text.contains("Première ligne\nseconde ligne") && !text.contains("\r"))
    }

    @Test("The summary downloads in the three forms, named in the page's language")
    func exports() throws {
        let dialogue = try shipped()
        let m = try walk(dialogue, craPath)
        for format in ExportFormat.allCases {
            guard case .download(let file) = m.exportRequested(format, exportedAt: "2026-11-23T10:00:00Z") else {
                Issue.record("no download for \(format)")
                continue
            }
            #expect(file.name == "resume-dossier." + format.fileExtension)
            #expect(String(decoding: file.bytes, as: UTF8.self).contains("2026-10-01") || format != .json)
        }
    }
}

extension PageMachine.Action {
    /// The error a question page shows, if any.
    var shownError: String? {
        if case .show(.question(_, let error, _, _, _)) = self { return error }
        return nil
    }
}
