import ArgumentParser
import DialogueAuthoring
import DialogueKit

extension DialogueGraph.Format: ExpressibleByArgument {}

/// `conciliation graph`: the dialogue as Graphviz or Mermaid, for trainers.
struct GraphCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "graph",
        abstract: HelpLanguage.text(
            "Écrire le dialogue sous forme de graphe (questions, conditions en mots, résultats).",
            "Print the dialogue as a graph (questions, guards in words, outcomes)."),
        discussion: HelpLanguage.text(
            "Le dessiner avec Graphviz : conciliation graph | dot -Tsvg -o dialogue.svg",
            "Render it with Graphviz: conciliation graph | dot -Tsvg -o dialogue.svg"))

    @Option(name: .long, help: HelpLanguage.help("dot (Graphviz) ou mermaid.", "dot (Graphviz) or mermaid."))
    var format: DialogueGraph.Format = .dot

    @Option(
        name: .long,
        help: HelpLanguage.help(
            "Le fichier de dialogue ; par défaut, celui livré.", "The dialogue file; default: the shipped one.", valueName: "FICHIER"))
    var dialogue: String?

    @Option(name: .long, help: HelpLanguage.help("Langue des libellés : fr ou en.", "Language of the labels: fr or en."))
    var lang: Language = .fr

    func run() throws {
        let d = try DialogueFiles.load(dialogue)
        print(DialogueGraph(dialogue: d, language: lang).render(format), terminator: "")
    }
}
