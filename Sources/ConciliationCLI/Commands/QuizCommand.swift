import ArgumentParser
import DialogueKit
import LineEditor

/// `conciliation quiz`: trains conciliators on a bank of cases.
struct QuizCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quiz",
        abstract: "A quiz for trainees on case files: recommendation and date, scored and explained.")

    @Option(name: .long, help: ArgumentHelp("Folder (or file) of case files; default: the shipped dialogues/cases.", valueName: "DIR"))
    var cases: String?

    @Option(name: .long, parsing: .unconditional, help: "How many cases to draw, 1 or more (default 10).")
    var count = 10

    @Option(name: .long, help: "Seed of the draw, to give a whole class the same quiz.")
    var seed: UInt64?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Write the scores per rule to this Markdown file at the end (owner-only; replaced if it exists).", valueName: "FILE"))
    var report: String?

    @OptionGroup var options: DialogueOptions

    func validate() throws {
        if count < 1 { throw ValidationError("--count takes a number of cases, 1 or more") }
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
        guard !items.isEmpty else { throw ValidationError("no case for \(dialogue.id) in \(cases ?? "the shipped cases")") }
        var generator = SplitMix64(seed: seed ?? UInt64(time(nil)))
        items.shuffle(using: &generator)
        let quiz = QuizLoop(
            dialogue: dialogue, items: Array(items.prefix(count)), language: options.lang,
            reader: Terminal.makeReader(), output: StandardOutput())
        quiz.run()
        if let report {
            try FileIO.writeAtomically(Array(quiz.report().utf8), to: report, overwrite: true)
            print(CLIMessage.quizReportWritten(report).text(options.lang))
        }
    }
}

#if canImport(Glibc)
    import Glibc
#endif
