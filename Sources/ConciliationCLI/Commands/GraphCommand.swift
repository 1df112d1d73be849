import ArgumentParser
import DialogueKit

extension DialogueGraph.Format: ExpressibleByArgument {}

/// `conciliation graph`: the dialogue as Graphviz or Mermaid, for trainers.
struct GraphCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "graph",
        abstract: "Print the dialogue as a graph (questions, guards in words, outcomes).",
        discussion: "Render it with Graphviz: conciliation graph | dot -Tsvg -o dialogue.svg")

    @Option(name: .long, help: "dot (Graphviz) or mermaid.")
    var format: DialogueGraph.Format = .dot

    @Option(name: .long, help: ArgumentHelp("The dialogue file; default: the shipped one.", valueName: "FILE"))
    var dialogue: String?

    @Option(name: .long, help: "Language of the labels: fr or en.")
    var lang: Language = .fr

    func run() throws {
        let d = try DialogueFiles.load(dialogue)
        print(DialogueGraph(dialogue: d, language: lang).render(format), terminator: "")
    }
}
