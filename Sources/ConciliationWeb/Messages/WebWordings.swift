import DialogueKit

/// A catalogue of the page: each message has its French and English wordings,
/// and is read in the language chosen.
protocol WebWordings {
    var wordings: (fr: String, en: String) { get }
}

extension WebWordings {
    func text(_ language: Language) -> String {
        let w = wordings
        switch language {
        case .fr: return w.fr
        case .en: return w.en
        }
    }
}
