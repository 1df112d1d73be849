import ArgumentParser
import DialogueKit

/// `conciliation diff A B CASES…`: what changes between two rule sets.
struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Route the same cases with two dialogues and show what changes.",
        discussion: """
            A dialogue is a file, or a shipped rule set by its name (conciliation-2007, conciliation). Without cases, \
            the shipped ones. Example: conciliation diff conciliation-2007 conciliation
            """)

    @Argument(help: ArgumentHelp("The old dialogue: a file, or a shipped rule set's name.", valueName: "A"))
    var old: String

    @Argument(help: ArgumentHelp("The new dialogue: a file, or a shipped rule set's name.", valueName: "B"))
    var new: String

    @Argument(
        help: ArgumentHelp("Case files, folders of them, or JSON Lines files (.jsonl); the shipped cases when none.", valueName: "CASES"))
    var cases: [String] = []

    @Option(name: .long, help: "How many example cases to show for each change.")
    var examples = 3

    @Option(name: .long, help: "Language of the report: fr or en.")
    var lang: Language = .fr

    /// A file when there is one at that path; else a shipped rule set, named with or without ".yaml".
    static func dialogue(_ argument: String) throws -> Dialogue {
        if FileIO.exists(argument) { return try DialogueFiles.load(argument) }
        return try DialogueFiles.loadShipped(argument.hasSuffix(".yaml") ? argument : argument + ".yaml")
    }

    func run() throws {
        let a = try Self.dialogue(old), b = try Self.dialogue(new)
        var inputs: [DialogueDiff.Input] = []
        if cases.isEmpty {
            for file in try CaseFiles.shipped() { inputs.append(.init(name: file.name, pairs: file.input)) }
        }
        for path in try CaseFiles.paths(cases.filter { !$0.hasSuffix(".jsonl") }) {
            let file = try CaseFiles.load(path)
            inputs.append(.init(name: "\(path) — \(file.name)", pairs: file.input))
        }
        for path in cases where path.hasSuffix(".jsonl") {
            let text: String
            do { text = try FileIO.readText(path) } catch { throw ValidationError("cannot read \(error)") }
            for (i, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() where !line.isEmpty {
                guard case .object(let pairs) = CaseJSON.parse(String(line)) else {
                    throw ValidationError("\(path):\(i + 1): not a JSON object; each line of a .jsonl file is one case")
                }
                inputs.append(.init(name: "\(path):\(i + 1)", pairs: pairs))
            }
        }
        let diff = DialogueDiff(old: a, new: b, cases: inputs, clockToday: ParisClock.today(), language: lang)
        print(diff.text(examples: examples))
    }
}
