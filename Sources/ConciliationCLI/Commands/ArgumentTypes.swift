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
extension ExportFormat: ExpressibleByArgument {}

/// Options every command that reads a dialogue shares.
struct DialogueOptions: ParsableArguments {
    @Option(
        name: .long,
        help: HelpLanguage.help(
            "Un fichier de dialogue (jeu de règles) à la place des règles livrées dans le programme (conciliation 2026).",
            "A dialogue file (rule set) to use instead of the rules built into the program (conciliation 2026).",
            valueName: "FICHIER"))
    var dialogue: String?

    @Option(
        name: .long,
        help: HelpLanguage.help(
            "Le jour à partir duquel compter, AAAA-MM-JJ, du 1900-01-01 au 9998-12-31 ; par défaut, aujourd'hui à Paris.",
            "The day to count from, as YYYY-MM-DD, from 1900-01-01 to 9998-12-31; default: today in Europe/Paris.",
            valueName: "AAAA-MM-JJ"))
    var today: CivilDate?

    @Option(
        name: .long, help: HelpLanguage.help("Langue des textes et des messages : fr ou en.", "Language of texts and messages: fr or en."))
    var lang: Language = .fr

    func loadDialogue() throws -> Dialogue {
        try DialogueFiles.load(dialogue)
    }
}
