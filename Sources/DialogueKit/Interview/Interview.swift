/// The interview as a state machine, in the manner of swift-nio's: a state, one
/// mutating function per event, each returning what to show. No I/O, no clock:
/// `today` comes from outside, so a session replays identically in a test.
///
/// A session is the dialogue plus its answers. Every event rewrites the answers and
/// replays them from the start (`Walker`), so going back or editing an early
/// answer cannot leave a stale date or route behind.
public struct Interview: Sendable {
    public enum State: Sendable {
        /// Waiting for the answer to this question.
        case asking(question: Int)
        /// An outcome is reached; answers can still be edited, which reopens the interview.
        case finished(Conclusion)
        /// The dialogue has no way forward for these answers (a faulty file); going
        /// back or editing still works.
        case stuck(Fault)
    }

    /// What the caller should show after an event.
    public enum Action: Sendable {
        /// Ask this question. `rejection` says why the last answer was refused;
        /// `previous` is the answer given before going back, offered as the default.
        case ask(question: Int, progress: Progress, rejection: LocalizedText?, previous: Value?)
        /// Show the result.
        case conclude(Conclusion)
        /// Report a fault of the dialogue.
        case report(Fault)
        /// Going back from the first question: there is nothing to go back to.
        case atFirstQuestion
        /// An answer came while no question is asked (the result is shown, or
        /// the dialogue is stuck): nothing changed.
        case noQuestionAsked
    }

    /// "question 3 (6 au plus)": the number of this question on the path, and the
    /// most the interview can ask in all from here.
    public struct Progress: Sendable, Equatable {
        public let number: Int
        public let atMost: Int
    }

    public let dialogue: Dialogue
    public let today: CivilDate
    /// Active answers by question slot; nil where none is given.
    public private(set) var answers: [Value?]
    /// Answers set aside by going back, offered again as defaults.
    public private(set) var setAside: [Value?]
    /// Question slots in the order they were answered (for the autosave journal).
    public private(set) var order: [Int]
    public private(set) var state: State
    /// The path of the last replay: answered questions and branches, in order.
    public private(set) var path: [Step]
    /// The questions answered on that path, in order, with their answers; kept
    /// with the path (a page reads it several times a request).
    public private(set) var answeredPath: [(question: Int, value: Value)] = []

    /// `setAside` are answers set aside by going back, offered again as defaults:
    /// a page that carries its session in a cookie rebuilds the interview exactly.
    public init(
        dialogue: Dialogue, today: CivilDate, answers: [(question: Int, value: Value)] = [],
        setAside: [(question: Int, value: Value)] = []
    ) {
        self.dialogue = dialogue
        self.today = today
        self.answers = Array(repeating: nil, count: dialogue.questions.count)
        self.setAside = self.answers
        self.order = []
        self.state = .asking(question: 0)
        self.path = []
        for (q, v) in answers {
            self.answers[q] = v
            order.append(q)
        }
        for (q, v) in setAside where self.answers[q] == nil { self.setAside[q] = v }
        _ = replay()
    }

    /// What to show for the interview as it stands, read from its state: the same
    /// as walking the answers again with `replay()`, without the walk (a page
    /// rebuilt from its form has just walked them).
    public var current: Action {
        switch state {
        case .asking(let q): return .ask(question: q, progress: progress(q), rejection: nil, previous: setAside[q])
        case .finished(let result): return .conclude(result)
        case .stuck(let fault): return .report(fault)
        }
    }

    // MARK: Events

    /// Re-evaluates with the current answers; used at start and after `today` changes.
    public mutating func replay() -> Action {
        let (path, end) = Walker.walk(dialogue, today: today) { self.answers[$0.slot] }
        self.path = path
        var answered: [(question: Int, value: Value)] = []
        answered.reserveCapacity(path.count)
        for step in path {
            if case .question(let q) = step.node, let v = step.value { answered.append((q, v)) }
        }
        self.answeredPath = answered
        switch end {
        case .ask(let q):
            state = .asking(question: q)
            return .ask(question: q, progress: progress(q), rejection: nil, previous: setAside[q])
        case .rejected(let q, let message):
            // A kept answer no longer holds (e.g. after an edit): ask it again.
            setAside[q] = answers[q]
            answers[q] = nil
            state = .asking(question: q)
            return .ask(question: q, progress: progress(q), rejection: message, previous: setAside[q])
        case .outcome(let result):
            state = .finished(result)
            return .conclude(result)
        case .fault(let fault):
            state = .stuck(fault)
            return .report(fault)
        }
    }

    /// The answer to the question being asked. A refused answer changes nothing.
    public mutating func answer(_ value: Value) -> Action {
        guard case .asking(let q) = state else { return .noQuestionAsked }
        return set(q, value)
    }

    /// Changes the answer to any question already answered; later answers that still
    /// apply are kept, the others are asked again.
    public mutating func edit(question q: Int, to value: Value) -> Action {
        set(q, value)
    }

    /// After an edit: the questions of `before` (the path's questions before it)
    /// that the interview no longer asks, their answers kept aside, to tell the
    /// person; the question it asks now is asked again, not set aside.
    public func questionsSetAside(since before: [Int]) -> [Int] {
        let after = Set(answeredPath.map(\.question))
        let asked: Int? = if case .asking(let q) = state { q } else { nil }
        return before.filter { !after.contains($0) && $0 != asked }
    }

    private mutating func set(_ q: Int, _ value: Value) -> Action {
        let before = (answers, setAside, order)
        answers[q] = value
        setAside[q] = nil
        order.removeAll { $0 == q }
        order.append(q)
        let action = replay()
        if case .ask(let asked, let progress, let rejection?, _) = action, asked == q {
            (answers, setAside, order) = before
            _ = replay()
            return .ask(question: q, progress: progress, rejection: rejection, previous: nil)
        }
        return action
    }

    /// Goes back to the last question answered on the path; its answer is set aside
    /// and offered as the default.
    public mutating func back() -> Action {
        guard let last = answeredPath.last else { return .atFirstQuestion }
        setAside[last.question] = last.value
        answers[last.question] = nil
        order.removeAll { $0 == last.question }
        return replay()
    }

    /// Starts again from the first question with no answer kept.
    public mutating func restart() -> Action {
        answers = Array(repeating: nil, count: dialogue.questions.count)
        setAside = answers
        order = []
        return replay()
    }

    private func progress(_ q: Int) -> Progress {
        let number = answeredPath.count + 1
        return Progress(number: number, atMost: number - 1 + dialogue.remainingQuestions[q])
    }
}
