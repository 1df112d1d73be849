/// A rule set, loaded from a YAML file: the questions, the decision points, the
/// outcomes, and the law they cite. Everything the interview and `triage` decide
/// comes from here; the Swift code holds no rule of its own.
public struct Dialogue: Sendable {
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
    /// `patternHint` says it in words.
    case text(pattern: String?, hint: LocalizedText?)

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

/// A condition that refuses an answer, with the sentence that says why.
public struct Check: Sendable {
    public let rejectIf: Expression
    public let message: LocalizedText
}

public struct Question: Sendable {
    public let id: String
    public let slot: Int
    public let kind: QuestionKind
    public let ask: [Audience: LocalizedText]
    public let help: LocalizedText
    /// The label of "I don't know" when the dialogue accepts it (the answer is null).
    public let unknown: LocalizedText?
    /// What `triage` uses when a case leaves this key out; nil when the key is required.
    public let triageDefault: Value?
    public let checks: [Check]
    public let next: [Transition]
    public let position: SourcePosition

    public func prompt(_ audience: Audience, _ language: Language) -> String {
        (ask[audience] ?? ask[.self] ?? ask.values.first)?.text(language) ?? id
    }
}

/// One way out of a node. `condition` nil means "otherwise" and is always last.
public struct Transition: Sendable {
    public let condition: Expression?
    public let target: NodeRef
    public let targetName: String
    public let rule: String?
    public let position: SourcePosition
}

/// A decision point that asks nothing: it routes on what is already known.
public struct Branch: Sendable {
    public let id: String
    public let title: LocalizedText
    public let next: [Transition]
    public let position: SourcePosition
}

/// A text shown only when its condition holds (e.g. the deadline has passed).
public struct ConditionalText: Sendable {
    public let condition: Expression?
    public let text: LocalizedText
}

public struct Outcome: Sendable {
    public let id: String
    public let recommendation: Recommendation
    public let route: String?
    public let rules: [String]
    /// Output values this outcome sets, overriding the dialogue's defaults.
    public let set: [(output: Int, value: Expression)]
    public let title: LocalizedText
    public let summary: LocalizedText
    public let steps: [ConditionalText]
    public let parallel: [ConditionalText]
    public let notes: [ConditionalText]
    public let position: SourcePosition
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
}

/// A value every result carries (`appeal_deadline`, `wait_until`, …): its default
/// expression, or null when there is none.
public struct Output: Sendable {
    public let name: String
    public let type: ValueType
    public let value: Expression?
    public let label: LocalizedText
    public let position: SourcePosition
}
