import DialogueKit

/// A command typed at the interview's prompt, with `:` before it. French and
/// English names, with or without accents.
enum ReplCommand: Equatable {
    case help
    case back
    case edit(Int?)
    case answers
    case why
    case summary
    case export(path: String?, force: Bool)
    case restart
    case quit
    case letter(path: String?, force: Bool)

    /// Every name, for Tab completion and for `:aide`.
    static let names: [(fr: String, en: String, usage: (fr: String, en: String))] = [
        (":aide", ":help", ("aide sur la question et liste des commandes", "help on the question and the commands")),
        (":retour", ":back", ("revenir à la question précédente", "go back to the previous question")),
        (":modifier", ":edit", ("modifier N : changer la réponse n° N (voir :réponses)", "edit N: change answer number N (see :answers)")),
        (":réponses", ":answers", ("les réponses données, numérotées", "the answers given, numbered")),
        (":pourquoi", ":why", ("les règles appliquées, avec leurs sources", "the rules applied, with their sources")),
        (":résumé", ":summary", ("le résumé à coller dans une fiche", "the summary to paste into a case note")),
        (":exporter", ":export", ("exporter FICHIER.txt|.md|.json [--force]", "export FILE.txt|.md|.json [--force]")),
        (":lettre", ":letter", ("lettre [FICHIER.txt|.md] : la lettre à envoyer", "letter [FILE.txt|.md]: the letter to send")),
        (":recommencer", ":restart", ("recommencer un nouvel entretien", "start a new interview")),
        (":quitter", ":quit", ("quitter (l'entretien reste enregistré)", "quit (the interview stays saved)")),
    ]

    enum ParseError: Error, Equatable {
        case unknown(String)
        case badNumber(String)
        /// A file name with a control character or an escape sequence, refused
        /// before any file is made.
        case badFileName(String)
    }

    /// A file name the command may create: no control character, which would
    /// make a name nobody can type or a message that moves the terminal's cursor.
    static func isSafeFileName(_ path: String) -> Bool {
        !path.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F || (0x80..<0xA0).contains($0.value) }
    }

    /// nil when the line is not a command (no leading `:`).
    static func parse(_ line: String) -> Result<ReplCommand, ParseError>? {
        let trimmed = line.trimmingSpaces
        guard trimmed.hasPrefix(":") else { return nil }
        let words = trimmed.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        let name = TextFolding.fold(words[0])
        let rest = Array(words.dropFirst())
        switch name {
        case ":aide", ":help", ":?", ":h": return .success(.help)
        case ":retour", ":back", ":b": return .success(.back)
        case ":modifier", ":edit", ":m", ":e":
            guard let first = rest.first else { return .success(.edit(nil)) }
            guard let n = Int(first), n >= 1 else { return .failure(.badNumber(first)) }
            return .success(.edit(n))
        case ":reponses", ":answers", ":r", ":a": return .success(.answers)
        case ":pourquoi", ":why", ":p", ":w": return .success(.why)
        case ":resume", ":summary", ":s": return .success(.summary)
        case ":exporter", ":export", ":x":
            let force = rest.contains("--force") || rest.contains("-f")
            let path = rest.first { $0 != "--force" && $0 != "-f" }
            if let path, !isSafeFileName(path) { return .failure(.badFileName(path)) }
            return .success(.export(path: path, force: force))
        case ":lettre", ":letter", ":l":
            let force = rest.contains("--force") || rest.contains("-f")
            let path = rest.first { $0 != "--force" && $0 != "-f" }
            if let path, !isSafeFileName(path) { return .failure(.badFileName(path)) }
            return .success(.letter(path: path, force: force))
        case ":recommencer", ":restart": return .success(.restart)
        case ":quitter", ":quit", ":q": return .success(.quit)
        default: return .failure(.unknown(words[0]))
        }
    }
}
