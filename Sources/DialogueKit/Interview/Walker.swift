/// One node passed on the way to a result, with the transition taken out of it.
public struct Step: Sendable, Equatable {
    public let node: NodeRef
    /// The answer, for a question.
    public let value: Value?
    /// Index of the transition taken in the node's `next`.
    public let transition: Int
}

extension Dialogue {
    /// The transition a step took, with the rule it applied; nil for an outcome.
    /// The one place that reads it, for the walk's reasons and for `:pourquoi`.
    public func transition(taken step: Step) -> Transition? {
        switch step.node {
        case .question(let q): return questions[q].next[step.transition]
        case .branch(let b): return branches[b].next[step.transition]
        case .outcome: return nil
        }
    }
}

/// Where the dialogue itself is wrong for this case. Only a faulty dialogue file
/// gets here: `conciliation check` proves that the shipped ones never do.
public struct Fault: Error, Sendable, Equatable, CustomStringConvertible {
    public let position: SourcePosition
    public let message: String
    public var description: String { "\(position): \(message)" }
}

/// How a walk through the dialogue ended.
public enum WalkEnd: Sendable {
    /// This question has no answer yet.
    case ask(question: Int)
    /// This question's answer fails one of its checks; the message says why.
    case rejected(question: Int, message: LocalizedText)
    case outcome(Conclusion)
    case fault(Fault)
}

/// Replays answers over the dialogue from its start. A pure function of the
/// dialogue, the answers and today: going back or editing an answer is a replay,
/// so nothing computed from an old answer can survive.
public enum Walker {
    public static func walk(
        _ dialogue: Dialogue, today: CivilDate, answer: (Question) -> Value?
    ) -> (path: [Step], end: WalkEnd) {
        let values = PathValues(dialogue: dialogue, today: today)
        var path: [Step] = []
        path.reserveCapacity(16)
        var node = dialogue.start
        do {
            while true {
                switch node {
                case .question(let q):
                    let question = dialogue.questions[q]
                    guard let value = answer(question) else { return (path, .ask(question: q)) }
                    values.answers[q] = value
                    for check in question.checks where try values.holds(check.rejectIf) {
                        values.answers[q] = nil
                        values.forgetComputed()
                        return (path, .rejected(question: q, message: check.message))
                    }
                    let taken = try choose(question.next, values, at: question.position, name: question.id)
                    path.append(Step(node: node, value: value, transition: taken))
                    node = question.next[taken].target
                case .branch(let b):
                    let branch = dialogue.branches[b]
                    let taken = try choose(branch.next, values, at: branch.position, name: branch.id)
                    path.append(Step(node: node, value: nil, transition: taken))
                    node = branch.next[taken].target
                case .outcome(let o):
                    return (path, .outcome(try conclude(dialogue, o, path, values)))
                }
            }
        } catch {
            return (path, .fault(error))
        }
    }

    private static func choose(_ next: [Transition], _ values: PathValues, at position: SourcePosition, name: String) throws(Fault) -> Int {
        for (i, t) in next.enumerated() {
            guard let condition = t.condition else { return i }
            if try values.holds(condition) { return i }
        }
        throw Fault(position: position, message: "no transition out of `\(name)` applies to this case")
    }

    private static func conclude(_ dialogue: Dialogue, _ o: Int, _ path: [Step], _ values: PathValues) throws(Fault) -> Conclusion {
        let outcome = dialogue.outcomes[o]
        var outputs: [Value] = []
        outputs.reserveCapacity(dialogue.outputs.count)
        for (i, output) in dialogue.outputs.enumerated() {
            if let override = outcome.set.first(where: { $0.output == i }) {
                outputs.append(try values.evaluate(override.value))
            } else if let expression = output.value {
                outputs.append(try values.evaluate(expression))
            } else {
                outputs.append(.null)
            }
        }
        var rules: [Int] = []
        for step in path {
            if let rule = dialogue.transition(taken: step)?.ruleIndex, !rules.contains(rule) { rules.append(rule) }
        }
        for rule in outcome.ruleIndices where !rules.contains(rule) { rules.append(rule) }
        return Conclusion(outcome: o, outputs: outputs, path: path, ruleIndices: rules, answers: values.answers.array)
    }
}
