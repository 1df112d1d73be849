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
        #expect(text.contains(CLIMessage.nirRefused(.key).text(.fr)))
        #expect(!text.contains("devrait être"))
        #expect(text.contains(CLIMessage.nirRecorded("••••••••••• 89 46").text(.fr)))
        #expect(!text.contains("451 089 46"))
        #expect(
            text.contains(
                "Lettre écrite dans \(path) (lisible par vous seul). Elle n'est pas prête à envoyer : complétez d'abord 1 passage marqué [à compléter] : « adresse postale de la caisse »."
            ))
        let letter = try String(contentsOfFile: path, encoding: .utf8)
        #expect(letter.contains("Objet : Saisine du médiateur"))
        #expect(letter.contains("Les faits : mon dossier est bloqué depuis le 1er octobre."))
        #expect(letter.contains("Ce que je demande : que mon dossier soit traité."))
        #expect(letter.components(separatedBy: "[à compléter : ").count == 2, "only what the tool cannot know")
        #expect(letter.contains("[à compléter : adresse postale de la caisse]"))
        #expect(letter.contains("1 84 12 76 451 089 46"))
        #expect((try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int) == 0o600)
    }

    @Test("A letter with passages left to fill is not called ready to send; the passages are named")
    func passagesLeftToFill() throws {
        let path = temporaryDirectory() + "/lettre.txt"
        let (text, _, _) = try runInterview([
            "4", "non", "non", ":lettre \(path)", "Marie Dupont", "3 rue des Lilas", "1 84 12 76 451 089 46", "CPAM du Bas-Rhin", "", "",
            "",
        ])
        #expect(text.contains("Elle n'est pas prête à envoyer : complétez d'abord 3 passages marqués [à compléter]"))
        #expect(!text.contains("relisez-la, signez-la, puis envoyez-la"))
    }

    /// Issue 26, point 7.
    @Test("A letter written under a relative name is said with its full path")
    func fullPath() throws {
        let dir = temporaryDirectory()
        let previous = FileManager.default.currentDirectoryPath
        FileManager.default.changeCurrentDirectoryPath(dir)
        defer { FileManager.default.changeCurrentDirectoryPath(previous) }
        let (text, _, _) = try runInterview([
            "4", "non", "non", ":lettre ./ma-lettre.txt", "Marie Dupont", "3 rue des Lilas", "1 84 12 76 451 089 46", "CPAM du Bas-Rhin",
            "", "", "",
        ])
        let full = FileManager.default.currentDirectoryPath + "/ma-lettre.txt"
        #expect(text.contains("Lettre écrite dans \(full) (lisible par vous seul)"))
        #expect(FileManager.default.fileExists(atPath: full))
    }

    /// Issue 26, points 5 and 7.
    @Test("A second :lettre to the same file asks « Remplacer ? » and keeps every detail; under --no-save the welcome promises nothing")
    func secondLetterAtTheTerminal() throws {
        let path = temporaryDirectory() + "/lettre.txt"
        let (text, _, _) = try runInterview([
            "4", "non", "oui", "01/10/2026", "2", "1", ":lettre \(path)", "Marie Dupont", "3 rue des Lilas", "1 84 12 76 451 089 46",
            "CPAM du Bas-Rhin", "mon dossier est bloqué", "", "",
            ":lettre \(path)", "oui", "oui",
        ])
        #expect(text.contains("Reprendre les coordonnées et les mots déjà donnés (Marie Dupont, n° ••••••••••• 89 46) ?"))
        #expect(text.contains(CLIMessage.replaceQuestion([path], readOnly: false).text(.fr)))
        #expect(text.components(separatedBy: "Vos nom et prénom").count == 2, "the details are asked once")
        #expect(text.components(separatedBy: "Lettre écrite dans \(path)").count == 3)
        #expect(try String(contentsOfFile: path, encoding: .utf8).contains("Les faits : mon dossier est bloqué."))
        #expect(!text.contains(CLIMessage.welcome(saving: true).text(.fr)), "nothing is saved without a store")
        #expect(text.contains(CLIMessage.welcome(saving: false).text(.fr)))
        let (saved, _, _) = try runInterview(["4"], store: temporaryDirectory())
        #expect(saved.contains(CLIMessage.welcome(saving: true).text(.fr)))
    }
}
