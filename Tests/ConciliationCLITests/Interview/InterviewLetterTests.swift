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
        ])
        #expect(text.contains("Numéro refusé : le numéro et sa clé (les 2 derniers chiffres) ne correspondent pas"))
        #expect(!text.contains("devrait être"))
        #expect(text.contains("→ numéro enregistré pour la lettre : ••••••••••• 89 46"))
        #expect(!text.contains("451 089 46"))
        #expect(text.contains("Lettre écrite dans \(path) (lisible par vous seul) : relisez-la, signez-la, puis envoyez-la."))
        let letter = try String(contentsOfFile: path, encoding: .utf8)
        #expect(letter.contains("Objet : Saisine du médiateur"))
        #expect(letter.contains("1 84 12 76 451 089 46"))
        #expect((try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int) == 0o600)
    }
}
