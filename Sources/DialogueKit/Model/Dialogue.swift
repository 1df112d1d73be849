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
    public let outputs: [Output]
    /// Name of each slot: questions first (slot = question index), then computed values.
    public let slotNames: [String]
    /// For each question, the most questions that can still be asked from it, itself
    /// included: "question 3 (6 au plus)".
    public let remainingQuestions: [Int]
    /// How a trainee names each recommendation (`recommendations:` in the file),
    /// in the interface's order; what the quiz asks.
    public let recommendationLabels: [(recommendation: Recommendation, label: LocalizedText)]

    init(
        id: String, version: String, file: String, title: LocalizedText, languages: [String], start: NodeRef,
        sources: [Source], rules: [Rule], questions: [Question], branches: [Branch], outcomes: OutcomeList,
        computed: [Computed], outputs: [Output], slotNames: [String], remainingQuestions: [Int],
        recommendationLabels: [(recommendation: Recommendation, label: LocalizedText)]
    ) {
        self.recommendationLabels = recommendationLabels
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
        self.outputs = outputs
        self.slotNames = slotNames
        self.remainingQuestions = remainingQuestions
    }

    public func question(named name: String) -> Question? {
        questions.first { $0.id == name }
    }

    public func rule(_ id: String) -> Rule? { rules.first { $0.id == id } }

    /// The rules whose routing reads the answer to question `q`, directly or
    /// through a computed value, in the order of the file: why the question is
    /// asked, for `:pourquoi` before the result.
    public func rulesReading(question q: Int, answers: [Value?]? = nil, today: CivilDate? = nil) -> [Rule] {
        var memo: [Int: Bool] = [:]
        func reads(_ slots: [Int]) -> Bool {
            slots.contains { slot in
                if slot == q { return true }
                guard slot >= questions.count else { return false }
                if let known = memo[slot] { return known }
                memo[slot] = false
                let result = reads(computed[slot - questions.count].expression.reads)
                memo[slot] = result
                return result
            }
        }
        // Only what can still be reached from this question, and only the ways out
        // that the answers already given have not ruled out.
        var reachable: Set<NodeRef> = []
        var queue: [NodeRef] = [.question(q)]
        while let node = queue.popLast() {
            guard reachable.insert(node).inserted else { continue }
            switch node {
            case .question(let i): queue += questions[i].next.map(\.target)
            case .branch(let i): queue += branches[i].next.map(\.target)
            case .outcome: break
            }
        }
        let values = answers.flatMap { a in today.map { PathValues(dialogue: self, today: $0, answers: a) } }
        func ruledOut(_ expr: Expr) -> Bool {
            guard let values else { return false }
            if case .binary(.and, let a, let b) = expr { return ruledOut(a) || ruledOut(b) }
            guard let test = try? ExpressionCompiler.test(expr)(values) else { return false }
            return !test
        }
        var transitions: [Transition] = []
        for node in reachable {
            switch node {
            case .question(let i): transitions += questions[i].next
            case .branch(let i): transitions += branches[i].next
            case .outcome: break
            }
        }
        var found: [Int] = []
        for t in transitions {
            guard let index = t.ruleIndex, let condition = t.condition, !found.contains(index), reads(condition.reads),
                !ruledOut(condition.tree)
            else { continue }
            found.append(index)
        }
        return found.sorted().map { rules[$0] }
    }
    public func source(_ id: String) -> Source? { sources.first { $0.id == id } }
}

/// Where a transition leads.
public enum NodeRef: Sendable, Hashable {
    case question(Int)
    case branch(Int)
    case outcome(Int)
}
