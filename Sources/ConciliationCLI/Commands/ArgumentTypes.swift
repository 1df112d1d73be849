import ArgumentParser
import DialogueKit

extension CivilDate: ExpressibleByArgument {
    /// Only a day the program can count from: a real date in `CivilDate.supported`.
    public init?(argument: String) {
        guard let date = CivilDate(iso: argument), CivilDate.supported.contains(date) else { return nil }
        self = date
    }
}

extension Language: ExpressibleByArgument {}
extension Audience: ExpressibleByArgument {}
extension OutputFormat: ExpressibleByArgument {}

/// Options every command that reads a dialogue shares.
struct DialogueOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "A dialogue file (rule set) to use instead of the rules built into the program (conciliation 2026).",
            valueName: "FILE"))
    var dialogue: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "The day to count from, as YYYY-MM-DD, from 1900-01-01 to 9998-12-31; default: today in Europe/Paris.",
            valueName: "YYYY-MM-DD"))
    var today: CivilDate?

    @Option(name: .long, help: "Language of texts and messages: fr or en.")
    var lang: Language = .fr

    func loadDialogue() throws -> Dialogue {
        try DialogueFiles.load(dialogue)
    }
}
