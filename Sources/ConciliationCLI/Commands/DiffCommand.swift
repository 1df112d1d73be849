import ArgumentParser
import DialogueKit

/// `conciliation diff A B CASES…`: what changes between two rule sets.
struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Route the same cases with two dialogues and show what changes.",
        discussion: "Example: conciliation diff dialogues/conciliation-2007.yaml dialogues/conciliation.yaml dialogues/cases/")

    @Argument(help: ArgumentHelp("The old dialogue.", valueName: "A.yaml"))
    var old: String

    @Argument(help: ArgumentHelp("The new dialogue.", valueName: "B.yaml"))
    var new: String

    @Argument(help: ArgumentHelp("Case files, folders of them, or JSON Lines files (.jsonl).", valueName: "CASES"))
    var cases: [String]

    @Option(name: .long, help: "How many example cases to show for each change.")
    var examples = 3

    func validate() throws {
        if cases.isEmpty {
            throw ValidationError("give the cases to compare on: case files, a folder such as dialogues/cases/, or a .jsonl file")
        }
    }

    func run() throws {
        let a = try DialogueFiles.load(old), b = try DialogueFiles.load(new)
        var inputs: [DialogueDiff.Input] = []
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
        let diff = DialogueDiff(old: a, new: b, cases: inputs, clockToday: ParisClock.today())
        print(diff.text(examples: examples))
    }
}
