/// The details a letter asks of the person, the same in the terminal (one by
/// one, `LetterForm`) and on the page (all at once, `LetterFields`).
public enum LetterField: String, CaseIterable, Sendable {
    case name, address, nir, caisse, reference, facts, grounds, request

    /// The longest text each field takes on the page, in characters.
    public var maximumLength: Int {
        switch self {
        case .name, .caisse, .reference: return 200
        case .address: return 300
        case .nir: return 40
        case .facts, .grounds, .request: return 4_000
        }
    }

    /// Whether it may stay empty (then « [à compléter] » in the letter).
    public var isOptional: Bool { self == .reference || isWording }
    /// The three passages in the person's words, which may span lines and may be
    /// written now or later.
    public var isWording: Bool { self == .facts || self == .grounds || self == .request }
}
