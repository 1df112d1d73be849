import ArgumentParser
import DialogueKit
import Files
import SystemPackage
import WallClock

/// `conciliation triage`: the stable, scriptable interface (its keys are in the README). One case
/// as a JSON object, or many as JSON Lines; one result per case, in order.
struct TriageCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "triage",
        abstract: HelpLanguage.text(
            "Orienter des cas donnés en JSON (un objet) ou en JSON Lines (un objet par ligne).",
            "Route cases given as JSON (one object) or JSON Lines (one object per line)."),
        discussion: HelpLanguage.text(
            """
            Code de sortie : 0 quand chaque cas a été orienté, 2 quand un cas n'est pas valide (chacun est \
            nommé sur la sortie d'erreur par sa ligne et son champ, et, en JSON Lines, donne \
            {"line": N, "error": {...}} à sa place).
            Exemple : echo '{"subject":"functioning","court_case_pending":false,"complaint_made":false}' | conciliation triage -
            """,
            """
            Exit status: 0 when every case was routed, 2 when any case is invalid (each \
            invalid case is named on stderr by its line and field, and in JSON Lines \
            output gives {"line": N, "error": {...}} in its place).
            Example: echo '{"subject":"functioning","court_case_pending":false,"complaint_made":false}' | conciliation triage -
            """))

    @Argument(
        help: HelpLanguage.help(
            "Les cas : un fichier, ou - pour l'entrée standard.", "The cases: a file, or - for standard input.", valueName: "FICHIER|-"))
    var input: String = "-"

    @OptionGroup var options: DialogueOptions

    @Option(
        name: .long,
        help: HelpLanguage.help(
            "Sortie : json (JSON Lines, un objet par cas), text ou markdown.",
            "Output: json (JSON Lines, one object per case), text or markdown."))
    var format: ExportFormat = .text

    func run() throws {
        let dialogue = try options.loadDialogue()
        let fd: Int32
        if input == "-" {
            fd = 0
        } else {
            do {
                fd = try FileDescriptor.open(FilePath(input), .readOnly, options: [.closeOnExec]).rawValue
            } catch {
                let reason = (error as? Errno).map { FileProblem.system($0).text(HelpLanguage.current) } ?? "\(error)"
                throw ValidationError(CLIMessage.triageInputUnreadable(path: input, reason: reason).text(HelpLanguage.current))
            }
        }
        defer { if fd != 0 { close(fd) } }
        var runner = TriageRunner(
            triage: Triage(dialogue: dialogue, language: options.lang),
            formatter: ResultFormatter(dialogue: dialogue, language: options.lang),
            format: format, todayOverride: options.today, clockToday: ParisClock.today())
        let invalid = runner.run(fd: fd, inputName: input == "-" ? "stdin" : input)
        if let problem = runner.writeFailure {
            FileIO.write(
                "conciliation triage: " + CLIMessage.resultsNotWritten(problem).text(options.lang) + "\n", to: 2)
            throw ExitCode(1)
        }
        if invalid > 0 { throw ExitCode(2) }
    }
}

#if canImport(Glibc)
    import Glibc
#endif
