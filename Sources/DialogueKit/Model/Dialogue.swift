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
    public var outcomes: [Outcome] { outcomeList.outcomes }
    private let outcomeList: OutcomeList
    public let computed: [Computed]
    /// Each computed value's compiled expression, apart: evaluating one then
    /// copies no `Computed` (its name and label), on every evaluation.
    package let computedValues: [StoredValue]
    public let outputs: [Output]
    /// Name of each slot: questions first (slot = question index), then computed values.
    public let slotNames: [String]
    /// For each question, the most questions that can still be asked from it, itself
    /// included: "question 3 (6 au plus)".
    public let remainingQuestions: [Int]
    /// How a trainee names each recommendation (`recommendations:` in the file),
    /// in the interface's order; what the quiz asks.
    public let recommendationLabels: [(recommendation: Recommendation, label: LocalizedText)]
    /// The era's words in letters (`letters:` in the file).
    public let letterTerms: LetterTerms
    /// Each question's slot and each rule's index by id: a page looks up every
    /// answer it carries, and a result every rule it cites, by id.
    private let slotsByID: [String: Int]
    private let rulesByID: [String: Int]

    init(
        id: String, version: String, file: String, title: LocalizedText, languages: [String], start: NodeRef,
        sources: [Source], rules: [Rule], questions: [Question], branches: [Branch], outcomes: OutcomeList,
        computed: [Computed], outputs: [Output], slotNames: [String], remainingQuestions: [Int],
        recommendationLabels: [(recommendation: Recommendation, label: LocalizedText)], letterTerms: LetterTerms
    ) {
        self.recommendationLabels = recommendationLabels
        self.letterTerms = letterTerms
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
        self.outcomeList = outcomes
        self.computed = computed
        self.computedValues = computed.map { StoredValue($0.expression.evaluate) }
        self.outputs = outputs
        self.slotNames = slotNames
        self.remainingQuestions = remainingQuestions
        var slots: [String: Int] = [:]
        for (slot, question) in questions.enumerated() where slots[question.id] == nil { slots[question.id] = slot }
        self.slotsByID = slots
        var ruleIndices: [String: Int] = [:]
        for (index, rule) in rules.enumerated() where ruleIndices[rule.id] == nil { ruleIndices[rule.id] = index }
        self.rulesByID = ruleIndices
    }

    public func question(named name: String) -> Question? {
        slotsByID[name].map { questions[$0] }
    }

    public func rule(_ id: String) -> Rule? { rulesByID[id].map { rules[$0] } }

    /// The rules whose routing reads the answer to question `q`, directly or
    /// through a computed value, in the order of the file: why the question is
    /// asked, for `:pourquoi` before the result.
    public func rulesReading(question q: Int, answers: [Value?]? = nil, today: CivilDate? = nil) -> [Rule] {
        let readings = QuestionReadings(dialogue: self, question: q)
        guard let answers, let today else { return readings.rules }
        return readings.applying(answers: answers, today: today)
    }

    public func source(_ id: String) -> Source? { sources.first { $0.id == id } }
}

/// Where a transition leads.
public enum NodeRef: Sendable, Hashable {
    case question(Int)
    case branch(Int)
    case outcome(Int)
}
