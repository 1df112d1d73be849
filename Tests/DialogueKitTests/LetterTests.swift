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
        #expect(NIR.parse("2 90 05 2A 123 456 56") == .failure(.key(expected: 29)))
    }

    @Test("A wrong NIR is refused with the reason", arguments: [
        ("1 84 12 76 451 089 47", NIR.Problem.key(expected: 46), "la clé ne correspond pas au numéro (elle devrait être 46)"),
        ("1 84 12 76 451 089", .length(13), "15 chiffres"),
        ("1 84 12 76 45X 089 46", .characters, "seuls des chiffres"),
        ("5 84 12 76 451 089 46", .sex, "premier chiffre"),
    ])
    func wrongNIR(text: String, problem: NIR.Problem, sentence: String) {
        #expect(NIR.parse(text) == .failure(problem))
        #expect(problem.sentence(.fr).contains(sentence))
    }

    func routed(_ json: String) throws -> RoutedCase {
        guard case .object(let pairs) = CaseJSON.parse(json) else { fatalError() }
        return try Triage(dialogue: Self.dialogue).route(pairs, todayOverride: nil, clockToday: date("2026-11-23")).get()
    }

    let details = LetterDetails(name: "Marie Dupont", address: "3 rue des Lilas, 67000 Strasbourg",
                                nir: try! NIR.parse("184127645108946").get(), caisse: "CPAM du Bas-Rhin", reference: "D-1234")

    @Test("The appeal to the CRA: the decision, its date, the deadline, registered letter")
    func commissionLetter() throws {
        let r = try routed(#"{"subject":"decision-admin","notified_on":"2026-10-05","court_case_pending":false,"complaint_made":false,"today":"2026-11-23"}"#)
        let writer = LetterWriter(dialogue: Self.dialogue)
        #expect(writer.kind(for: r) == .commission)
        let text = writer.letter(.commission, routed: r, details: details, markdown: false)
        #expect(text.contains("Commission de recours amiable"))
        #expect(text.contains("Lettre recommandée avec avis de réception"))
        #expect(text.contains("Objet : Recours contre la décision reçue le 5 octobre 2026 (référence D-1234)"))
        #expect(text.contains("qui expire le 7 décembre 2026"))
        #expect(text.contains("N° de sécurité sociale : 1 84 12 76 451 089 46"))
        #expect(text.contains("Le 23 novembre 2026"))
        let md = writer.letter(.commission, routed: r, details: details, markdown: true)
        #expect(md.contains("**Objet : Recours contre la décision"))
        #expect(md.contains("- copie de la décision contestée"))
    }

    @Test("The CMRA letter asks for the doctor to be informed")
    func medicalLetter() throws {
        let r = try routed(#"{"subject":"decision-medical","notified_on":"2026-10-05","court_case_pending":false,"complaint_made":false,"today":"2026-11-23"}"#)
        let text = LetterWriter(dialogue: Self.dialogue).letter(.commission, routed: r, details: details, markdown: false)
        #expect(text.contains("Commission médicale de recours amiable"))
        #expect(text.contains("mon médecin"))
    }

    @Test("The referral to the médiateur states the steps taken and their dates")
    func mediatorLetter() throws {
        let r = try routed(#"{"subject":"functioning","court_case_pending":false,"complaint_made":true,"complaint_on":"2026-10-01","complaint_channel":"letter","complaint_answer":"none","today":"2026-11-23"}"#)
        let writer = LetterWriter(dialogue: Self.dialogue)
        #expect(writer.kind(for: r) == .mediator)
        let text = writer.letter(.mediator, routed: r, details: details, markdown: false)
        #expect(text.contains("Objet : Saisine du médiateur"))
        #expect(text.contains("une réclamation le 1er octobre 2026 (courrier) ; elle est restée sans réponse à ce jour"))
        #expect(text.contains("Aucun tribunal n'est saisi de ce litige."))
    }

    @Test("The complaint to the caisse, and no letter while waiting")
    func complaintAndNone() throws {
        let writer = LetterWriter(dialogue: Self.dialogue)
        let first = try routed(#"{"subject":"functioning","court_case_pending":false,"complaint_made":false,"today":"2026-11-23"}"#)
        #expect(writer.kind(for: first) == .complaint)
        #expect(writer.letter(.complaint, routed: first, details: details, markdown: false).contains("Service des réclamations"))
        let waiting = try routed(#"{"subject":"functioning","court_case_pending":false,"complaint_made":true,"complaint_on":"2026-11-20","complaint_answer":"none","today":"2026-11-23"}"#)
        #expect(writer.kind(for: waiting) == nil)
        #expect(writer.noLetterReason(for: waiting).contains("attendez"))
    }
}
