/// A text shown only when its condition holds (e.g. the deadline has passed).
public struct ConditionalText: Sendable {
    public let condition: Expression?
    public let text: LocalizedText
}

public final class Outcome: Sendable {
    public let id: String
    public let recommendation: Recommendation
    public let route: String?
    /// The letter this result calls for, if any: which one is a rule, so it is
    /// written in the dialogue, not decided in Swift.
    public let letter: LetterKind?
    public let rules: [String]
    /// Indices of `rules` in `Dialogue.rules`.
    public let ruleIndices: [Int]
    /// Output values this outcome sets, overriding the dialogue's defaults.
    public let set: [(output: Int, value: Expression)]
    public let title: LocalizedText
    public let summary: LocalizedText
    public let steps: [ConditionalText]
    public let parallel: [ConditionalText]
    public let notes: [ConditionalText]
    public let position: SourcePosition

    init(
        id: String, recommendation: Recommendation, route: String?, letter: LetterKind?, rules: [String], ruleIndices: [Int],
        set: [(output: Int, value: Expression)],
        title: LocalizedText, summary: LocalizedText, steps: [ConditionalText], parallel: [ConditionalText],
        notes: [ConditionalText], position: SourcePosition
    ) {
        self.id = id
        self.recommendation = recommendation
        self.route = route
        self.letter = letter
        self.rules = rules
        self.ruleIndices = ruleIndices
        self.set = set
        self.title = title
        self.summary = summary
        self.steps = steps
        self.parallel = parallel
        self.notes = notes
        self.position = position
    }
}

/// The letters the tool can write, one per kind of step a result calls for.
public enum LetterKind: String, Sendable, CaseIterable {
    /// A complaint to the caisse.
    case complaint
    /// A referral to the médiateur.
    case mediator
    /// An appeal to the CRA or the CMRA.
    case commission
    /// A request (requête) to the pôle social of the tribunal judiciaire.
    case court
    /// An opposition to a contrainte, before the pôle social.
    case opposition

    /// The file name the interview gives this letter, before its extension.
    public var fileStem: String {
        switch self {
        case .complaint: return "lettre-reclamation"
        case .mediator: return "lettre-mediateur"
        case .commission: return "lettre-recours"
        case .court: return "requete-tribunal"
        case .opposition: return "opposition-contrainte"
        }
    }

    /// Whether the letter names a contested decision or deed, whose reference is asked.
    public var citesADecision: Bool { [.commission, .court, .opposition].contains(self) }
}

/// The recommendations of the stable `triage` interface.
public enum Recommendation: String, Sendable, CaseIterable {
    case reclaimFirst = "reclaim-first"
    case waitForAnswer = "wait-for-answer"
    case referToConciliator = "refer-to-conciliator"
    case contentiousAppeal = "contentious-appeal"
    case noAction = "no-action"
}
