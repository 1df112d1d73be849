import ArgumentParser
import DialogueKit

/// The language of `--help` and of usage errors: French, unless the command line
/// asks for English (`--lang en`). Read once from the process's arguments, before
/// ArgumentParser builds its help from the commands' declarations, which are
/// static; it never changes after.
enum HelpLanguage {
    static let current: Language = chosen(in: CommandLine.arguments)

    static func chosen(in arguments: [String]) -> Language {
        if arguments.contains("--lang=en") { return .en }
        if let i = arguments.firstIndex(of: "--lang"), i + 1 < arguments.count, arguments[i + 1] == "en" { return .en }
        return .fr
    }

    /// One text of the help, in the language chosen.
    static func text(_ french: String, _ english: String) -> String { current == .fr ? french : english }

    /// An option's or an argument's help, in the language chosen.
    static func help(_ french: String, _ english: String, valueName: String? = nil) -> ArgumentHelp {
        ArgumentHelp(text(french, english), valueName: valueName)
    }

    /// ArgumentParser's own words in its help and its errors, said in French
    /// when French is chosen: line by line, a heading or a known sentence only.
    static func localized(_ message: String, _ language: Language = current) -> String {
        guard language == .fr else { return message }
        var text = message
        for (english, french) in words { text = text.replacingOccurrences(of: english, with: french) }
        return text
    }

    private static let words: [(String, String)] = [
        ("OVERVIEW: ", "EN BREF : "), ("USAGE: ", "UTILISATION : "), ("ARGUMENTS:", "ARGUMENTS :"), ("OPTIONS:", "OPTIONS :"),
        ("SUBCOMMANDS:", "SOUS-COMMANDES :"), ("Show help information.", "Afficher cette aide."),
        ("Show the version.", "Afficher la version."), ("(default: ", "(par défaut : "), ("(default)", "(par défaut)"),
        ("(values: ", "(valeurs : "), ("; default:", " ; par défaut :"),
        ("See 'conciliation help <subcommand>' for detailed help.", "Tapez « conciliation help SOUS-COMMANDE » pour son aide détaillée."),
        ("Error: ", "Erreur : "), ("Usage: ", "Utilisation : "), ("Help:  ", "Aide : "),
        ("Missing expected argument", "Argument attendu manquant"), ("Unknown option", "Option inconnue"),
        ("Unexpected argument", "Argument inattendu"), ("Missing value for", "Valeur manquante pour"),
        ("The value", "La valeur"), ("is invalid for", "ne convient pas à"),
        ("Please provide one of", "Donnez l'une de ces valeurs :"),
        ("  See 'conciliation ", "  Tapez « conciliation "), (" --help' for more information.", " --help » pour en savoir plus."),
    ]
}
