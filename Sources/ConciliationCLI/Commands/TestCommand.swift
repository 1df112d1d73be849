import ArgumentParser
import DialogueAuthoring
import DialogueKit
import WallClock

#if canImport(Glibc)
    import Glibc
#endif

/// `conciliation test`: runs case files and says, for each failure, what was
/// expected and what came.
struct TestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: HelpLanguage.text(
            "Passer des fichiers de cas (résultats attendus) dans leur dialogue.",
            "Run case files (expected results) against their dialogue."),
        discussion: HelpLanguage.text(
            "Sans argument, passe chaque cas livré (dialogues/cases/). Finit par la ligne « N passed, N failed » ; code de sortie 1 si l'un échoue.",
            "Without arguments, runs every case under the shipped dialogues/cases/. Ends with the line 'N passed, N failed'; exit status 1 when any failed."
        )
    )

    @Argument(help: HelpLanguage.help("Des fichiers de cas, ou des dossiers de cas.", "Case files, or folders of them."))
    var files: [String] = []

    @Option(
        name: .long,
        help: HelpLanguage.help(
            "Passer chaque cas dans ce dialogue plutôt que celui qu'il nomme.",
            "Run every case against this dialogue instead of the one it names.",
            valueName: "FICHIER"))
    var dialogue: String?

    func run() throws {
        let dialogues = try CaseFiles.Dialogues(explicit: dialogue)
        var passed = 0, failed = 0
        let cases: [CaseFile]
        if files.isEmpty {
            cases = try CaseFiles.shipped()
        } else {
            let paths = try CaseFiles.paths(files)
            guard !paths.isEmpty else {
                throw ValidationError(
                    "no case file (.yaml) in \(files.map { VisibleText.escapingControls($0) }.joined(separator: ", ")): give case files or folders that hold them"
                )
            }
            cases = try paths.map(CaseFiles.load)
        }
        for file in cases {
            let d = try dialogues.dialogue(for: file.dialogueID)
            if let problem = file.check(with: d, clockToday: ParisClock.today()) {
                failed += 1
                print("FAIL \(file.file)\n     \(file.name)\n     \(problem)")
            } else {
                passed += 1
            }
        }
        print("\(passed) passed, \(failed) failed")
        if failed > 0 { throw ExitCode(1) }
    }
}
