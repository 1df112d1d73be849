import ArgumentParser
import DialogueAuthoring
import DialogueKit
import Files
import ShippedRules

/// `conciliation check`: proves, before shipping, that a dialogue is complete.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: HelpLanguage.text(
            "Vérifier des dialogues sur toutes les combinaisons de réponses.", "Verify dialogues over every combination of answers."),
        discussion: HelpLanguage.text(
            """
            Montre que chaque question et chaque résultat peuvent être atteints, qu'une seule \
            transition s'applique à chaque étape, que chaque valeur est connue avant d'être lue \
            et que chaque texte existe dans chaque langue pour les deux publics. Les problèmes \
            sont écrits fichier:ligne:colonne : … ; code de sortie 1 s'il y en a.
            """,
            """
            Proves that every question and outcome is reachable, that exactly one \
            transition applies at each step, that every value is set before it is read, \
            and that every text exists in each language for both audiences. Problems are \
            printed as file:line:column: …; exit status 1 when there is any.
            """))

    @Argument(
        help: HelpLanguage.help(
            "Fichiers de dialogue ; par défaut, chaque dialogue livré.", "Dialogue files; default: every shipped dialogue."))
    var dialogues: [String] = []

    func run() throws {
        // The shipped dialogues by default: the built-in ones, or those of the override folder.
        let override = ProcessEnvironment.dialoguesOverride()
        let files: [(name: String, builtIn: ShippedRules.Dialogue?)] =
            !dialogues.isEmpty
            ? dialogues.map { ($0, nil) }
            : ShippedRules.dialogues.map { shipped in override.map { ($0 + "/" + shipped.name, nil) } ?? (shipped.path, shipped) }
        // The report goes through the checked writer: a full disk or a closed pipe
        // ends in a sentence and status 1, as for every other command.
        let output = StandardOutput()
        var failed = false
        for (file, builtIn) in files {
            let dialogue: Dialogue
            do throws(DialogueSource.Failure) {
                // Read as every command reads a dialogue (`DialogueSource`: a regular
                // file, UTF-8, within its bound); a problem is said and the next file checked.
                if let builtIn {
                    do { dialogue = try builtIn.load() } catch { throw .invalid(error) }
                } else {
                    dialogue = try DialogueSource.load(file: file)
                }
            } catch {
                switch error {
                case .invalid(let problems): output.write(problems.description + "\n")
                case .unreadable(let reason):
                    FileIO.write(
                        "conciliation check: " + CLIMessage.dialogueUnreadable(reason).text(HelpLanguage.current) + "\n",
                        to: 2)
                case .notShipped: break
                }
                failed = true
                continue
            }
            let report = Checker.check(dialogue)
            for error in report.errors { output.write(error.description + "\n") }
            let paths = report.paths < 1e15 ? String(Int(report.paths)) : String(report.paths)
            output.write(
                "\(file): \(report.errors.isEmpty ? "ok" : "\(report.errors.count) problem(s)") — \(paths) paths, \(report.classes) answer classes over \(report.todays) todays, \(dialogue.questions.count) questions, \(dialogue.outcomes.count) outcomes\n"
            )
            failed = failed || !report.errors.isEmpty
        }
        try CheckedExit.check(output, HelpLanguage.current)
        if failed { throw ExitCode(1) }
    }
}
