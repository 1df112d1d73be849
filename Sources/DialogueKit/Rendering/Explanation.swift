/// Why the interview stands where it stands, as the terminal's `:pourquoi` and the
/// browser's "Pourquoi ?" both show it. Before the result: the rules that read the
/// question being asked. Then each answer on the path, each decision with the rule
/// it applied, and, once finished, the result's own rules not cited yet.
public struct Explanation: Sendable, Equatable {
    public enum Entry: Sendable, Equatable {
        /// An answer given: the question's slot and the value (`CaseNote.answerText`
        /// words it), so that a page can show one it rendered ahead.
        case answer(question: Int, value: Value)
        /// A decision point (its index in `Dialogue.branches`), shown only when it
        /// applied a rule (the next entry).
        case decision(branch: Int)
        /// A rule applied (its index in `Dialogue.rules`), with its sources
        /// (`Dialogue.source`): a page shows the one it rendered ahead.
        case rule(index: Int)
    }

    /// The question being asked and the rules that read it; nil after the result.
    public let asked: (question: Int, rules: [Rule])?
    public let entries: [Entry]

    public init(_ interview: Interview) {
        let dialogue = interview.dialogue
        if case .asking(let q) = interview.state {
            asked = (q, dialogue.rulesReading(question: q, answers: interview.answers, today: interview.today))
        } else {
            asked = nil
        }
        var entries: [Entry] = []
        var cited = [Bool](repeating: false, count: dialogue.rules.count)
        for step in interview.path {
            guard let transition = dialogue.transition(taken: step) else { continue }
            switch step.node {
            case .question(let q):
                if let v = step.value { entries.append(.answer(question: q, value: v)) }
            case .branch(let b):
                if transition.rule != nil { entries.append(.decision(branch: b)) }
            case .outcome:
                continue
            }
            if let index = transition.ruleIndex {
                entries.append(.rule(index: index))
                cited[index] = true
            }
        }
        if case .finished(let result) = interview.state {
            for index in result.ruleIndices where !cited[index] {
                entries.append(.rule(index: index))
            }
        }
        self.entries = entries
    }
}

extension Explanation {
    /// The same question, the same rules (by id) and the same entries.
    public static func == (a: Explanation, b: Explanation) -> Bool {
        a.asked?.question == b.asked?.question && a.asked?.rules.map(\.id) == b.asked?.rules.map(\.id) && a.entries == b.entries
    }
}
