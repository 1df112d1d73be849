import DialogueFixtures
import Testing

@testable import DialogueKit

@Suite("What a person types, turned into answers")
struct AnswerParserTests {
    static let dialogue = try! loadShipped()
    let parser = AnswerParser(today: date("2026-11-23"), language: .fr)

    func q(_ name: String) -> Question { Self.dialogue.question(named: name)! }

    @Test(
        "Date forms",
        arguments: [
            ("23/11/2026", "2026-11-23"), ("23/11/26", "2026-11-23"), ("5/10/2026", "2026-10-05"),
            ("05.10.2026", "2026-10-05"), ("5-10-2026", "2026-10-05"), ("23 novembre 2026", "2026-11-23"),
            ("1er mars 2026", "2026-03-01"), ("5 oct 2026", "2026-10-05"), ("5 Octobre 2026", "2026-10-05"),
            ("2026-11-23", "2026-11-23"), ("aujourd'hui", "2026-11-23"), ("Aujourd’hui", "2026-11-23"),
            ("hier", "2026-11-22"), ("avant-hier", "2026-11-21"), ("il y a 3 jours", "2026-11-20"),
            ("il y a 2 semaines", "2026-11-09"), ("il y a 1 mois", "2026-10-23"), ("il y a un mois", "2026-10-23"),
            ("3 days ago", "2026-11-20"), ("yesterday", "2026-11-22"), ("5 October 2026", "2026-10-05"),
            ("5/10", "2026-10-05"), ("24/12", "2025-12-24"), ("  23/11/2026  ", "2026-11-23"),
            ("5 août 2026", "2026-08-05"), ("5 aout 2026", "2026-08-05"), ("12 février 2026", "2026-02-12"),
        ])
    func dates(text: String, expected: String) throws {
        #expect(try parser.parse(text, for: q("notified_on")).get() == .date(date(expected)))
    }

    @Test(
        "The most natural French dates (issue 13): with « le », a weekday, a full stop, short units, « lundi dernier »",
        arguments: [
            ("le 3 octobre", "2026-10-03"), ("Le 7 novembre", "2026-11-07"), ("le 07/11/2026", "2026-11-07"),
            ("le 3/10", "2026-10-03"), ("lundi 2 novembre 2026", "2026-11-02"), ("03.10.2026", "2026-10-03"),
            ("il y a 3 semaines.", "2026-11-02"), ("3 sem", "2026-11-02"), ("21 jours", "2026-11-02"),
            ("il y a 21 j", "2026-11-02"), ("lundi dernier", "2026-11-16"), ("vendredi dernier", "2026-11-20"),
            ("Lundi, 2 novembre 2026.", "2026-11-02"), ("last monday", "2026-11-16"), ("3 weeks ago", "2026-11-02"),
        ])
    func naturalDates(text: String, expected: String) throws {
        #expect(try parser.parse(text, for: q("notified_on")).get() == .date(date(expected)))
    }

    @Test("A misspelt month is offered, not guessed; the part not understood is named")
    func misspeltMonth() {
        guard case .failure(let e) = parser.parse("3 ocotbre", for: q("notified_on")) else { Issue.record("accepted"); return }
        #expect(e == .notAMonth("ocotbre", guess: "octobre"))
        #expect(e.message(.fr).contains("« ocotbre » n'est pas un mois : vouliez-vous dire « octobre » ?"))
        guard case .failure(let day) = parser.parse("xyz octobre", for: q("notified_on")) else { Issue.record("accepted"); return }
        #expect(day == .notADayOfTheMonth("xyz"))
        guard case .failure(let word) = parser.parse("3 zzzzzz", for: q("notified_on")) else { Issue.record("accepted"); return }
        #expect(word == .notAMonth("zzzzzz", guess: nil))
    }

    @Test("Yes/no: « Non. » is no; a digit is refused, never a silent yes")
    func yesNoWithFullStopAndDigits() throws {
        #expect(try parser.parse("Non.", for: q("court_case_pending")).get() == .bool(false))
        #expect(try parser.parse("oui !", for: q("court_case_pending")).get() == .bool(true))
        for digit in ["1", "0", "2"] {
            guard case .failure(let e) = parser.parse(digit, for: q("court_case_pending")) else {
                Issue.record("\(digit) accepted"); continue
            }
            #expect(e == .yesOrNo)
        }
    }

    @Test(
        "Refused dates say what is expected",
        arguments: [
            ("31/02/2026", AnswerError.noSuchDay(day: 31, month: 2, year: 2026, days: 28)),
            ("29/02/2027", .noSuchDay(day: 29, month: 2, year: 2027, days: 28)), ("13/13/2026", .monthOutOfRange),
            ("demain matin", .notADayOfTheMonth("demain")), ("il y a beaucoup de jours", .dateExpected), ("", .empty),
            // Year first, a day that does not exist (issue 29, point 11: « le 2026 avril 1931 »).
            ("2026-04-31", .noSuchDay(day: 31, month: 4, year: 2026, days: 30)),
            ("2027/02/29", .noSuchDay(day: 29, month: 2, year: 2027, days: 28)),
        ])
    func badDates(text: String, problem: AnswerError) {
        switch parser.parse(text, for: q("notified_on")) {
        case .success(let v): Issue.record("accepted as \(v)")
        case .failure(let e): #expect(e == problem)
        }
    }

    @Test("A refusal in words: the terminal's, in lower case after « Réponse non valide : »; as a sentence for the quiz and the page")
    func refusalWords() {
        let day = AnswerError.noSuchDay(day: 31, month: 4, year: 2026, days: 30)
        #expect(day.message(.fr) == "le 31 avril 2026 n'existe pas : avril 2026 a 30 jours")
        #expect(day.sentence(.fr) == "Le 31 avril 2026 n'existe pas : avril 2026 a 30 jours.")
        #expect(AnswerError.dateExpected.message(.fr).contains("23/11/2026"))
        for error in [AnswerError.empty, .needed, .choiceExpected(count: 4)] {
            for language in Language.allCases {
                #expect(!error.message(language).contains(":"), "no terminal command in the core's words: \(error)")
                #expect(!error.message(language).contains("Tab"), "no terminal key in the core's words: \(error)")
            }
        }
        #expect(AnswerError.notAMonth("\u{1B}[2J", guess: nil).message(.fr).unicodeScalars.allSatisfy { $0.value != 0x1B })
    }

    @Test("I don't know, where allowed", arguments: ["je ne sais pas", "Je ne sais pas", "?", "nsp", "I don't know"])
    func unknown(text: String) throws {
        #expect(try parser.parse(text, for: q("notified_on")).get() == .null)
        #expect(try parser.parse(text, for: q("appeal_received_on")).get() == .null, "the day the commission received the appeal (2026.3)")
        if case .success = parser.parse(text, for: q("court_case_pending")) { Issue.record("court_case_pending has no unknown") }
    }

    @Test(
        "Yes and no",
        arguments: [
            ("o", true), ("oui", true), ("OUI", true), ("y", true), ("yes", true),
            ("n", false), ("non", false), ("no", false),
        ])
    func yesNo(text: String, value: Bool) throws {
        #expect(try parser.parse(text, for: q("court_case_pending")).get() == .bool(value))
    }

    @Test("Choices by number, by the start of the label, without accents")
    func choices() throws {
        let subject = q("subject")
        #expect(try parser.parse("1", for: subject).get() == .string("decision-admin"))
        #expect(try parser.parse("9", for: subject).get() == .string("other"))
        #expect(try parser.parse("le fonc", for: subject).get() == .string("functioning"))
        #expect(try parser.parse("autre", for: subject).get() == .string("other"))
        #expect(try parser.parse("un profes", for: subject).get() == .string("care-refusal"))
        #expect(try parser.parse("no-gp", for: subject).get() == .string("no-gp"))
        let channel = q("complaint_channel")
        #expect(try parser.parse("a l'acc", for: channel).get() == .string("counter"))
        #expect(try parser.parse("telephone", for: channel).get() == .string("phone"))
        guard case .failure(let nine) = parser.parse("10", for: subject) else { Issue.record("10 accepted"); return }
        #expect(nine == .choiceExpected(count: 9))
        guard case .failure(let ambiguous) = parser.parse("une d", for: subject) else { Issue.record("ambiguous accepted"); return }
        #expect(ambiguous == .severalStartThisWay([1, 2, 3]))
    }

    @Test("Control characters and escape sequences are refused")
    func controlCharacters() {
        guard case .failure(let e) = parser.parse("67\u{1b}[2J", for: q("department")) else { Issue.record("accepted"); return }
        #expect(e == .controlCharacters)
    }

    @Test("A département must look like one")
    func department() throws {
        #expect(try parser.parse("67", for: q("department")).get() == .string("67"))
        #expect(try parser.parse("2A", for: q("department")).get() == .string("2A"))
        #expect(try parser.parse("974", for: q("department")).get() == .string("974"))
        guard case .failure(let e) = parser.parse("Paris 15e", for: q("department")) else { Issue.record("accepted"); return }
        guard case .notRecognised(let hint, _) = e else { Issue.record("\(e)"); return }
        #expect(hint?.text(.fr).contains("numéro du département") == true)
        #expect(e.message(.fr).contains("numéro du département") && e.message(.en).contains("number"))
    }

    @Test("Dates in words, for reading back")
    func words() {
        #expect(DateWords.words(date("2026-10-05"), .fr) == "lundi 5 octobre 2026")
        #expect(DateWords.words(date("2026-03-01"), .fr) == "dimanche 1er mars 2026")
        #expect(DateWords.words(date("2026-12-07"), .en) == "Monday 7 December 2026")
        #expect(DateWords.words(date("2026-03-01"), .en) == "Sunday 1 March 2026", "1er is French only")
        #expect(DateWords.words(date("2027-08-31"), .fr) == "mardi 31 août 2027")
        #expect(DateWords.relative(date("2026-12-07"), today: date("2026-11-23"), .fr) == "dans 14 jours")
    }

    /// Issue 26, point 1: a choice was found only by the start of its label.
    @Test(
        "A choice found by the person's own words: any word of the label, its examples, its keywords; accents, hyphens, case folded",
        arguments: [
            ("subject", "décision administrative", "decision-admin"), ("subject", "Carte VITALE", "functioning"),
            ("subject", "fonctionnement", "functioning"), ("subject", "refus de remboursement", "decision-admin"),
            ("subject", "c2s", "care-refusal"), ("subject", "un trop percu", "overpayment"), ("subject", "Trop-perçu", "overpayment"),
            ("subject", "mes IJ", "decision-admin"), ("subject", "une mise en demeure", "overpayment"), ("subject", "4.", "functioning"),
            ("complaint_channel", "par telephone", "phone"), ("complaint_channel", "par courrier", "letter"),
            ("complaint_channel", "au guichet", "counter"), ("complaint_channel", "par mail", "email"),
            ("complaint_answer", "non ils ont jamais repondu", "none"), ("complaint_answer", "pas satisfait du tout", "unsatisfactory"),
        ])
    func choicesInOwnWords(question: String, typed: String, value: String) throws {
        #expect(try parser.parse(typed, for: q(question)).get() == .string(value))
    }

    /// Issue 26, point 2: « Tapez une date comme 23/11/2026 » for a sentence.
    @Test(
        "A sentence holding one date gives that date, and names the words set aside",
        arguments: [
            ("j'ai reçu une lettre le 3 octobre", "2026-10-03", "j'ai reçu une lettre"),
            ("La lettre du 05/10/2026 est arrivée.", "2026-10-05", "La lettre du est arrivée"),
            ("reçu il y a 3 jours environ", "2026-11-20", "reçu environ"),
        ])
    func dateInASentence(typed: String, iso: String, aside: String) throws {
        #expect(try parser.parse(typed, for: q("notified_on")).get() == .date(date(iso)))
        #expect(parser.wordsSetAside(typed)?.joined(separator: " ") == aside)
        #expect(parser.wordsSetAside("3 octobre") == nil, "a date alone sets nothing aside")
    }

    @Test("A sentence with two different dates, or none, is refused with what is expected")
    func twoDatesInASentence() {
        for typed in ["entre le 3 octobre et le 5 octobre", "je ne me souviens plus du jour"] {
            guard case .failure = parser.parse(typed, for: q("notified_on")) else {
                Issue.record("accepted: \(typed)")
                continue
            }
        }
    }

    /// Issue 26, point 3.
    @Test(
        "A département by its name, as the help speaks of them",
        arguments: [
            ("pas de calais", "62"), ("Pas-de-Calais", "62"), ("Réunion", "974"), ("la réunion", "974"), ("Moselle", "57"),
            ("MOSELLE", "57"), ("corse du sud", "2A"), ("Paris", "75"), ("en Guadeloupe", "971"), ("côtes d'armor", "22"),
        ])
    func departmentByName(typed: String, code: String) throws {
        #expect(try parser.parse(typed, for: q("department")).get() == .string(code))
    }

    @Test("A name that is no département is still refused with what is expected")
    func notADepartment() {
        guard case .failure(let error) = parser.parse("Atlantide", for: q("department")) else {
            Issue.record("accepted")
            return
        }
        #expect(error.message(.fr).contains("numéro du département"), "\(error)")
    }

    /// Found by review: a negative answer read as the opposite choice, a sentence
    /// with no date read as one.
    @Test(
        "A negative answer never picks the opposite choice; not knowing picks none",
        arguments: [
            ("appeal_answer", "elle ne me donne pas raison"), ("appeal_answer", "non elle ne m'a pas donné raison"),
            ("appeal_answer", "la décision est défavorable"), ("appeal_answer", "je ne sais pas trop"),
            ("appeal_answer", "je sais pas encore"), ("appeal_documents", "pas d'autres pièces"),
            ("appeal_documents", "aucune autre pièce"), ("appeal_documents", "je n'ai rien envoyé d'autre"),
        ])
    func negativesNeverFlip(question: String, typed: String) {
        let result = parser.parse(typed, for: q(question))
        if case .success(let v) = result {
            #expect(v != .string("satisfactory") && v != .string("sent") && v != .string("none"), "\(typed) → \(v)")
        }
    }

    @Test("« je ne sais pas. » with its full stop is « je ne sais pas »", arguments: ["je ne sais pas.", "Je ne sais pas !"])
    func unknownWithAFullStop(typed: String) throws {
        #expect(try parser.parse(typed, for: q("notified_on")).get() == .null)
    }

    @Test(
        "Words that only look like a date inside a sentence are no date",
        arguments: ["reçue un jour de novembre", "mis à jour le dossier", "pendant 3 semaines rien", "pas hier", "le 3 ou 4 novembre"])
    func noDateInSentence(typed: String) {
        guard case .failure = parser.parse(typed, for: q("notified_on")) else {
            Issue.record("read as a date: \(typed)")
            return
        }
    }

    @Test("Words that fit several choices show only those, numbered, and the question stays")
    func severalChoicesByWords() {
        guard case .failure(let error) = parser.parse("décision", for: q("subject")) else {
            Issue.record("accepted")
            return
        }
        guard case .severalMatch(let listed) = error else { Issue.record("\(error)"); return }
        #expect(listed.map(\.number) == [1, 2, 3], "only the choices that fit")
        #expect(listed[0].fr.hasPrefix("Une décision administrative") && listed[0].en.hasPrefix("An administrative decision"))
        // Worded in the language asked, with that language's typography.
        #expect(error.message(.fr).contains("1. Une décision administrative") && error.message(.fr).contains(" ; 2. "))
        #expect(error.message(.en).contains("1. An administrative decision") && error.message(.en).contains("; 2. "))
        #expect(!error.message(.en).contains(" ;"))
        guard case .failure = parser.parse("xylophone", for: q("subject")) else {
            Issue.record("a word of no label accepted")
            return
        }
    }

    @Test("A first day past reads « possible depuis », never « dépassée »; a last day past reads « dépassée »")
    func firstDaysAndLastDays() throws {
        let dialogue = try loadShipped()
        let json =
            #"{"subject":"decision-admin","notified_on":"2026-08-03","appeal_filed":"cra","appeal_received_on":"2026-09-23","appeal_answer":"none","court_case_pending":false,"today":"2026-11-28"}"#
        guard case .object(let pairs) = CaseJSON.parse(json) else { fatalError() }
        let routed = try Triage(dialogue: dialogue).route(pairs, todayOverride: nil, clockToday: date("2026-11-28")).get()
        let lines = ResultFormatter(dialogue: dialogue, language: .fr).sections(routed).dates
        let court = try #require(lines.first { $0.label == "Premier jour pour saisir le tribunal" })
        #expect(court.relative == "possible depuis 4 jours", "\(court)")
        #expect(lines.allSatisfy { !($0.label.hasPrefix("Premier jour") && $0.relative.contains("dépassée")) })
        #expect(DateWords.relative(date("2026-11-28"), today: date("2026-11-28"), .fr, opens: true) == "dès aujourd'hui")
        #expect(DateWords.relative(date("2026-11-27"), today: date("2026-11-28"), .fr, opens: true) == "possible depuis hier")
        #expect(DateWords.relative(date("2026-11-27"), today: date("2026-11-28"), .fr) == "dépassée depuis hier")
        #expect(DateWords.relative(date("2026-11-20"), today: date("2026-11-28"), .en, opens: true) == "possible for 8 days")
    }

    @Test(
        "« pas sûr », « not sure », « aucune idée » mean I don't know where the question allows it",
        arguments: ["pas sûr", "Not sure", "aucune idée", "je ne suis pas sûre"])
    func notSure(text: String) throws {
        #expect(try parser.parse(text, for: q("notified_on")).get() == .null)
    }
}
