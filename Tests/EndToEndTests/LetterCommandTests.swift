import Foundation
import Testing

@Suite("conciliation letter, through the built binary")
struct LetterCommandTests {
    let details = ["--name", "Marie Dupont", "--address", "3 rue des Lilas, 67000 Strasbourg", "--caisse", "CPAM du Bas-Rhin"]

    @Test("From a case file: the appeal letter, and a NIR with a wrong key refused with the reason")
    func fromACaseFile() throws {
        let caseFile = BinaryRunner.root + "/dialogues/cases/r3-cra-within-deadline.yaml"
        let run = try BinaryRunner.run(["letter", caseFile, "--nir", "184127645108946", "--reference", "D-1"] + details)
        #expect(run.status == 0)
        #expect(run.stdout.contains("Objet : Recours contre la décision reçue le 5 octobre 2026 (référence D-1)"))
        let wrong = try BinaryRunner.run(["letter", caseFile, "--nir", "184127645108947"] + details)
        #expect(wrong.status == 64)
        #expect(wrong.stderr.contains("--nir refusé : le numéro et sa clé (les 2 derniers chiffres) ne correspondent pas"))
        #expect(!wrong.stderr.contains("46"))
    }

    @Test("An empty --reference, or one of spaces, without a terminal: the letter is written without a reference")
    func emptyReference() throws {
        let caseFile = BinaryRunner.root + "/dialogues/cases/r3-cra-within-deadline.yaml"
        for reference in ["", "   "] {
            let run = try BinaryRunner.run(["letter", caseFile, "--nir", "184127645108946", "--reference", reference] + details)
            #expect(run.status == 0, "\(run.stderr)")
            #expect(run.stdout.contains("Objet : Recours contre la décision reçue le 5 octobre 2026\n"), "\(run.stdout)")
            #expect(!run.stdout.contains("référence"), "\(run.stdout)")
        }
    }

    @Test("Without a terminal nothing is asked: the missing details are named; with them, Markdown to a file")
    func notAskedWithoutATerminal() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("lettre-\(getpid()).md").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let caseFile = BinaryRunner.root + "/dialogues/cases/r5-no-complaint.yaml"
        let refused = try BinaryRunner.run(
            ["letter", caseFile, "--format", "markdown", "--output", path],
            stdin: "Marie Dupont\n3 rue des Lilas\n184127645108946\nCPAM du Bas-Rhin\n")
        #expect(refused.status == 64)
        #expect(refused.stderr.contains("sans terminal, rien n'est demandé : donnez --name, --address, --nir, --caisse"))
        #expect(!FileManager.default.fileExists(atPath: path))
        let run = try BinaryRunner.run(
            [
                "letter", caseFile, "--format", "markdown", "--output", path, "--facts", "ma carte Vitale n'est jamais arrivée",
                "--request", "une nouvelle carte", "--nir", "184127645108946",
            ] + details)
        #expect(run.status == 0)
        let letter = try String(contentsOfFile: path, encoding: .utf8)
        #expect(letter.contains("**Objet : Réclamation**"))
        #expect(letter.contains("Les faits : ma carte Vitale n'est jamais arrivée."))
        #expect(letter.contains("Son objet : le fonctionnement de la caisse."))
        #expect(!letter.contains("(délais, accueil"))
        #expect(run.stdout.contains(path), "the full path is said")
        let noLetter = try BinaryRunner.run(["letter", BinaryRunner.root + "/dialogues/cases/r10-exactly-21-days.yaml"] + details)
        #expect(noLetter.stdout.contains("Aucune lettre pour l'instant"))
    }

    /// Issue 26, point 7.
    @Test("A letter printed on the screen is followed, on the error stream, by the passages still to complete")
    func passagesNamedOnTheScreen() throws {
        let caseFile = BinaryRunner.root + "/dialogues/cases/r5-no-complaint.yaml"
        let run = try BinaryRunner.run(["letter", caseFile, "--nir", "184127645108946", "--facts", "ma carte n'est pas arrivée"] + details)
        #expect(run.status == 0)
        #expect(run.stdout.hasPrefix("Marie Dupont"), "the letter alone on standard output")
        #expect(!run.stdout.contains("pas prête"))
        #expect(run.stderr.contains("Cette lettre n'est pas prête à envoyer : complétez d'abord 2 passages marqués [à compléter]"))
        #expect(run.stderr.contains("« adresse postale de la caisse »"))
    }

    /// Issue 26, point 16.
    @Test("--help and usage errors speak French by default, English with --lang en, one language at a time")
    func helpInOneLanguage() throws {
        let root = try BinaryRunner.run(["--help"])
        #expect(root.status == 0)
        #expect(root.stdout.contains("EN BREF : Litige avec l'Assurance Maladie : quelle démarche ?"))
        #expect(root.stdout.contains("UTILISATION : ") && root.stdout.contains("SOUS-COMMANDES :"))
        #expect(!root.stdout.contains("USAGE:") && !root.stdout.contains("Dispute with"))
        let french = try BinaryRunner.run(["letter", "--help"])
        #expect(french.stdout.contains("Vos nom et prénom.") && french.stdout.contains("Afficher cette aide."))
        #expect(!french.stdout.contains("Your name.") && !french.stdout.contains("Show help information."))
        // The values an option takes and its default, in French too.
        for command in ["letter", "triage"] {
            let help = try BinaryRunner.run([command, "--help"]).stdout
            #expect(help.contains("(valeurs : text, markdown, json ; par défaut :"), "\(help)")
            #expect(!help.contains("values:") && !help.contains("default:"))
        }
        let english = try BinaryRunner.run(["letter", "--help", "--lang", "en"])
        #expect(english.stdout.contains("USAGE:") && english.stdout.contains("Your name."))
        #expect(!english.stdout.contains("Vos nom et prénom."))
        let missing = try BinaryRunner.run(["letter"])
        #expect(missing.status == 64)
        #expect(missing.stderr.contains("Erreur : Argument attendu manquant"), "\(missing.stderr)")
        #expect(missing.stderr.contains("Tapez « conciliation letter --help » pour en savoir plus."))
        #expect(!missing.stderr.contains("Missing expected argument"))
    }

    @Test("The letter from an interview's JSON export: its own answers replayed, even those triage's keys leave out")
    func letterFromAnExport() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("export-letter-\(getpid())").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let export = dir + "/dossier.json"
        // Documents sent to the commission after the appeal: `appeal_documents`, which triage reads from a date.
        let answers = [
            "decision-admin", "01/09/2026", "oui", "33", "cra", "15/09/2026", "1", "oui", "01/10/2026", "03/10/2026", "non", "non",
        ]
        let interview = try BinaryRunner.run(
            ["--today", "2026-12-10", "--no-save"], stdin: (answers + [":exporter \(export)"]).joined(separator: "\n") + "\n",
            environment: ["HOME": dir])
        #expect(interview.stdout.contains("Exporté dans"), "\(interview.stdout.suffix(400))")
        let letter = try BinaryRunner.run([
            "letter", export, "--name", "Marie Dupont", "--address", "1 rue X", "--nir", "184127645108946", "--caisse",
            "CPAM de la Gironde",
            "--reference", "R1",
        ])
        #expect(letter.status == 0, "\(letter.stderr)")
        #expect(letter.stdout.contains("qui a reçu mon recours le 15 septembre 2026"))
        #expect(letter.stdout.contains("expiré le 3 décembre 2026"), "the silence counted from the documents' receipt")
        #expect(letter.stdout.contains("Le 10 décembre 2026"), "the day of the export, not the clock's")
    }
}
