/// The values of a case as far as the walk has gone: only what was answered on
/// this path can be read, so an answer left over from another path never leaks in.
/// A computed value, once known, is kept: its inputs can no longer change.
package final class PathValues {
    /// Slots read on every evaluation. Held in memory the class owns rather than in
    /// array properties: an array property of a class pays a run-time exclusivity
    /// check on each access, 14% of `conciliation check`'s instructions when
    /// measured. Only this class reaches the memory, and it is never shared
    /// between threads.
    package struct Slots {
        fileprivate let base: UnsafeMutablePointer<Value?>
        let count: Int

        package subscript(_ i: Int) -> Value? {
            get { base[i] }
            nonmutating set { base[i] = newValue }
        }

        var array: [Value?] { Array(UnsafeBufferPointer(start: base, count: count)) }
    }

    let dialogue: Dialogue
    let today: CivilDate
    package let answers: Slots
    private let memo: Slots
    /// The computed values' compiled expressions: the dialogue's, or a set of
    /// one's own, so that two threads evaluating at once count no reference to
    /// the same closure (a shared count moves between cores on each call).
    private let computedValues: [StoredValue]

    /// One allocation for the answers and the computed values, made once per case.
    package init(dialogue: Dialogue, today: CivilDate, answers: [Value?]? = nil, computedValues: [StoredValue]? = nil) {
        self.dialogue = dialogue
        self.today = today
        self.computedValues = computedValues ?? dialogue.computedValues
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

    package func value(ofSlot slot: Int) throws(EvaluationError) -> Value {
        if slot < answers.count {
            guard let v = answers[slot] else { throw .unset(slot: slot) }
            return v
        }
        let index = slot - answers.count
        if let known = memo[index] { return known }
        let v = try computedValues[index].evaluate(self)
        memo[index] = v
        return v
    }

    /// A refused answer may have fed a computed value already read by a check.
    package func forgetComputed() {
        for i in 0..<memo.count { memo[i] = nil }
    }

    /// Forgets only the computed values listed (indices among the computed
    /// values): those that read the one answer changed.
    package func forgetComputed(_ indices: [Int]) {
        for i in indices { memo[i] = nil }
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
