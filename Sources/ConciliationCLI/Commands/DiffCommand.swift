import ArgumentParser
import DialogueAuthoring
import DialogueKit
import Files
import WallClock

/// `conciliation diff A B CASES…`: what changes between two rule sets.
struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: HelpLanguage.text(
            "Passer les mêmes cas dans deux dialogues et montrer ce qui change.",
            "Route the same cases with two dialogues and show what changes."),
        discussion: HelpLanguage.text(
            """
            Un dialogue est un fichier, ou un jeu de règles livré désigné par son nom (conciliation-2007, conciliation). \
            Sans cas, les cas livrés. Exemple : conciliation diff conciliation-2007 conciliation
            """,
            """
            A dialogue is a file, or a shipped rule set by its name (conciliation-2007, conciliation). Without cases, \
            the shipped ones. Example: conciliation diff conciliation-2007 conciliation
            """))

    @Argument(
        help: HelpLanguage.help(
            "L'ancien dialogue : un fichier, ou le nom d'un jeu de règles livré.",
            "The old dialogue: a file, or a shipped rule set's name.", valueName: "A"))
    var old: String

    @Argument(
        help: HelpLanguage.help(
            "Le nouveau dialogue : un fichier, ou le nom d'un jeu de règles livré.",
            "The new dialogue: a file, or a shipped rule set's name.", valueName: "B"))
    var new: String

    @Argument(
        help: HelpLanguage.help(
            "Fichiers de cas, dossiers de cas ou fichiers JSON Lines (.jsonl) ; les cas livrés s'il n'y en a pas.",
            "Case files, folders of them, or JSON Lines files (.jsonl); the shipped cases when none.", valueName: "CAS"))
    var cases: [String] = []

    @Option(
        name: .long,
        help: HelpLanguage.help(
            "Combien de cas montrer en exemple pour chaque changement.", "How many example cases to show for each change."))
    var examples = 3

    @Option(name: .long, help: HelpLanguage.help("Langue du rapport : fr ou en.", "Language of the report: fr or en."))
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
            do { text = try FileIO.readText(path) } catch {
                throw ValidationError(CLIMessage.casesUnreadable("\(error)").text(HelpLanguage.current))
            }
            for (i, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() where !line.isEmpty {
                guard case .object(let pairs) = CaseJSON.parse(String(line)) else {
                    throw ValidationError(CLIMessage.caseLineNotAnObject(path: path, line: i + 1).text(HelpLanguage.current))
                }
                inputs.append(.init(name: "\(path):\(i + 1)", pairs: pairs))
            }
        }
        let diff = DialogueDiff(old: a, new: b, cases: inputs, clockToday: ParisClock.today(), language: lang)
        print(diff.text(examples: examples))
    }
}
