import ArgumentParser
import DialogueAuthoring
import DialogueKit
import Files
import LineEditor
import WallClock

/// `conciliation quiz`: trains conciliators on a bank of cases.
struct QuizCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quiz",
        abstract: HelpLanguage.text(
            "Un quiz pour les stagiaires sur des cas : recommandation et date, notées et expliquées.",
            "A quiz for trainees on case files: recommendation and date, scored and explained."))

    @Option(
        name: .long,
        help: HelpLanguage.help(
            "Dossier (ou fichier) de cas ; par défaut, les cas livrés (dialogues/cases).",
            "Folder (or file) of case files; default: the shipped dialogues/cases.", valueName: "DOSSIER"))
    var cases: String?

    @Option(
        name: .long, parsing: .unconditional,
        help: HelpLanguage.help("Combien de cas tirer, 1 ou plus (10 par défaut).", "How many cases to draw, 1 or more (default 10)."))
    var count = 10

    @Option(
        name: .long,
        help: HelpLanguage.help(
            "Graine du tirage, pour donner le même quiz à toute une classe.", "Seed of the draw, to give a whole class the same quiz."))
    var seed: UInt64?

    @Option(
        name: .long,
        help: HelpLanguage.help(
            "Écrire à la fin le rapport (date, graine, réponses, scores par règle) dans ce fichier Markdown (lisible par vous seul ; un nouveau nom, ou --force pour remplacer un fichier).",
            "Write the report (day, seed, answers, scores per rule) to this Markdown file at the end (owner-only; a new name, or --force to replace a file).",
            valueName: "FICHIER"))
    var report: String?

    @Flag(
        name: .long,
        help: HelpLanguage.help(
            "Remplacer le fichier --report s'il existe (un fichier ordinaire seulement, jamais un lien ni un périphérique).",
            "Replace the --report file if it exists (a regular file only, never a link or a device)."))
    var force = false

    @OptionGroup var options: DialogueOptions

    func validate() throws {
        if count < 1 {
            throw ValidationError(CLIMessage.quizCountTooSmall.text(HelpLanguage.current))
        }
        // Said before the class starts, not after: a report that cannot be
        // written would lose the scores.
        if let report {
            if let refusal = FileIO.unwritableTarget(report) {
                throw ValidationError(FileError(path: "--report " + report, refusal).text(HelpLanguage.current))
            }
            if FileIO.exists(report) && !force {
                throw ValidationError(
                    "--report \(report): ce fichier existe déjà ; choisissez un autre nom, ou ajoutez --force pour le remplacer")
            }
        }
    }

    func run() throws {
        let dialogue = try options.loadDialogue()
        let bank = try cases.map { try CaseFiles.paths([$0]).map(CaseFiles.load) } ?? CaseFiles.shipped()
        var items: [QuizLoop.Item] = []
        for file in bank {
            guard (file.dialogueID ?? "conciliation") == dialogue.id, case .result = file.expected,
                case .success(let routed) = Triage(dialogue: dialogue).route(
                    file.input, todayOverride: nil, clockToday: ParisClock.today())
            else { continue }
            items.append(.init(file: file, routed: routed))
        }
        guard !items.isEmpty else {
            throw ValidationError(CLIMessage.quizNoCase(dialogue: dialogue.id, folder: cases).text(HelpLanguage.current))
        }
        let seed = self.seed ?? UInt64(time(nil))
        var generator = SplitMix64(seed: seed)
        items.shuffle(using: &generator)
        let output = StandardOutput()
        let quiz = QuizLoop(
            dialogue: dialogue, items: Array(items.prefix(count)), language: options.lang,
            reader: Terminal.reader(), output: output, width: Terminal.width)
        quiz.run()
        try CheckedExit.check(output, options.lang)
        if let report {
            let text = quiz.report(day: ParisClock.today(), seed: seed)
            do {
                try FileIO.writeAtomically(Array(text.utf8), to: report, overwrite: force)
            } catch {
                // The scores are not lost: they go to standard output instead.
                FileIO.write(CLIMessage.quizReportFailed("\(error)").text(options.lang) + "\n", to: 2)
                FileIO.write(text, to: 1)
                throw ExitCode(1)
            }
            print(CLIMessage.quizReportWritten(report).text(options.lang))
        }
    }
}

#if canImport(Glibc)
    import Glibc
#endif
