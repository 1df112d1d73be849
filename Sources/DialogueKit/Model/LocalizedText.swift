/// A text in each of the dialogue's languages. Texts may hold `{name}` slots, filled
/// with answers and computed dates when shown (see `TextRenderer`).
public struct LocalizedText: Sendable, Equatable {
    public let byLanguage: [String: String]
    public let position: SourcePosition
    /// What `text` gives in each language, chosen once: a page asks for dozens of
    /// texts, and looking each up by its language's name cost a hash every time.
    private let french: String
    private let english: String

    public init(_ byLanguage: [String: String], position: SourcePosition) {
        self.byLanguage = byLanguage
        self.position = position
        let reference = byLanguage["fr"] ?? byLanguage.values.first ?? ""
        french = reference
        english = byLanguage[Language.en.rawValue] ?? reference
    }

    /// The text in `language`, else in French, the dialogue's reference language.
    public func text(_ language: Language) -> String {
        switch language {
        case .fr: return french
        case .en: return english
        }
    }
}

public enum Language: String, Sendable, CaseIterable {
    case fr, en

    /// What joins a label and its value: " : " in French (a space before the
    /// colon), ": " in English.
    public var colon: String { Message.colon.text(self) }
}

/// Who reads the question: an agent reading it out on the phone, or the insured
/// person on their own screen. The wording differs ("Demandez…" / "Avez-vous…").
public enum Audience: String, Sendable, CaseIterable {
    case agent
    case `self`
}
