import DialogueKit

/// A command typed at the interview's prompt, with `:` before it. French and
/// English names, with or without accents, and short aliases.
enum ReplCommand: Equatable, Sendable {
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

    /// Why a line starting with `:` is not a command.
    enum ParseError: Error, Equatable {
        case unknown(String)
        case badNumber(String)
        /// A file name with a control character or an escape sequence, refused
        /// before any file is made.
        case badFileName(String)
    }

    /// One command: its names, its aliases, its usage, and how its words make it.
    struct Entry: Sendable {
        let french: String
        let english: String
        let aliases: [String]
        let usage: CLIMessage
        let make: @Sendable ([String]) -> Result<ReplCommand, ParseError>

        /// The name `:aide` shows in `language`; both are always understood.
        func name(_ language: Language) -> String {
            switch language {
            case .fr: return french
            case .en: return english
            }
        }
    }

    /// Every command, in the order `:aide` lists them: the one table for
    /// parsing, completion and help.
    static let table: [Entry] = [
        Entry(french: ":aide", english: ":help", aliases: [":?", ":h"], usage: .usageHelp) { _ in .success(.help) },
        Entry(french: ":retour", english: ":back", aliases: [":b"], usage: .usageBack) { _ in .success(.back) },
        Entry(french: ":modifier", english: ":edit", aliases: [":m", ":e"], usage: .usageEdit) { rest in
            guard let first = rest.first else { return .success(.edit(nil)) }
            guard let n = Int(first), n >= 1 else { return .failure(.badNumber(first)) }
            return .success(.edit(n))
        },
        Entry(french: ":réponses", english: ":answers", aliases: [":r", ":a"], usage: .usageAnswers) { _ in .success(.answers) },
        Entry(french: ":pourquoi", english: ":why", aliases: [":p", ":w"], usage: .usageWhy) { _ in .success(.why) },
        Entry(french: ":résumé", english: ":summary", aliases: [":s"], usage: .usageSummary) { _ in .success(.summary) },
        Entry(french: ":exporter", english: ":export", aliases: [":x"], usage: .usageExport) { rest in
            fileArguments(rest).map { .export(path: $0.path, force: $0.force) }
        },
        Entry(french: ":lettre", english: ":letter", aliases: [":l"], usage: .usageLetter) { rest in
            fileArguments(rest).map { .letter(path: $0.path, force: $0.force) }
        },
        Entry(french: ":recommencer", english: ":restart", aliases: [], usage: .usageRestart) { _ in .success(.restart) },
        Entry(french: ":quitter", english: ":quit", aliases: [":q"], usage: .usageQuit) { _ in .success(.quit) },
    ]

    /// A file name the command may create: no control character, which would
    /// make a name nobody can type or a message that moves the terminal's cursor.
    static func isSafeFileName(_ path: String) -> Bool {
        !path.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F || (0x80..<0xA0).contains($0.value) }
    }

    private static func fileArguments(_ rest: [String]) -> Result<(path: String?, force: Bool), ParseError> {
        let force = rest.contains("--force") || rest.contains("-f")
        let path = rest.first { $0 != "--force" && $0 != "-f" }
        if let path, !isSafeFileName(path) { return .failure(.badFileName(path)) }
        return .success((path, force))
    }

    /// nil when the line is not a command (no leading `:`).
    static func parse(_ line: String) -> Result<ReplCommand, ParseError>? {
        let trimmed = line.trimmingSpaces
        guard trimmed.hasPrefix(":") else { return nil }
        let words = trimmed.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        let name = TextFolding.fold(words[0])
        let entry = table.first { entry in
            ([entry.french, entry.english] + entry.aliases).contains { TextFolding.fold($0) == name }
        }
        guard let entry else { return .failure(.unknown(words[0])) }
        return entry.make(Array(words.dropFirst()))
    }
}
