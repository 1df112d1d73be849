import DialogueKit
import Foundation
import Testing

@testable import ConciliationCLI

@Suite("Letters from the interview")
struct InterviewLetterTests {
    @Test func aLetterAfterTheResultWithTheNIRCheckedAndMasked() throws {
        let dir = temporaryDirectory()
        let path = dir + "/lettre.txt"
        let (text, _, _) = try runInterview([
            "4", "non", "oui", "01/10/2026", "2", "1", ":lettre \(path)",
            "Marie Dupont", "3 rue des Lilas, 67000 Strasbourg",
            "1 84 12 76 451 089 47", "1 84 12 76 451 089 46", "CPAM du Bas-Rhin",
            "mon dossier est bloqué depuis le 1er octobre", "", "que mon dossier soit traité",
        ])
        #expect(text.contains("Numéro refusé : le numéro et sa clé (les 2 derniers chiffres) ne correspondent pas"))
        #expect(!text.contains("devrait être"))
        #expect(text.contains("→ numéro enregistré pour la lettre : ••••••••••• 89 46"))
        #expect(!text.contains("451 089 46"))
        #expect(text.contains("Lettre écrite dans \(path) (lisible par vous seul) : relisez-la, signez-la, puis envoyez-la."))
        let letter = try String(contentsOfFile: path, encoding: .utf8)
        #expect(letter.contains("Objet : Saisine du médiateur"))
        #expect(letter.contains("Les faits : mon dossier est bloqué depuis le 1er octobre."))
        #expect(letter.contains("Ce que je demande : que mon dossier soit traité."))
        #expect(!letter.contains("[à compléter"))
        #expect(letter.contains("1 84 12 76 451 089 46"))
        #expect((try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int) == 0o600)
    }

    @Test(
        "A letter detail holding a C1 control, DEL or a bidirectional override is refused, as below 0x20",
        arguments: ["\u{9B}2J", "\u{7F}", "Marie \u{202E}tnoD", "\u{2067}x"])
    func detailsWithControls(control: String) {
        var form = LetterForm(needsReference: false, asksWording: false)
        #expect(form.accept(control) == .refused(.controlCharactersInDetail))
        #expect(form.accept("Marie Dupont") == .accepted(notes: []), "the question stays, and a plain answer is taken")
    }

    @Test("A letter with passages left to fill is not called ready to send; the passages are named")
    func passagesLeftToFill() throws {
        let path = temporaryDirectory() + "/lettre.txt"
        let (text, _, _) = try runInterview([
            "4", "non", "non", ":lettre \(path)", "Marie Dupont", "3 rue des Lilas", "1 84 12 76 451 089 46", "CPAM du Bas-Rhin", "", "",
            "",
        ])
        #expect(text.contains("Elle n'est pas prête à envoyer : complétez d'abord 2 passages marqués [à compléter]"))
        #expect(!text.contains("relisez-la, signez-la, puis envoyez-la"))
    }
}
