/// The rules that may be why a question is asked, found once: those on the ways
/// out that can still be reached from the question and whose condition reads its
/// answer, directly or through a computed value. Which of them still apply
/// depends on the answers given (`applying(answers:today:)`); a page that asks
/// that at every request keeps one of these per question from its start.
public struct QuestionReadings: Sendable {
    /// A way out that may read the answer: its rule and its condition's parts
    /// (the operands of its `and`s), each compiled once.
    private struct Candidate: Sendable {
        let rule: Int
        let parts: [StoredTest]
    }

    private let dialogue: Dialogue
    private let candidates: [Candidate]

    public init(dialogue: Dialogue, question q: Int) {
        self.dialogue = dialogue
        let questions = dialogue.questions
        var memo: [Int: Bool] = [:]
        func reads(_ slots: [Int]) -> Bool {
            slots.contains { slot in
                if slot == q { return true }
                guard slot >= questions.count else { return false }
                if let known = memo[slot] { return known }
                memo[slot] = false
                let result = reads(dialogue.computed[slot - questions.count].expression.reads)
                memo[slot] = result
                return result
            }
        }
        var reachable: Set<NodeRef> = []
        var queue: [NodeRef] = [.question(q)]
        var candidates: [Candidate] = []
        while let node = queue.popLast() {
            guard reachable.insert(node).inserted else { continue }
            let next: [Transition]
            switch node {
            case .question(let i): next = questions[i].next
            case .branch(let i): next = dialogue.branches[i].next
            case .outcome: next = []
            }
            queue += next.map(\.target)
            for t in next {
                guard let rule = t.ruleIndex, let condition = t.condition, reads(condition.reads) else { continue }
                candidates.append(
                    Candidate(rule: rule, parts: QuestionReadings.parts(of: condition.tree).map { StoredTest(ExpressionCompiler.test($0)) })
                )
            }
        }
        self.candidates = candidates
    }

    /// Every rule that may read the answer, whatever the answers, in the order of the file.
    public var rules: [Rule] {
        Set(candidates.map(\.rule)).sorted().map { dialogue.rules[$0] }
    }

    /// The rules that may still read the answer: a way out is ruled out when a part
    /// of its condition is false with the answers given; a part that cannot be
    /// told (an unknown, an answer not given yet) rules nothing out.
    public func applying(answers: [Value?], today: CivilDate) -> [Rule] {
        ruleIndices(answers: answers, today: today).map { dialogue.rules[$0] }
    }

    /// `applying` as indices in `Dialogue.rules`, in order.
    public func ruleIndices(answers: [Value?], today: CivilDate) -> [Int] {
        let values = PathValues(dialogue: dialogue, today: today, answers: answers)
        var found = [Bool](repeating: false, count: dialogue.rules.count)
        for candidate in candidates where !found[candidate.rule] {
            found[candidate.rule] = !candidate.parts.contains { part in (try? part.test(values)) == false }
        }
        return found.indices.filter { found[$0] }
    }

    private static func parts(of expr: Expr) -> [Expr] {
        if case .binary(.and, let a, let b) = expr { return parts(of: a) + parts(of: b) }
        return [expr]
    }
}
