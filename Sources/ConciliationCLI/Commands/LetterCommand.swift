import ArgumentParser
import DialogueKit
import LineEditor

/// `conciliation letter CASE`: the letter a case's result calls for.
struct LetterCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "letter",
        abstract: "Write the letter a case calls for (complaint, médiateur, CRA or CMRA), in French.",
        discussion: "Details not given as options are asked. The letter holds the full social security number; keep it private.")

    @Argument(help: ArgumentHelp("A case: a case file (.yaml) or one JSON object (.json).", valueName: "CASE"))
    var file: String

    @OptionGroup var options: DialogueOptions

    @Option(name: .long, help: "Your name.") var name: String?
    @Option(name: .long, help: "Your address, on one line.") var address: String?
    @Option(name: .long, help: "Your social security number (NIR), 15 digits; its key is checked.") var nir: String?
    @Option(name: .long, help: "Your caisse, e.g. \"CPAM du Bas-Rhin\".") var caisse: String?
    @Option(name: .long, help: "The contested decision's reference.") var reference: String?
    @Option(name: .long, help: "text or markdown (json is not a letter).") var format: OutputFormat = .text
    @Option(name: .long, help: ArgumentHelp("Write to this file (owner-only) instead of standard output.", valueName: "FILE")) var output:
        String?
    @Flag(name: .long, help: "Replace --output if it exists.") var force = false

    func validate() throws {
        if format == .json { throw ValidationError("a letter is text or markdown: write --format text or --format markdown") }
        if let nir, case .failure(let problem) = NIR.parse(nir) {
            throw ValidationError("--nir refused: \(problem.sentence(.en))")
        }
    }

    func run() throws {
        let dialogue = try options.loadDialogue()
        let pairs: [(key: String, value: CaseValue)]
        if file.hasSuffix(".json") {
            guard case .object(let p) = CaseJSON.parse(try FileIO.readText(file)) else {
                throw ValidationError("\(file) is not one JSON object with the triage keys")
            }
            pairs = p
        } else {
            pairs = try CaseFiles.load(file).input
        }
        let routed: RoutedCase
        switch Triage(dialogue: dialogue).route(pairs, todayOverride: options.today, clockToday: ProcessEnvironment.clockToday()) {
        case .success(let r): routed = r
        case .failure(let e): throw ValidationError("the case is invalid: \(e.field ?? "case"): \(e.message)")
        }
        let writer = LetterWriter(dialogue: dialogue)
        guard let kind = writer.kind(for: routed) else {
            print(writer.noLetterReason(for: routed))
            return
        }
        let sink = StandardOutput()
        guard
            let details = LetterDetailsInterview(
                reader: Terminal.makeReader(echoingTo: output == nil ? 2 : 1),
                output: output == nil ? StandardError() : sink
            )
            .ask(needsReference: kind.citesADecision, given: (name, address, nir, caisse, reference))
        else { throw ExitCode(1) }
        let text = writer.letter(kind, routed: routed, details: details, markdown: format == .markdown)
        if let output {
            try FileIO.writeAtomically(Array(text.utf8), to: output, overwrite: force)
            print("Lettre écrite dans \(output) (lisible par vous seul). / Letter written.")
        } else {
            if let problem = FileIO.write(text, to: 1) {
                FileIO.write(
                    "conciliation letter: la lettre n'a pas pu être écrite (\(problem)) ; donnez --output FICHIER ailleurs / the letter could not be written (\(problem)); give --output FILE elsewhere\n",
                    to: 2)
                throw ExitCode(1)
            }
        }
    }
}
