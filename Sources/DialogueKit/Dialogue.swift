/// A rule set, loaded from a YAML file: the questions, the decision points, the
/// outcomes, and the law they cite. Everything the interview and `triage` decide
/// comes from here; the Swift code holds no rule of its own.
public final class Dialogue: Sendable {
    public let id: String
    public let version: String
    public let file: String
    public let title: LocalizedText
    public let languages: [String]
    public let start: NodeRef
    public let sources: [Source]
    public let rules: [Rule]
    public let questions: [Question]
    public let branches: [Branch]
    public let outcomes: [Outcome]
    public let computed: [Computed]
    public let outputs: [Output]
    /// Name of each slot: questions first (slot = question index), then computed values.
    public let slotNames: [String]
    /// For each question, the most questions that can still be asked from it, itself
    /// included: "question 3 (6 au plus)".
    public let remainingQuestions: [Int]

    init(id: String, version: String, file: String, title: LocalizedText, languages: [String], start: NodeRef,
         sources: [Source], rules: [Rule], questions: [Question], branches: [Branch], outcomes: [Outcome],
         computed: [Computed], outputs: [Output], slotNames: [String], remainingQuestions: [Int]) {
        self.id = id
        self.version = version
        self.file = file
        self.title = title
        self.languages = languages
        self.start = start
        self.sources = sources
        self.rules = rules
        self.questions = questions
        self.branches = branches
        self.outcomes = outcomes
        self.computed = computed
        self.outputs = outputs
        self.slotNames = slotNames
        self.remainingQuestions = remainingQuestions
    }

    public func question(named name: String) -> Question? {
        questions.first { $0.id == name }
    }

    public func rule(_ id: String) -> Rule? { rules.first { $0.id == id } }
    public func source(_ id: String) -> Source? { sources.first { $0.id == id } }
}

/// Where a transition leads.
public enum NodeRef: Sendable, Hashable {
    case question(Int)
    case branch(Int)
    case outcome(Int)
}

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

public struct Choice: Sendable {
    public let value: String
    public let label: LocalizedText
}

public enum QuestionKind: Sendable {
    case choice([Choice])
    case yesNo
    case date
    /// Free text; `pattern`, when given, is what a valid answer looks like, and
    /// `hint` says it in words.
    case text(pattern: TextPattern?, hint: LocalizedText?)

    public var name: String {
        switch self {
        case .choice: return "choice"
        case .yesNo: return "yes-no"
        case .date: return "date"
        case .text: return "text"
        }
    }

    var valueType: ValueType {
        switch self {
        case .choice, .text: return .string
        case .yesNo: return .bool
        case .date: return .date
        }
    }
}

/// A text question's pattern, compiled once when the dialogue is loaded: answers
/// and triage cases are matched against it, never recompiling it per answer.
/// Immutable; the standard library publishes a regex's compiled program with an
/// atomic compare-and-swap, so one instance can be matched from any thread.
public final class TextPattern: @unchecked Sendable {
    public let source: String
    private let regex: Regex<Substring>

    init?(_ source: String) {
        guard let regex = try? Regex(source, as: Substring.self) else { return nil }
        self.source = source
        self.regex = regex
    }

    /// Whether the whole answer has the expected form.
    public func matches(_ text: String) -> Bool {
        (try? regex.wholeMatch(in: text)) != nil
    }
}

/// A condition that refuses an answer, with the sentence that says why.
public struct Check: Sendable {
    public let rejectIf: Expression
    public let message: LocalizedText
}

public final class Question: Sendable {
    public let id: String
    public let slot: Int
    public let kind: QuestionKind
    public let ask: [Audience: LocalizedText]
    /// A few words naming the answer in summaries ("Date de notification").
    public let label: LocalizedText
    public let help: LocalizedText
    /// The label of "I don't know" when the dialogue accepts it (the answer is null).
    public let unknown: LocalizedText?
    /// What `triage` uses when a case leaves this key out; nil when the key is required.
    public let triageDefault: Value?
    /// When a case may give this key at all (e.g. `overpayment_stage` only for an
    /// overpayment): `triage` refuses a key that makes no sense for the case.
    public let appliesWhen: Expression?
    public let checks: [Check]
    public let next: [Transition]
    public let position: SourcePosition

    init(id: String, slot: Int, kind: QuestionKind, ask: [Audience: LocalizedText], label: LocalizedText, help: LocalizedText,
         unknown: LocalizedText?, triageDefault: Value?, appliesWhen: Expression?, checks: [Check], next: [Transition], position: SourcePosition) {
        self.id = id
        self.slot = slot
        self.kind = kind
        self.ask = ask
        self.label = label
        self.help = help
        self.unknown = unknown
        self.triageDefault = triageDefault
        self.appliesWhen = appliesWhen
        self.checks = checks
        self.next = next
        self.position = position
    }

    public func prompt(_ audience: Audience, _ language: Language) -> String {
        (ask[audience] ?? ask[.self] ?? ask.values.first)?.text(language) ?? id
    }
}

/// One way out of a node. `condition` nil means "otherwise" and is always last.
public final class Transition: Sendable {
    public let condition: Expression?
    public let target: NodeRef
    public let targetName: String
    public let rule: String?
    /// The rule's index in `Dialogue.rules`.
    public let ruleIndex: Int?
    public let position: SourcePosition

    init(condition: Expression?, target: NodeRef, targetName: String, rule: String?, ruleIndex: Int?, position: SourcePosition) {
        self.condition = condition
        self.target = target
        self.targetName = targetName
        self.rule = rule
        self.ruleIndex = ruleIndex
        self.position = position
    }
}

/// A decision point that asks nothing: it routes on what is already known.
public final class Branch: Sendable {
    public let id: String
    public let title: LocalizedText
    public let next: [Transition]
    public let position: SourcePosition

    init(id: String, title: LocalizedText, next: [Transition], position: SourcePosition) {
        self.id = id
        self.title = title
        self.next = next
        self.position = position
    }
}

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

    init(id: String, recommendation: Recommendation, route: String?, letter: LetterKind?, rules: [String], ruleIndices: [Int], set: [(output: Int, value: Expression)],
         title: LocalizedText, summary: LocalizedText, steps: [ConditionalText], parallel: [ConditionalText],
         notes: [ConditionalText], position: SourcePosition) {
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

public struct Computed: Sendable {
    public let name: String
    public let slot: Int
    public let expression: Expression
    /// How the graph and explanations name it ("délai opposable"); optional.
    public let label: LocalizedText?
}

/// A value every result carries (`appeal_deadline`, `wait_until`, …): its default
/// expression, or null when there is none.
public final class Output: Sendable {
    public let name: String
    public let type: ValueType
    public let value: Expression?
    public let label: LocalizedText
    public let position: SourcePosition

    init(name: String, type: ValueType, value: Expression?, label: LocalizedText, position: SourcePosition) {
        self.name = name
        self.type = type
        self.value = value
        self.label = label
        self.position = position
    }
}
