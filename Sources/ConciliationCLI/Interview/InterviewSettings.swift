import DialogueKit

/// What the interview needs from outside: who reads, in which language, with
/// colours or not, saving where.
public struct InterviewSettings {
    public var language: Language
    public var audience: Audience
    public var colors: Bool
    /// The terminal's width, to break lines between words; nil when not a terminal.
    public var width: Int?
    /// nil: nothing written to disk (--no-save, for a shared computer).
    var store: SessionStore?

    init(language: Language, audience: Audience, colors: Bool, width: Int? = nil, store: SessionStore?) {
        self.language = language
        self.audience = audience
        self.colors = colors
        self.width = width
        self.store = store
    }
}
