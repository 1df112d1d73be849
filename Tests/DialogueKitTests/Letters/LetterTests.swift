import DialogueAuthoring
import DialogueFixtures
import Testing

@testable import DialogueKit

@Suite("Social security numbers and letters")
struct LetterTests {
    static let dialogue = try! loadShipped()

    @Test("A valid NIR, typed with or without spaces, and its masked form")
    func validNIR() throws {
        let nir = try NIR.parse("1 84 12 76 451 089 46").get()
        #expect(nir.value == "184127645108946")
        #expect(nir.formatted == "1 84 12 76 451 089 46")
        #expect(nir.masked == "••••••••••• 89 46")
        #expect(try NIR.parse("184127645108946").get() == nir)
    }

    @Test("Corsica: 2A counts as 19 and 2B as 18 for the key")
    func corsica() throws {
        #expect(try NIR.parse("2 90 05 2A 123 456 29").get().value == "290052A12345629")
        #expect(try NIR.parse("2 90 05 2B 123 456 56").get().value == "290052B12345656")
        #expect(NIR.parse("2 90 05 2A 123 456 56") == .failure(.key))
    }

    @Test("Read by bytes, a NIR is accepted or refused as the former reading by characters did")
    func nirAsBefore() {
        var generator = SplitMix64(seed: 3)
        let alphabet: [String] = [
            "0", "1", "2", "3", "4", "7", "8", "9", " ", ".", "-", "A", "B", "a", "b", "X", "é", "ß", "٣", "2A", "2B",
        ]
        var outcomes: Set<String> = []
        for round in 0..<20_000 {
            let text: String
            if round % 2 == 0 {
                // Near a valid number: a valid one with one change.
                var valid = ["1 84 12 76 451 089 46", "2 90 05 2A 123 456 29", "290052B12345656"][Int(generator.next() % 3)].map(
                    String.init)
                valid[Int(generator.next() % UInt64(valid.count))] = alphabet[Int(generator.next() % UInt64(alphabet.count))]
                text = valid.joined()
            } else {
                text = (0..<Int(generator.next() % 20)).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] }.joined()
            }
            let now = NIR.parse(text)
            #expect(now == formerParse(text), "\(text)")
            if case .failure(let problem) = now { outcomes.insert("\(problem)") } else { outcomes.insert("valid") }
            if case .success(let nir) = now { #expect(nir.formatted == formerFormatted(nir.value)) }
        }
        #expect(outcomes.count >= 5, "\(outcomes)")
    }

    /// `NIR.parse` as it read characters before it read bytes.
    private func formerParse(_ text: String) -> Result<NIR, NIR.Problem> {
        let compact = text.uppercased().filter { !" .-".contains($0) }
        guard compact.count == 15 else { return .failure(.length(compact.count)) }
        let chars = Array(compact)
        for (i, c) in chars.enumerated() {
            let corsica = i == 5 || i == 6
            guard c.isASCII, c.isNumber || (corsica && (c == "A" || c == "B") && i == 6 && chars[5] == "2") else {
                return .failure(.characters)
            }
        }
        guard "123478".contains(chars[0]) else { return .failure(.sex) }
        guard let key = Int(String(chars[13...14])) else { return .failure(.characters) }
        var digits = String(chars[0..<13])
        let start = digits.index(digits.startIndex, offsetBy: 5)
        let end = digits.index(start, offsetBy: 2)
        if digits[start..<end] == "2A" { digits.replaceSubrange(start..<end, with: "19") }
        if digits[start..<end] == "2B" { digits.replaceSubrange(start..<end, with: "18") }
        var remainder = 0
        for c in digits { remainder = (remainder * 10 + (c.wholeNumberValue ?? 0)) % 97 }
        guard key == 97 - remainder else { return .failure(.key) }
        return .success(NIR(value: compact))
    }

    private func formerFormatted(_ value: String) -> String {
        let c = Array(value)
        return [0..<1, 1..<3, 3..<5, 5..<7, 7..<10, 10..<13, 13..<15].map { String(c[$0]) }.joined(separator: " ")
    }

    @Test(
        "A wrong NIR is refused with the reason",
        arguments: [
            ("1 84 12 76 451 089 47", NIR.Problem.key, "le numéro et sa clé (les 2 derniers chiffres) ne correspondent pas"),
            ("1 84 12 76 451 089", .length(13), "15 chiffres"),
            ("1 84 12 76 45X 089 46", .characters, "seuls des chiffres"),
            ("5 84 12 76 451 089 46", .sex, "premier chiffre"),
        ])
    func wrongNIR(text: String, problem: NIR.Problem, sentence: String) {
        #expect(NIR.parse(text) == .failure(problem))
        #expect(problem.sentence(.fr).contains(sentence))
        #expect(!problem.sentence(.fr).contains("46"), "the right key is never given away")
    }

    func routed(_ json: String) throws -> RoutedCase {
        guard case .object(let pairs) = CaseJSON.parse(json) else { fatalError() }
        return try Triage(dialogue: Self.dialogue).route(pairs, todayOverride: nil, clockToday: date("2026-11-23")).get()
    }

    let details = LetterDetails(
        name: "Marie Dupont", address: "3 rue des Lilas, 67000 Strasbourg",
        nir: try! NIR.parse("184127645108946").get(), caisse: "CPAM du Bas-Rhin", reference: "D-1234")

    @Test("The appeal to the CRA: the decision, its date, the deadline, registered letter")
    func commissionLetter() throws {
        let r = try routed(
            #"{"subject":"decision-admin","notified_on":"2026-10-05","court_case_pending":false,"complaint_made":false,"today":"2026-11-23"}"#
        )
        let writer = LetterWriter(dialogue: Self.dialogue)
        #expect(writer.kind(for: r) == .commission)
        let text = writer.letter(.commission, routed: r, details: details, markdown: false).text
        #expect(text.contains("Commission de recours amiable"))
        #expect(text.contains("Lettre recommandée avec avis de réception"))
        #expect(text.contains("Objet : Recours contre la décision reçue le 5 octobre 2026 (référence D-1234)"))
        #expect(text.contains("qui expire le 7 décembre 2026"))
        #expect(text.contains("N° de sécurité sociale : 1 84 12 76 451 089 46"))
        #expect(text.contains("Le 23 novembre 2026"))
        let md = writer.letter(.commission, routed: r, details: details, markdown: true).text
        #expect(md.contains("**Objet : Recours contre la décision"))
        #expect(md.contains("- copie de la décision contestée"))
    }

    @Test("The CMRA letter asks for the doctor to be informed")
    func medicalLetter() throws {
        let r = try routed(
            #"{"subject":"decision-medical","notified_on":"2026-10-05","court_case_pending":false,"complaint_made":false,"today":"2026-11-23"}"#
        )
        let text = LetterWriter(dialogue: Self.dialogue).letter(.commission, routed: r, details: details, markdown: false).text
        #expect(text.contains("Commission médicale de recours amiable"))
        #expect(text.contains("mon médecin"))
    }

    @Test("The referral to the médiateur states the steps taken and their dates")
    func mediatorLetter() throws {
        let r = try routed(
            #"{"subject":"functioning","court_case_pending":false,"complaint_made":true,"complaint_on":"2026-10-01","complaint_channel":"letter","complaint_answer":"none","today":"2026-11-23"}"#
        )
        let writer = LetterWriter(dialogue: Self.dialogue)
        #expect(writer.kind(for: r) == .mediator)
        let text = writer.letter(.mediator, routed: r, details: details, markdown: false).text
        #expect(text.contains("Objet : Saisine du médiateur"))
        #expect(text.contains("une réclamation le 1er octobre 2026, par courrier ; elle est restée sans réponse à ce jour"))
        #expect(text.contains("Aucun tribunal n'est saisi de ce litige."))
        #expect(text.contains("Je vous prie d'agréer, Madame, Monsieur le médiateur, l'expression de mes salutations distinguées."))
        #expect(text.contains("  - copie de ma réclamation\n"))
        #expect(!text.contains("réponse de la caisse, s'il y en a une"), "copies listed only when they exist")
        #expect(!text.contains("copie de la réponse de la caisse"), "the caisse did not answer: no copy of an answer")
    }

    @Test("The complaint to the caisse, and no letter while waiting")
    func complaintAndNone() throws {
        let writer = LetterWriter(dialogue: Self.dialogue)
        let first = try routed(#"{"subject":"functioning","court_case_pending":false,"complaint_made":false,"today":"2026-11-23"}"#)
        #expect(writer.kind(for: first) == .complaint)
        #expect(writer.letter(.complaint, routed: first, details: details, markdown: false).text.contains("Service des réclamations"))
        let waiting = try routed(
            #"{"subject":"functioning","court_case_pending":false,"complaint_made":true,"complaint_on":"2026-11-20","complaint_answer":"none","today":"2026-11-23"}"#
        )
        #expect(writer.kind(for: waiting) == nil)
        #expect(writer.noLetterReason(for: waiting, .fr).contains("attendez"))
    }

    @Test("The CRA letter cites a written complaint made within the deadline, with its date")
    func commissionLetterCitesTheComplaint() throws {
        let r = try routed(
            #"{"subject":"decision-admin","notified_on":"2026-08-14","notice_states_deadline":true,"court_case_pending":false,"complaint_made":true,"complaint_on":"2026-09-01","complaint_channel":"letter","complaint_answer":"unsatisfactory","today":"2026-11-28"}"#
        )
        let writer = LetterWriter(dialogue: Self.dialogue)
        #expect(writer.kind(for: r) == .commission)
        let text = writer.letter(.commission, routed: r, details: details, markdown: false).text
        #expect(text.contains("auprès de la caisse le 1er septembre 2026, par courrier, dans le délai de recours"))
        #expect(text.contains("21 mars 2024, n° 22-13.906"))
        #expect(text.contains("copie de ma réclamation du 1er septembre 2026"))
        #expect(!text.contains("qui expire le"), "the deadline has passed: the letter does not claim it is met")
        // Without such a complaint, no citation.
        let plain = try routed(
            #"{"subject":"decision-admin","notified_on":"2026-10-05","court_case_pending":false,"complaint_made":false,"today":"2026-11-23"}"#
        )
        #expect(!writer.letter(.commission, routed: plain, details: details, markdown: false).text.contains("22-13.906"))
    }

    /// The words of 2026 that a letter under the rules of 2007 must never use.
    static let anachronisms = ["médiateur", "R. 142-1-A", "2024", "22-13.906", "pôle social", "tribunal judiciaire", "ameli", "CMRA"]

    func routed2007(_ json: String) throws -> (LetterWriter, RoutedCase) {
        let dialogue = try loadShipped("conciliation-2007.yaml")
        guard case .object(let pairs) = CaseJSON.parse(json) else { fatalError() }
        let r = try Triage(dialogue: dialogue).route(pairs, todayOverride: nil, clockToday: date("2026-11-23")).get()
        return (LetterWriter(dialogue: dialogue), r)
    }

    @Test(
        "Letters under the rules of 2007 speak of the conciliateur and the texts of 2007",
        arguments: [
            // The conciliateur after an unanswered complaint, and directly.
            #"{"subject":"functioning","court_case_pending":false,"complaint_made":true,"complaint_on":"2026-10-01","complaint_channel":"letter","complaint_answer":"none","today":"2026-11-23"}"#,
            #"{"subject":"no-gp","court_case_pending":false,"complaint_made":false,"today":"2026-11-23"}"#,
            // A complaint whose letter promises the conciliateur next.
            #"{"subject":"functioning","court_case_pending":false,"complaint_made":false,"today":"2026-11-23"}"#,
            // The CRA after a written complaint in time, and with a notice of unknown wording.
            #"{"subject":"decision-admin","notified_on":"2026-08-14","notice_states_deadline":true,"court_case_pending":false,"complaint_made":true,"complaint_on":"2026-09-01","complaint_channel":"letter","complaint_answer":"unsatisfactory","today":"2026-11-23"}"#,
            #"{"subject":"decision-admin","notified_on":"2026-08-03","court_case_pending":false,"complaint_made":false,"today":"2026-11-23"}"#,
            #"{"subject":"decision-admin","notified_on":"2026-10-15","notice_states_deadline":false,"court_case_pending":false,"complaint_made":false,"today":"2026-11-23"}"#,
            // A TASS already seized without the CRA.
            #"{"subject":"decision-admin","notified_on":"2026-10-15","court_case_pending":true,"today":"2026-11-23"}"#,
        ])
    func letters2007(json: String) throws {
        let (writer, r) = try routed2007(json)
        let kind = try #require(writer.kind(for: r))
        let text = writer.letter(kind, routed: r, details: details, markdown: false).text
        for word in Self.anachronisms { #expect(!text.contains(word), "« \(word) » in a letter of 2007:\n\(text)") }
    }

    @Test("The 2007 letters name their own body, article and court")
    func letters2007Words() throws {
        let (writer, mediator) = try routed2007(
            #"{"subject":"no-gp","court_case_pending":false,"complaint_made":false,"today":"2026-11-23"}"#)
        let referral = writer.letter(.mediator, routed: mediator, details: details, markdown: false).text
        #expect(referral.contains("Madame, Monsieur le conciliateur"))
        #expect(referral.contains("Objet : Saisine du conciliateur"))
        #expect(referral.contains("Je vous prie d'agréer, Madame, Monsieur le conciliateur,"))
        let (_, unstated) = try routed2007(
            #"{"subject":"decision-admin","notified_on":"2026-10-15","notice_states_deadline":false,"court_case_pending":false,"complaint_made":false,"today":"2026-11-23"}"#
        )
        #expect(
            writer.letter(.commission, routed: unstated, details: details, markdown: false).text.contains(
                "(article R. 142-1, alinéa 2, du code de la sécurité sociale, dans sa rédaction de 2007)"))
        let (_, pending) = try routed2007(
            #"{"subject":"decision-admin","notified_on":"2026-10-15","court_case_pending":true,"today":"2026-11-23"}"#)
        #expect(writer.kind(for: pending) == .commission)
        #expect(
            writer.letter(.commission, routed: pending, details: details, markdown: false).text.contains(
                "Le tribunal des affaires de sécurité sociale est déjà saisi de ce litige"))
        let (_, written) = try routed2007(
            #"{"subject":"decision-admin","notified_on":"2026-08-14","notice_states_deadline":true,"court_case_pending":false,"complaint_made":true,"complaint_on":"2026-09-01","complaint_channel":"letter","complaint_answer":"unsatisfactory","today":"2026-11-23"}"#
        )
        #expect(
            writer.letter(.commission, routed: written, details: details, markdown: false).text.contains(
                "vous a saisie à cette date. À titre subsidiaire, je vous saisis par la présente."))
    }

    /// Issue 29, point 10.
    @Test("The person's words in a Markdown letter are text, never markup: HTML, headings, quotes, links")
    func markdownInjection() throws {
        let r = try routed(
            #"{"subject":"decision-admin","notified_on":"2026-10-05","court_case_pending":false,"complaint_made":false,"today":"2026-11-23"}"#
        )
        var hostile = details
        hostile.name = "<script>alert(1)</script> Dupont"
        hostile.caisse = "CPAM **du** Bas-Rhin"
        hostile.facts = "# Titre\n> citation\n- liste\n1. un"
        hostile.grounds = "voir [ici](javascript:alert(1)) et ![img](http://x/y.png)"
        hostile.request = "`code` | table | ~~barré~~ _souligné_"
        let md = LetterWriter(dialogue: Self.dialogue).letter(.commission, routed: r, details: hostile, markdown: true).text
        #expect(!md.contains("<script>"))
        #expect(md.contains("\\<script\\>alert(1)\\</script\\> Dupont"))
        #expect(md.contains("Ce que la caisse a décidé : \\# Titre\n\\> citation\n\\- liste\n1\\. un."))
        #expect(!md.contains("[ici](javascript"), "no link a renderer would follow")
        #expect(md.contains("\\[ici\\](javascript:alert(1))"))
        #expect(md.contains("\\`code\\` \\| table \\| \\~\\~barré\\~\\~ \\_souligné\\_"))
        #expect(md.contains("CPAM \\*\\*du\\*\\* Bas-Rhin"))
        #expect(md.contains("**Objet : Recours contre la décision"), "the letter's own markup is kept")
        // The plain-text letter keeps the words as typed.
        let text = LetterWriter(dialogue: Self.dialogue).letter(.commission, routed: r, details: hostile, markdown: false).text
        #expect(text.contains("<script>alert(1)</script> Dupont"))
    }

    @Test("An unknown notice wording past the deadline: the letter says when the deadline cannot be held against the person")
    func commissionLetterNoticeUnknown() throws {
        let r = try routed(
            #"{"subject":"decision-medical","notified_on":"2025-06-10","notice_states_deadline":null,"court_case_pending":false,"complaint_made":false,"today":"2026-11-28"}"#
        )
        let text = LetterWriter(dialogue: Self.dialogue).letter(.commission, routed: r, details: details, markdown: false).text
        #expect(text.contains("ce délai ne peut m'être opposé (article R. 142-1-A"))
    }

    @Test(
        "The request to the pôle social after the commission's silence: registry or registered letter, grounds, documents with their list")
    func courtRequest() throws {
        let r = try routed(
            #"{"subject":"decision-admin","notified_on":"2026-07-01","appeal_filed":"cra","appeal_received_on":"2026-08-03","appeal_answer":"none","appeal_notice_states_deadline":true,"court_case_pending":false,"complaint_made":false,"today":"2026-11-28"}"#
        )
        let writer = LetterWriter(dialogue: Self.dialogue)
        #expect(writer.kind(for: r) == .court)
        let text = writer.letter(.court, routed: r, details: details, markdown: false).text
        #expect(text.contains("Greffe du pôle social"))
        #expect(text.contains("Lettre recommandée avec avis de réception, ou dépôt au greffe"))
        #expect(text.contains("qui a reçu mon recours le 3 août 2026 ; elle n'a pas statué dans le délai qui lui était imparti"))
        #expect(text.contains("expiré le 5 octobre 2026 : son silence vaut rejet implicite"))
        // What a request must state (CPC 54 and 57), left as named passages to complete.
        #expect(text.contains("[à compléter : nom, prénom, profession, nationalité, date et lieu de naissance, domicile]"))
        #expect(text.contains("dont le siège est [à compléter : adresse du siège de la caisse]"))
        #expect(text.contains("Exposé des motifs"))
        #expect(text.contains("copie de la décision contestée (reçue le 1er juillet 2026)"))
        #expect(text.contains("avec leur liste"))
    }

    @Test(
        "A written complaint in time: the letter asks the commission to count it and seizes it in the alternative, never « vaut recours »")
    func writtenComplaintAsked() throws {
        let r = try routed(
            #"{"subject":"decision-admin","notified_on":"2026-08-14","notice_states_deadline":true,"notification_channel":"registered-signed","court_case_pending":false,"complaint_made":true,"complaint_on":"2026-09-01","complaint_channel":"letter","complaint_answer":"unsatisfactory","today":"2026-11-28"}"#
        )
        let text = LetterWriter(dialogue: Self.dialogue).letter(.commission, routed: r, details: details, markdown: false).text
        #expect(text.contains("Je vous demande de considérer que cette contestation écrite vous a saisie à cette date"))
        #expect(text.contains("À titre subsidiaire, je vous saisis par la présente."))
        #expect(!text.contains("vaut recours"))
    }

    @Test("The court request after a silence whose end is unknown never claims an implicit rejection")
    func courtRequestUndated() throws {
        let r = try routed(
            #"{"subject":"decision-admin","notified_on":"2026-06-01","appeal_filed":"cra","appeal_received_on":null,"appeal_answer":"none","court_case_pending":false,"complaint_made":false,"today":"2026-11-28"}"#
        )
        let text = LetterWriter(dialogue: Self.dialogue).letter(.court, routed: r, details: details, markdown: false).text
        #expect(!text.contains("rejet implicite."))
        #expect(text.contains("[à compléter : la date à laquelle son silence vaut rejet"))
    }

    @Test("The opposition to a contrainte: the date it was served and the fifteen days")
    func opposition() throws {
        let r = try routed(
            #"{"subject":"overpayment","overpayment_stage":"contrainte","notified_on":"2026-11-16","court_case_pending":false,"complaint_made":false,"today":"2026-11-28"}"#
        )
        let writer = LetterWriter(dialogue: Self.dialogue)
        #expect(writer.kind(for: r) == .opposition)
        let text = writer.letter(.opposition, routed: r, details: details, markdown: false).text
        #expect(text.contains("Objet : Opposition à contrainte (référence D-1234)"))
        #expect(text.contains("qui m'a été remise le 16 novembre 2026"))
        #expect(text.contains("délai de quinze jours, qui expire le 1er décembre 2026"))
        #expect(text.contains("copie de la contrainte"))
    }

    @Test(
        "No letter states the three weeks as law",
        arguments: [
            #"{"subject":"functioning","court_case_pending":false,"complaint_made":false,"today":"2026-11-23"}"#,
            #"{"subject":"functioning","court_case_pending":false,"complaint_made":true,"complaint_on":"2026-10-01","complaint_channel":"letter","complaint_answer":"none","today":"2026-11-23"}"#,
            #"{"subject":"care-refusal","refusal_kind":"other","court_case_pending":false,"complaint_made":false,"today":"2026-11-23"}"#,
        ])
    func noThreeWeeks(json: String) throws {
        let r = try routed(json)
        let writer = LetterWriter(dialogue: Self.dialogue)
        let kind = try #require(writer.kind(for: r))
        let text = writer.letter(kind, routed: r, details: details, markdown: false).text
        #expect(!text.contains("trois semaines"))
        #expect(!text.contains("21 jours"))
    }

    @Test("A refusal of care by a professional with an order: the complaint goes to the director")
    func careRefusalToTheDirector() throws {
        let r = try routed(
            #"{"subject":"care-refusal","refusal_kind":"other","court_case_pending":false,"complaint_made":false,"today":"2026-11-23"}"#)
        let text = LetterWriter(dialogue: Self.dialogue).letter(.complaint, routed: r, details: details, markdown: false).text
        #expect(text.contains("Madame, Monsieur le directeur"))
        #expect(!text.contains("Monsieur ou Madame"))
        #expect(text.contains("Signalement d'un refus de soins"))
    }

    @Test("No letter for a settled case or for finding a médecin traitant")
    func noLetter() throws {
        let writer = LetterWriter(dialogue: Self.dialogue)
        let gp = try routed(#"{"subject":"no-gp","court_case_pending":false,"complaint_made":false,"today":"2026-11-23"}"#)
        #expect(writer.kind(for: gp) == nil)
        #expect(writer.noLetterReason(for: gp, .fr).contains("cpts"))
    }

    @Test("A complaint whose date is forgotten: the médiateur letter says a complaint was made and leaves its date to fill")
    func complaintDateUnknown() throws {
        let r = try routed(
            #"{"subject":"functioning","court_case_pending":false,"complaint_made":true,"complaint_on":null,"complaint_channel":"letter","complaint_answer":"none","today":"2026-11-23"}"#
        )
        let text = LetterWriter(dialogue: Self.dialogue).letter(.mediator, routed: r, details: details, markdown: false).text
        #expect(
            text.contains(
                "Démarche déjà faite : une réclamation le [à compléter : sa date], par courrier ; elle est restée sans réponse à ce jour."))
        #expect(!text.contains("sans réclamation préalable"))
        #expect(text.contains("  - copie de ma réclamation"))
    }

    // MARK: Issue 26, point 4: the person's words in good French

    /// What a person typically types in the letter form.
    func typed(caisse: String, facts: String? = nil, grounds: String? = nil, request: String? = nil) -> LetterDetails {
        var typed = details
        typed.caisse = caisse
        typed.facts = facts
        typed.grounds = grounds
        typed.request = request
        return typed
    }

    @Test("What the caisse decided is set apart from the sentence, never glued after « par laquelle »")
    func decisionSetApart() throws {
        let r = try routed(
            #"{"subject":"decision-admin","notified_on":"2026-10-05","court_case_pending":false,"complaint_made":false,"today":"2026-11-23"}"#
        )
        let text = LetterWriter(dialogue: Self.dialogue).letter(
            .commission, routed: r, details: typed(caisse: "CPAM de Moselle", facts: "refus de remboursement de mes lunettes"),
            markdown: false
        ).text
        #expect(!text.contains("par laquelle"))
        #expect(text.contains("Ce que la caisse a décidé : refus de remboursement de mes lunettes."))
    }

    @Test(
        "A caisse's name gets its article where a sentence needs one, and keeps the one typed",
        arguments: [
            ("CPAM de Moselle", "par la CPAM de Moselle", "d'une décision de la CPAM de Moselle", "Défendeur : la CPAM de Moselle,"),
            ("la CPAM du Bas-Rhin", "par la CPAM du Bas-Rhin", "d'une décision de la CPAM du Bas-Rhin", "Défendeur : la CPAM du Bas-Rhin,"),
            (
                "CGSS de la Martinique", "par la CGSS de la Martinique", "de la CGSS de la Martinique",
                "Défendeur : la CGSS de la Martinique,"
            ),
            ("URSSAF d'Alsace", "par l'URSSAF d'Alsace", "d'une décision de l'URSSAF d'Alsace", "Défendeur : l'URSSAF d'Alsace,"),
        ])
    func caisseArticle(caisse: String, byIt: String, ofIt: String, defendant: String) throws {
        let writer = LetterWriter(dialogue: Self.dialogue)
        let contrainte = try routed(
            #"{"subject":"overpayment","overpayment_stage":"contrainte","notified_on":"2026-11-16","court_case_pending":false,"complaint_made":false,"today":"2026-11-28"}"#
        )
        let opposition = writer.letter(.opposition, routed: contrainte, details: typed(caisse: caisse), markdown: false).text
        #expect(opposition.contains("délivrée " + byIt))
        #expect(opposition.contains(defendant))
        let court = try routed(
            #"{"subject":"decision-admin","notified_on":"2026-01-05","court_case_pending":false,"appeal_filed":"cra","appeal_received_on":"2026-01-20","appeal_answer":"unsatisfactory","appeal_decided_on":"2026-10-01","today":"2026-11-23"}"#
        )
        let request = writer.letter(.court, routed: court, details: typed(caisse: caisse), markdown: false).text
        #expect(request.contains(ofIt))
        #expect(!request.contains(" de CPAM") && !request.contains(" de CGSS") && !request.contains("la la "))
    }

    @Test(
        "The person's words end with one full stop: never two, none after « ! », « ? » or « … »",
        arguments: [
            ("le remboursement par ma mutuelle.", "le remboursement par ma mutuelle."),
            ("le remboursement par ma mutuelle...", "le remboursement par ma mutuelle..."),
            ("pourquoi ce refus ?", "pourquoi ce refus ?"),
            ("c'est injuste !  ", "c'est injuste !"),
            ("le remboursement", "le remboursement."),
        ])
    func oneFullStop(typedText: String, shown: String) throws {
        let r = try routed(
            #"{"subject":"functioning","court_case_pending":false,"complaint_made":true,"complaint_on":"2026-10-01","complaint_channel":"letter","complaint_answer":"none","today":"2026-11-23"}"#
        )
        let text = LetterWriter(dialogue: Self.dialogue).letter(
            .mediator, routed: r, details: typed(caisse: "CPAM de Moselle", facts: typedText, grounds: typedText, request: typedText),
            markdown: false
        ).text
        #expect(text.contains("Ce que je demande : " + shown + "\n"))
        #expect(text.contains("Les faits : " + shown + "\n"))
        #expect(!text.contains("..\n") || shown.hasSuffix("..."))
        #expect(!text.contains(" ?.") && !text.contains(" !."))
    }

    @Test("An empty ground is left out, never written « : . »")
    func emptyGround() throws {
        let r = try routed(
            #"{"subject":"decision-admin","notified_on":"2026-10-05","court_case_pending":false,"complaint_made":false,"today":"2026-11-23"}"#
        )
        let text = LetterWriter(dialogue: Self.dialogue).letter(
            .commission, routed: r, details: typed(caisse: "CPAM de Moselle", facts: "  ", grounds: "", request: " "), markdown: false
        ).text
        #expect(!text.contains(": ."))
        #expect(text.contains("Mes motifs : [à compléter"))
    }

    @Test(
        "How a complaint was made, said as a French sentence says it, never « (téléphone (3646)) »",
        arguments: [
            ("phone", ", par téléphone ;"), ("letter", ", par courrier ;"), ("ameli", ", par un message sur mon compte ameli ;"),
            ("counter", ", à l'accueil de la caisse ;"), ("email", ", par e-mail ;"),
        ])
    func complaintChannelWords(channel: String, words: String) throws {
        let r = try routed(
            #"{"subject":"functioning","court_case_pending":false,"complaint_made":true,"complaint_on":"2026-10-01","complaint_channel":"\#(channel)","complaint_answer":"none","today":"2026-11-23"}"#
        )
        let text = LetterWriter(dialogue: Self.dialogue).letter(.mediator, routed: r, details: details, markdown: false).text
        #expect(text.contains("une réclamation le 1er octobre 2026" + words))
        #expect(!text.contains("(3646)"))
    }

    /// Issue 26, point 6.
    @Test("The opposition keeps the facts the person typed")
    func oppositionKeepsFacts() throws {
        let r = try routed(
            #"{"subject":"overpayment","overpayment_stage":"contrainte","notified_on":"2026-11-16","court_case_pending":false,"complaint_made":false,"today":"2026-11-28"}"#
        )
        let text = LetterWriter(dialogue: Self.dialogue).letter(
            .opposition, routed: r,
            details: typed(caisse: "CPAM de Moselle", facts: "la caisse réclame 1 200 euros d'indemnités journalières"),
            markdown: false
        ).text
        #expect(text.contains("Les faits : la caisse réclame 1 200 euros d'indemnités journalières."))
    }

    /// Issue 26, point 7.
    @Test(
        "The caisse's postal address is a named passage to complete under its name",
        arguments: [LetterKind.complaint, .mediator, .commission])
    func caisseAddressPassage(kind: LetterKind) throws {
        let json =
            kind == .commission
            ? #"{"subject":"decision-admin","notified_on":"2026-10-05","court_case_pending":false,"complaint_made":false,"today":"2026-11-23"}"#
            : kind == .mediator
                ? #"{"subject":"functioning","court_case_pending":false,"complaint_made":true,"complaint_on":"2026-10-01","complaint_channel":"letter","complaint_answer":"none","today":"2026-11-23"}"#
                : #"{"subject":"functioning","court_case_pending":false,"complaint_made":false,"today":"2026-11-23"}"#
        let letter = LetterWriter(dialogue: Self.dialogue).letter(kind, routed: try routed(json), details: details, markdown: false)
        #expect(letter.toFill.contains("adresse postale de la caisse"))
        #expect(letter.text.contains("[à compléter : adresse postale de la caisse]"))
    }

    /// Issue 26, point 6: the letter relied on a complaint the result did not mention.
    @Test(
        "The result and the letter cite the same written complaint, whether the notice stated the deadline or is not known",
        arguments: ["true", "null"])
    func resultAndLetterAgree(noticeStated: String) throws {
        let r = try routed(
            #"{"subject":"decision-admin","notified_on":"2026-08-14","notice_states_deadline":\#(noticeStated),"notification_channel":"registered-signed","court_case_pending":false,"complaint_made":true,"complaint_on":"2026-09-01","complaint_channel":"letter","complaint_answer":"unsatisfactory","decision_changed_in_writing":false,"today":"2026-11-28"}"#
        )
        let outcome = Self.dialogue.outcomes[r.result.outcome]
        let notes = TextRenderer(dialogue: Self.dialogue, language: .fr).applicable(outcome.notes, result: r.result, today: r.today)
        let letter = LetterWriter(dialogue: Self.dialogue).letter(.commission, routed: r, details: details, markdown: false).text
        #expect(notes.contains { $0.contains("vous avez contesté la décision par écrit le mardi 1er septembre 2026") }, "\(notes)")
        #expect(letter.contains("Je vous demande de considérer que cette contestation écrite vous a saisie à cette date"))
        // Without the complaint, neither mentions one.
        let plain = try routed(
            #"{"subject":"decision-admin","notified_on":"2026-08-14","notice_states_deadline":\#(noticeStated),"notification_channel":"registered-signed","court_case_pending":false,"complaint_made":false,"today":"2026-11-28"}"#
        )
        let plainNotes = TextRenderer(dialogue: Self.dialogue, language: .fr).applicable(
            Self.dialogue.outcomes[plain.result.outcome].notes, result: plain.result, today: plain.today)
        #expect(!plainNotes.contains { $0.contains("par écrit le") })
        if let kind = LetterWriter(dialogue: Self.dialogue).kind(for: plain) {
            #expect(
                !LetterWriter(dialogue: Self.dialogue).letter(kind, routed: plain, details: details, markdown: false).text.contains(
                    "vous a saisie"))
        }
    }

    /// The citation starts the day after the latest possible day of the deadline
    /// (14 October 2026, a Wednesday, for a notification of 14 August): before it, the
    /// appeal may still be in time, and neither the result nor the letter leans on the complaint.
    @Test(
        "The written complaint is cited from the day after the latest day, by the result and the letter alike",
        arguments: [("2026-10-13", false), ("2026-10-14", false), ("2026-10-15", true)])
    func citationBoundary(today: String, cited: Bool) throws {
        let r = try routed(
            #"{"subject":"decision-admin","notified_on":"2026-08-14","notice_states_deadline":null,"court_case_pending":false,"complaint_made":true,"complaint_on":"2026-09-01","complaint_channel":"letter","complaint_answer":"unsatisfactory","decision_changed_in_writing":false,"today":"\#(today)"}"#
        )
        let notes = TextRenderer(dialogue: Self.dialogue, language: .fr).applicable(
            Self.dialogue.outcomes[r.result.outcome].notes, result: r.result, today: r.today)
        let kind = try #require(LetterWriter(dialogue: Self.dialogue).kind(for: r))
        let letter = LetterWriter(dialogue: Self.dialogue).letter(kind, routed: r, details: details, markdown: false).text
        #expect(notes.contains { $0.contains("par écrit le mardi 1er septembre 2026") } == cited, "\(notes)")
        #expect(letter.contains("vous a saisie à cette date") == cited)
    }

    @Test(
        "A caisse typed with its own article, a possessive, a trailing full stop or spaces reads right in a sentence",
        arguments: [
            ("La CPAM de Lyon", "la CPAM de Lyon"), ("ma caisse", "ma caisse"), ("  CPAM de Lyon. ", "la CPAM de Lyon"),
            ("Centre de sécurité sociale de Nouméa", "le Centre de sécurité sociale de Nouméa"), ("MSA Alsace", "la MSA Alsace"),
        ])
    func caisseAsTyped(typed: String, named: String) {
        #expect(LetterWriter.caisseNamed(typed) == named)
        #expect(LetterWriter.ofCaisse(typed) == (named.hasPrefix("le ") ? "du " + named.dropFirst(3) : "de " + named))
    }

    @Test("Words left open at « : », « ; » or « , » end with one full stop")
    func openEnds() {
        #expect(LetterWriter.sentenceEnd("que ma demande soit revue :") == "que ma demande soit revue.")
        #expect(LetterWriter.sentenceEnd("le remboursement ; ") == "le remboursement.")
    }

    @Test("A written complaint whose channel is not remembered is never said to be written: the way is left to complete")
    func complaintChannelForgotten() throws {
        let r = try routed(
            #"{"subject":"decision-admin","notified_on":"2026-08-14","notice_states_deadline":true,"court_case_pending":false,"complaint_made":true,"complaint_on":"2026-09-01","complaint_channel":null,"complaint_answer":"unsatisfactory","decision_changed_in_writing":false,"today":"2026-11-28"}"#
        )
        let text = LetterWriter(dialogue: Self.dialogue).letter(.commission, routed: r, details: details, markdown: false).text
        #expect(
            text.contains(
                "le 1er septembre 2026 [à compléter : par courrier, par un message sur le compte ameli ou par e-mail], dans le délai"))
        #expect(!text.contains("par écrit auprès"))
    }

    /// Issue 27, point 2: the writer says which passages it left to complete; the
    /// text was scanned for « [à compléter », which took the person's own words
    /// for passages when they wrote that bracket themselves.
    @Test("The passages to complete are the writer's, in the order of the letter, never the person's words", arguments: [false, true])
    func passagesToComplete(markdown: Bool) throws {
        let r = try routed(
            #"{"subject":"decision-admin","notified_on":"2026-10-05","court_case_pending":false,"complaint_made":false,"today":"2026-11-23"}"#
        )
        var typed = details
        typed.facts = "la caisse a écrit [à compléter : rien] sur son courrier"
        typed.caisse = "CPAM \u{E000}de Moselle\u{E001}"
        let letter = LetterWriter(dialogue: Self.dialogue).letter(.commission, routed: r, details: typed, markdown: markdown)
        #expect(!letter.toFill.contains("rien"), "\(letter.toFill)")
        #expect(!letter.toFill.contains("de Moselle"), "\(letter.toFill)")
        #expect(letter.toFill.first == "adresse postale de la caisse", "\(letter.toFill)")
        #expect(letter.toFill.contains { $0.hasPrefix("annuler ou modifier cette décision") }, "\(letter.toFill)")
        #expect(!letter.text.contains("\u{E000}") && !letter.text.contains("\u{E001}"))
        // Each named passage is in the text, in that order.
        var rest = Substring(letter.text)
        for passage in letter.toFill {
            let range = try #require(rest.range(of: "[à compléter : " + passage + "]"), "\(passage)")
            rest = rest[range.upperBound...]
        }
    }
}
