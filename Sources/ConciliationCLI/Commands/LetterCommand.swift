import ArgumentParser
import DialogueKit
import Files
import Foundation
import LineEditor
import WallClock

/// `conciliation letter CASE`: the letter a case's result calls for.
struct LetterCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "letter",
        abstract: HelpLanguage.text(
            "Écrire la lettre qu'appelle un cas (réclamation, médiateur, CRA ou CMRA, tribunal, opposition), en français.",
            "Write the letter a case calls for (complaint, médiateur, CRA or CMRA, court, opposition), in French."),
        discussion: HelpLanguage.text(
            """
            Ce qui n'est pas donné en option est demandé sur un terminal ; sans terminal, rien n'est demandé : les \
            options manquantes sont nommées et la commande échoue. La lettre contient le numéro de sécurité sociale complet ; \
            gardez-la pour vous.
            """,
            """
            Details not given as options are asked on a terminal; without one, nothing is asked: the missing \
            options are named and the command fails. The letter holds the full social security number; keep it private.
            """))

    @Argument(
        help: HelpLanguage.help(
            "Un cas : un fichier de cas (.yaml), un cas de triage (.json) ou l'export d'un entretien (:exporter dossier.json).",
            "A case: a case file (.yaml), a triage case (.json), or an interview's export (:exporter dossier.json).", valueName: "CAS"))
    var file: String

    @OptionGroup var options: DialogueOptions

    @Option(name: .long, help: HelpLanguage.help("Vos nom et prénom.", "Your name.")) var name: String?
    @Option(name: .long, help: HelpLanguage.help("Votre adresse, sur une ligne.", "Your address, on one line.")) var address: String?
    @Option(
        name: .long,
        help: HelpLanguage.help(
            "Votre numéro de sécurité sociale (NIR), 15 chiffres ; sa clé est vérifiée.",
            "Your social security number (NIR), 15 digits; its key is checked.")) var nir: String?
    @Option(
        name: .long, help: HelpLanguage.help("Votre caisse, par exemple « CPAM du Bas-Rhin ».", "Your caisse, e.g. \"CPAM du Bas-Rhin\"."))
    var caisse: String?
    @Option(name: .long, help: HelpLanguage.help("La référence de la décision contestée.", "The contested decision's reference."))
    var reference: String?
    @Option(
        name: .long,
        help: HelpLanguage.help(
            "Ce qui s'est passé (pour une décision : ce que la caisse a décidé), avec vos mots.",
            "What happened (for a decision: what the caisse decided), in your words.")) var facts: String?
    @Option(name: .long, help: HelpLanguage.help("Pourquoi vous n'êtes pas d'accord, avec vos mots.", "Why you disagree, in your words."))
    var grounds: String?
    @Option(name: .long, help: HelpLanguage.help("Ce que vous demandez, avec vos mots.", "What you ask for, in your words.")) var request:
        String?
    @Option(
        name: .long, help: HelpLanguage.help("text ou markdown (json n'est pas une lettre).", "text or markdown (json is not a letter)."))
    var format: ExportFormat = .text
    @Option(
        name: .long,
        help: HelpLanguage.help(
            "Écrire dans ce fichier (lisible par vous seul) plutôt que sur la sortie standard.",
            "Write to this file (owner-only) instead of standard output.", valueName: "FICHIER")) var output: String?
    @Flag(name: .long, help: HelpLanguage.help("Remplacer --output s'il existe.", "Replace --output if it exists.")) var force = false

    func validate() throws {
        if format == .json {
            throw ValidationError(CLIMessage.letterNotJSON.text(HelpLanguage.current))
        }
        if let nir, case .failure(let problem) = NIR.parse(nir) {
            throw ValidationError(CLIMessage.nirOptionRefused(problem).text(HelpLanguage.current))
        }
    }

    func run() throws {
        let dialogue = try options.loadDialogue()
        let routed = try routedCase(dialogue)
        let writer = LetterWriter(dialogue: dialogue)
        guard let kind = writer.kind(for: routed) else {
            print(writer.noLetterReason(for: routed, options.lang))
            return
        }
        let sink = StandardOutput()
        if !Terminal.isInteractive {
            let missing = [("--name", name), ("--address", address), ("--nir", nir), ("--caisse", caisse)].filter { $0.1 == nil }.map(\.0)
            if !missing.isEmpty {
                throw ValidationError(CLIMessage.letterMissingOptions(missing).text(options.lang))
            }
        }
        guard
            var details = askDetails(
                needsReference: kind.citesADecision,
                asksWording: Terminal.isInteractive && facts == nil && grounds == nil && request == nil,
                reader: Terminal.reader(echoingTo: output == nil ? 2 : 1), sink: output == nil ? StandardError() : sink)
        else { throw ExitCode(1) }
        if let facts { details.facts = facts }
        if let grounds { details.grounds = grounds }
        if let request { details.request = request }
        let letter = writer.letter(kind, routed: routed, details: details, markdown: format == .markdown)
        let (text, toFill) = (letter.text, letter.toFill)
        if let output {
            try FileIO.writeAtomically(Array(text.utf8), to: output, overwrite: force)
            let full = FileIO.fullPath(output)
            print(
                toFill.isEmpty
                    ? CLIMessage.letterReady(full).text(options.lang) : CLIMessage.letterToComplete(full, toFill).text(options.lang))
        } else {
            if let problem = FileIO.write(text, to: 1) {
                FileIO.write(CLIMessage.letterOutputFailed(problem).text(options.lang) + "\n", to: 2)
                throw ExitCode(1)
            }
            // Said apart from the letter, which may be piped to a file or a printer.
            if !toFill.isEmpty { FileIO.write(CLIMessage.letterPrintedToComplete(toFill).text(options.lang) + "\n", to: 2) }
        }
    }

    /// The case the letter is for: an interview's JSON export replayed with its
    /// own answers, or a case (JSON, or a case file) routed as `triage` does.
    private func routedCase(_ dialogue: Dialogue) throws -> RoutedCase {
        let pairs: [(key: String, value: CaseValue)]
        if file.hasSuffix(".json") {
            let text = try FileIO.readText(file)
            let parser = AnswerParser(today: options.today ?? ParisClock.today(), language: options.lang)
            if let export = CaseExport.answers(fromJSON: text, dialogue: dialogue, parser: parser) {
                let today = options.today ?? export.today ?? ParisClock.today()
                guard case .finished(let result) = Interview(dialogue: dialogue, today: today, answers: export.answers).state else {
                    throw ValidationError(CLIMessage.notALetterCase(file).text(options.lang))
                }
                return RoutedCase(result: result, today: today)
            }
            guard case .object(let p) = CaseJSON.parse(text) else {
                throw ValidationError(CLIMessage.notALetterCase(file).text(options.lang))
            }
            pairs = p
        } else {
            pairs = try CaseFiles.load(file).input
        }
        switch Triage(dialogue: dialogue).route(pairs, todayOverride: options.today, clockToday: ParisClock.today()) {
        case .success(let r): return r
        case .failure(let e): throw ValidationError(CLIMessage.caseNotValid("\(e.field ?? "case"): \(e.message)").text(options.lang))
        }
    }

    /// Asks what the options did not give, through the same form as the interview's
    /// `:lettre`; nil when the person gives up (Ctrl-C) or the input ends first.
    private func askDetails(needsReference: Bool, asksWording: Bool, reader: LineReader, sink: OutputSink) -> LetterDetails? {
        var given: [LetterField: String] = [:]
        for (field, value) in [(LetterField.name, name), (.address, address), (.nir, nir), (.caisse, caisse), (.reference, reference)] {
            if let value { given[field] = value }
        }
        var form = LetterForm(needsReference: needsReference, asksWording: asksWording, given: given)
        let say = { (message: CLIMessage) in sink.write(message.text(options.lang) + "\n") }
        form.opening(given: given).forEach(say)
        while form.details == nil {
            guard let question = form.question else { return nil }
            say(question)
            switch reader.readDetail(prompt: "> ", secret: form.isSecret) {
            case .line(let text):
                switch form.accept(text) {
                case .refused(let why): say(why)
                case .accepted(let notes): notes.forEach(say)
                }
            case .endOfInput:
                if !form.endOfInput() {
                    say(.letterAbandoned)
                    return nil
                }
            case .interrupted, .terminated:
                say(.letterAbandoned)
                return nil
            }
        }
        return form.details
    }
}
