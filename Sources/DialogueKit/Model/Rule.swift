/// A public text the rules rest on, cited by title and address.
public struct Source: Sendable {
    public let id: String
    public let title: String
    public let url: String?
    public let position: SourcePosition
}

/// One rule of law as the dialogue applies it, with the sources it rests on.
public struct Rule: Sendable {
    public let id: String
    public let title: LocalizedText
    public let text: LocalizedText
    public let sources: [String]
    /// False for a rule believed but not confirmed by a current public source; the
    /// tool says so wherever it shows the rule.
    public let confirmed: Bool
    public let position: SourcePosition
}
extension Rule {
    /// " [non confirmé aujourd'hui]" after the title of a rule not confirmed by a
    /// current source, nothing otherwise: wherever a rule is shown, it says so.
    public func unconfirmedMark(_ language: Language) -> String {
        confirmed ? "" : Message.unconfirmedMark.text(language)
    }
}
