/// What every message catalogue is — the core's (`Message`), the terminal's
/// (`CLIMessage`), the page's (`WebMessage`, `WebSentence`), the files'
/// (`FileProblem`): each message has its
/// French and English wordings side by side, so that a language added is a
/// field the compiler asks of every message, and is read in the language chosen.
public protocol Catalogue {
    /// The same message in each language.
    var wordings: (fr: String, en: String) { get }
}

extension Catalogue {
    public func text(_ language: Language) -> String {
        let w = wordings
        switch language {
        case .fr: return w.fr
        case .en: return w.en
        }
    }
}
