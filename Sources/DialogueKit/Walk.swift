/// One node passed on the way to a result, with the transition taken out of it.
public struct Step: Sendable, Equatable {
    public let node: NodeRef
    /// The answer, for a question.
    public let value: Value?
    /// Index of the transition taken in the node's `next`.
    public let transition: Int
}

/// Where the dialogue itself is wrong for this case. Only a faulty dialogue file
/// gets here: `conciliation check` proves that the shipped ones never do.
public struct Fault: Error, Sendable, Equatable, CustomStringConvertible {
    public let position: SourcePosition
    public let message: String
    public var description: String { "\(position): \(message)" }
}

/// The values of a case as far as the walk has gone: only what was answered on
/// this path can be read, so an answer left over from another path never leaks in.
/// A computed value, once known, is kept: its inputs can no longer change.
final class PathValues {
    /// Slots read on every evaluation. Held in memory the class owns rather than in
    /// array properties: an array property of a class pays a run-time exclusivity
    /// check on each access, 14% of `conciliation check`'s instructions when
    /// measured. Only this class reaches the memory, and it is never shared
    /// between threads.
    struct Slots {
        fileprivate let base: UnsafeMutablePointer<Value?>
        let count: Int

        subscript(_ i: Int) -> Value? {
            get { base[i] }
            nonmutating set { base[i] = newValue }
        }

        var array: [Value?] { Array(UnsafeBufferPointer(start: base, count: count)) }
    }

    let dialogue: Dialogue
    let today: CivilDate
    let answers: Slots
    private let memo: Slots

    /// One allocation for the answers and the computed values, made once per case.
    init(dialogue: Dialogue, today: CivilDate, answers: [Value?]? = nil) {
        self.dialogue = dialogue
        self.today = today
        let questions = dialogue.questions.count, computed = dialogue.computed.count
        let base = UnsafeMutablePointer<Value?>.allocate(capacity: max(questions + computed, 1))
        if let answers {
            base.initialize(from: answers, count: questions)
        } else {
            base.initialize(repeating: nil, count: questions)
        }
        (base + questions).initialize(repeating: nil, count: computed)
        self.answers = Slots(base: base, count: questions)
        self.memo = Slots(base: base + questions, count: computed)
    }

    deinit {
        answers.base.deinitialize(count: answers.count + memo.count)
        answers.base.deallocate()
    }

    func value(ofSlot slot: Int) throws(EvaluationError) -> Value {
        if slot < answers.count {
            guard let v = answers[slot] else { throw .unset(slot: slot) }
            return v
        }
        let index = slot - answers.count
        if let known = memo[index] { return known }
        let v = try dialogue.computed[index].expression.evaluate(self)
        memo[index] = v
        return v
    }

    /// A refused answer may have fed a computed value already read by a check.
    func forgetComputed() {
        for i in 0..<memo.count { memo[i] = nil }
    }

    func describe(_ error: EvaluationError, in expression: Expression) -> String {
        switch error {
        case .unset(let slot):
            return "`\(expression.source)` reads `\(dialogue.slotNames[slot])`, which is not set on this path"
        case .unknownValue(let slot):
            let name = slot.map { "`\(dialogue.slotNames[$0])`" } ?? "a value"
            return "`\(expression.source)`: \(name) is unknown (null) here; test it with known(…) first"
        }
    }

    func evaluate(_ expression: Expression) throws(Fault) -> Value {
        do {
            return try expression.evaluate(self)
        } catch {
            throw Fault(position: expression.position, message: describe(error, in: expression))
        }
    }

    func holds(_ expression: Expression) throws(Fault) -> Bool {
        do {
            return try expression.test(self)
        } catch {
            throw Fault(position: expression.position, message: describe(error, in: expression))
        }
    }
}

/// How a walk through the dialogue ended.
public enum WalkEnd: Sendable {
    /// This question has no answer yet.
    case ask(question: Int)
    /// This question's answer fails one of its checks; the message says why.
    case rejected(question: Int, message: LocalizedText)
    case outcome(Result)
    case fault(Fault)
}

/// The result of an interview or of a triaged case: the outcome, the values it
/// gives, and the path that led there, from which every reason is derived.
public struct Result: Sendable {
    public let outcome: Int
    /// Indexed like `Dialogue.outputs`.
    public let outputs: [Value]
    public let path: [Step]
    /// Indices in `Dialogue.rules` of the rules that applied, in order, each once.
    public let ruleIndices: [Int]
    /// The answers on the path, by question slot (nil when not on the path); texts
    /// and computed values are rendered from them.
    public let answers: [Value?]

    /// Ids of the rules that applied, in order.
    public func rules(in dialogue: Dialogue) -> [String] { ruleIndices.map { dialogue.rules[$0].id } }
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

    private static func conclude(_ dialogue: Dialogue, _ o: Int, _ path: [Step], _ values: PathValues) throws(Fault) -> Result {
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
            let transition: Transition
            switch step.node {
            case .question(let q): transition = dialogue.questions[q].next[step.transition]
            case .branch(let b): transition = dialogue.branches[b].next[step.transition]
            case .outcome: continue
            }
            if let rule = transition.ruleIndex, !rules.contains(rule) { rules.append(rule) }
        }
        for rule in outcome.ruleIndices where !rules.contains(rule) { rules.append(rule) }
        return Result(outcome: o, outputs: outputs, path: path, ruleIndices: rules, answers: values.answers.array)
    }
}
