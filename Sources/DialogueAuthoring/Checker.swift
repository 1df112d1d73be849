import DialogueKit
import Dispatch

/// A static verification of a dialogue over every combination of answers, grouped
/// into classes that no guard can tell apart:
///
/// - a choice's values by how every literal comparison treats them;
/// - a date by where each computed date that reads it, compared with today by a
///   guard or check and read by something still reachable, crosses "today": one
///   day for each class those crossings make (its first, the crossing day itself),
///   under several todays (a weekday, a Saturday, after Christmas, after Easter
///   Monday with Alsace's Good Friday, after a leap day), so weekend and holiday
///   extensions are exercised;
/// - yes/no, "unknown" (null), and text by the literals compared with it.
///
/// The walk is memoised on what the rest of the dialogue can still observe: the
/// residue of every guard, check and shown value on the nodes still reachable
/// (of a text's condition, only where it fails or shows a value that has none),
/// once the answers already given are folded in (see `ResidueFolder`). A node is
/// still reachable through a transition only if some answers still to come make
/// it the first that holds. Answers that no reachable node reads, or reads only
/// through a settled test, stop splitting the exploration, so its cost follows
/// the dialogue, not its paths. A node from which no question can be asked is not
/// keyed: from it the walk follows one path to an outcome.
public struct Checker {
    public struct Report: Sendable {
        public var errors: [DialogueError] = []
        /// Distinct paths from the first question to an outcome, over every class.
        public var paths: Double = 0
        /// Answer classes explored (question × class), over every today.
        public var classes = 0
        public var todays = 0
    }

    /// The days the exploration stands on.
    public static let todays: [CivilDate] = ["2026-11-23", "2026-12-05", "2026-12-28", "2027-03-30", "2028-03-01"]
        .map { CivilDate(iso: $0)! }

    let dialogue: Dialogue
    private let nodeCount: Int
    private var report = Report()
    /// Which nodes the walk has reached, by index.
    private var reached: [Bool] = []
    private var seenErrors: Set<String> = []
    private var memo: [MemoKey: Double] = [:]
    private var values: PathValues
    private var stack: [(question: Int, value: Value)] = []
    private var today: CivilDate
    private var dateCandidates: [DateKey: [Value]] = [:]
    private var crossingDays: [CrossingKey: [Int]] = [:]
    private var comboDays: [ComboKey: [Int]] = [:]
    /// For each question, the computed values that read it, through others
    /// too (indices among the computed values): what changing it forgets.
    private var readers: [[Int]] = []
    /// For each question, the computed dates that read it (empty but for dates).
    /// Each is the computed date's slot, the other questions it reads, its
    /// root in the folder, and whether it moves only forward with the date.
    private var dependents: [[Dependent]] = []
    private var folder: ResidueFolder
    private var fixedCandidates: [[Value]] = []
    private var templateCache: [SourcePosition: [Int]] = [:]
    private var outcomeChecks: [OutcomeCheck] = []
    /// Each question's checks, and each node's guards with the node each leads
    /// to (no test for "otherwise"), gathered for each today's checker: the
    /// walk then copies no question, check or transition (each copy retains
    /// its texts), and its closures are its own (see `compileWalk`).
    private var checks: [[StoredTest]] = []
    private var guards: [[Guard]] = []
    private var computedValues: [StoredValue] = []
    private var asksDate: [Bool] = []
    private var takeable: [TakeableKey: Int] = [:]
    /// The last answer of `lastTakeable` at each node, for the residues it was
    /// asked about: most walks meet the same guards as the walk before.
    private var recentTakeable: [(residues: [Int32], last: Int)] = []
    /// The nodes the last key of a date question reached, with the node and
    /// the folder's clock then: its classes read them without walking again.
    private var lastWalk: (node: Int, clock: Int, nodes: [Int]) = (-1, -1, [])
    /// The walk's lists, kept between walks so that a key allocates none.
    private var walkBuffers: (pending: [Int], earlier: [Int32]) = ([], [])
    /// The nodes the last walk reached, each also marked in `visited` until
    /// `endWalk()`.
    private var walked: [Int] = []
    private var guardInputs: [SourcePosition: [Int]] = [:]
    /// The distinct things observed anywhere: a test whose outcome matters, or a
    /// value that must only be computable. The same guard or shown value on many
    /// nodes is one unit, worked out and keyed once.
    private var units: [Unit] = []
    private var unitNumbers: [Unit: Int] = [:]
    private var unitRoots: [Int] = []
    /// For each node, its units in the order the memo key lists them, with where a
    /// transition's guard leads (-1 for none): node `n`'s are
    /// `observedStart[n]..<observedStart[n + 1]`, in one array, so that the walk
    /// retains no list of its own at each node.
    private var observed: [(unit: Int, target: Int)] = []
    private var observedStart: [Int] = [0]
    /// The same for its transitions only, what the walk settles: node `n`'s
    /// are `transitionStart[n]..<transitionStart[n + 1]` in `transitionUnits`.
    private var transitionUnits: [(unit: Int, target: Int)] = []
    private var transitionStart: [Int] = [0]
    /// For each unit, the nodes that observe it: unit `u`'s are
    /// `observerStart[u]..<observerStart[u + 1]` in `observers`. A key asks
    /// whether one was reached, rather than the walk marking every unit of
    /// every node it reaches (most are an outcome's texts, which no key reads).
    private var observers: [Int] = []
    private var observerStart: [Int] = [0]
    /// Each unit's entry in the memo key, whether it is a guard settled false,
    /// and when it was worked out; worked out again only once one of its inputs
    /// has changed since.
    private var settled: [(entry: Int32, cuts: Bool, at: Int)] = []
    /// The units `reachedRoots` has listed, marked so that each is listed once.
    private var unitMarked: [Bool] = []
    private var markedUnits: [Int] = []
    private var visited: [Bool] = []
    /// For each node, the units met at it or after it that read a question which
    /// can be answered before it: the only ones whose residue can differ between
    /// two states at the node. The others read only answers still to come.
    private var relevant: [[Int]] = []
    /// How many nodes may follow a node for its memo key to walk ahead and drop
    /// the units that settled guards cut off; past it, every relevant unit is
    /// listed, which is sound, only coarser. Keeps the cost per key bounded on
    /// long dialogues; the shipped ones have under 40 nodes.
    private static let horizon = 256
    /// Whether the nodes reachable from each node are within the horizon.
    private var walkAhead: [Bool] = []
    /// Whether each node is worth a memo key: whether a question can be asked
    /// from it, itself included. Past the last question the walk evaluates one
    /// path to an outcome, which costs less than a key that folds every unit
    /// still reachable.
    private var keyed: [Bool] = []

    private struct Guard {
        let test: CompiledTest?
        let target: Int
    }

    private struct Dependent {
        let slot: Int
        let others: [Int]
        let residual: Int
        let monotone: Bool
    }

    private struct CrossingKey: Hashable {
        let question: Int
        let dependent: Int
        /// The residue of that computed date.
        let formula: Int32
    }

    /// A computed date as a function of one date question, the other answers
    /// folded in.
    private struct ComboKey: Hashable {
        let question: Int
        let computed: Int
        let residue: Int32
    }

    private struct DateKey: Hashable {
        let question: Int
        /// The residue of each computed date reading the question.
        let dependents: [Int32]
    }

    private struct Unit: Hashable {
        let tree: Expr
        /// Whether its outcome matters, or only whether it can be computed.
        let truth: Bool
    }

    private struct ShownText {
        let condition: CompiledTest?
        let slots: [Int]
    }

    private struct OutcomeCheck {
        /// What is evaluated, compiled for this checker alone.
        let values: [StoredValue]
        let texts: [ShownText]
        /// The expressions and texts behind them, read only to report a problem.
        let expressions: [Expression]
        let conditions: [Expression?]
        let positions: [SourcePosition]
    }

    private struct MemoKey: Hashable {
        let node: Int
        let values: [Int32]
        /// A mix of the residues made as they were listed (FNV-1a, a word at
        /// a time): the dictionary then hashes one word, not the whole list.
        let mixed: UInt64

        func hash(into h: inout Hasher) {
            h.combine(node)
            h.combine(mixed)
        }

        static func == (a: MemoKey, b: MemoKey) -> Bool {
            a.mixed == b.mixed && a.node == b.node && a.values == b.values
        }
    }

    public init(dialogue: Dialogue) {
        self.dialogue = dialogue
        self.nodeCount = dialogue.questions.count + dialogue.branches.count + dialogue.outcomes.count
        self.today = Checker.todays[0]
        self.values = PathValues(dialogue: dialogue, today: today)
        self.folder = ResidueFolder(dialogue: dialogue)
        self.reached = Array(repeating: false, count: nodeCount)
    }

    /// Checks each today on its own checker, as many at once as there are cores,
    /// then merges them in the order of `todays`, so that the report (and the
    /// counterexample kept for each problem) is the same however they ran.
    public static func check(_ dialogue: Dialogue) -> Report {
        let days = Checker.todays
        let parts = UnsafeMutableBufferPointer<Checker?>.allocate(capacity: days.count)
        parts.initialize(repeating: nil)
        defer {
            _ = parts.deinitialize()
            parts.deallocate()
        }
        var prepared = Checker(dialogue: dialogue)
        prepared.prepare()
        // Each iteration writes its own element only, and copies `prepared`, whose
        // one shared reference (the path values) `explore(day:)` replaces.
        nonisolated(unsafe) let shared = parts, base = prepared
        DispatchQueue.concurrentPerform(iterations: days.count) { i in
            var checker = base
            checker.explore(day: days[i])
            shared[i] = checker
        }
        var merged = Checker(dialogue: dialogue)
        for part in parts { merged.absorb(part!) }
        return merged.finish()
    }

    /// What every today shares: answer classes, units, and which units each
    /// node's memo key may list.
    private mutating func prepare() {
        let literal = literalTests()
        fixedCandidates = dialogue.questions.map { fixedClasses($0, literal) }
        for n in 0..<nodeCount {
            observed += observationsOf(n).map { ($0.unit, $0.target ?? -1) }
            observedStart.append(observed.count)
        }
        transitionUnits = observed.filter { $0.target >= 0 }
        for n in 0..<nodeCount {
            transitionStart.append(transitionStart[n] + observed[observedStart[n]..<observedStart[n + 1]].count { $0.target >= 0 })
        }
        var observedBy = Array(repeating: [Int](), count: units.count)
        for n in 0..<nodeCount {
            for (u, _) in observed[observedStart[n]..<observedStart[n + 1]] where observedBy[u].last != n { observedBy[u].append(n) }
        }
        for nodes in observedBy {
            observers += nodes
            observerStart.append(observers.count)
        }
        unitRoots = units.map { folder.add($0.tree) }
        relevant = relevantUnits(inputs: unitRoots.map(folder.inputs))
        asksDate = dialogue.questions.map { $0.kind.valueType == .date }
        walkAhead = withinHorizon()
        keyed = Array(repeating: false, count: nodeCount)
        for n in topologicalOrder().reversed() {
            keyed[n] = n < dialogue.questions.count || successors(n).contains { keyed[$0] }
        }
        readers = dialogue.questions.map { q in
            dialogue.computed.indices.filter { questionReads(dialogue.computed[$0].expression).contains(q.slot) }
        }
        let comparedWithToday = computedComparedWithToday()
        for q in dialogue.questions {
            let dates =
                q.kind.valueType != .date
                ? []
                : dialogue.computed
                    .filter {
                        $0.expression.type == .date && comparedWithToday.contains($0.slot)
                            && questionReads($0.expression).contains(q.slot)
                    }
            dependents.append(
                dates.map { c in
                    Dependent(
                        slot: c.slot, others: questionReads(c.expression).subtracting([q.slot]).sorted(),
                        residual: folder.add(.variable(c.slot)), monotone: monotone(c.expression.tree, in: q.slot))
                })
        }
        unitMarked = Array(repeating: false, count: units.count)
        visited = Array(repeating: false, count: nodeCount)
        recentTakeable = Array(repeating: ([], -2), count: nodeCount)
        settled = Array(repeating: (0, false, -1), count: units.count)
    }

    /// Explores every combination of answers, standing on `day`.
    private mutating func explore(day: CivilDate) {
        today = day
        compileWalk()
        values = PathValues(dialogue: dialogue, today: day, computedValues: computedValues)
        report.paths = explore(index(dialogue.start))
        report.todays = 1
    }

    /// Compiles what the walk evaluates for this checker alone: the checkers
    /// of several todays run at once, and closures they shared would have
    /// their reference counts moved between cores at every call (before,
    /// the same work took 7% less processor time pinned to one core than
    /// spread over two).
    private mutating func compileWalk() {
        func compiled(_ e: Expression) -> CompiledTest { ExpressionCompiler.test(e.tree) }
        checks = (0..<nodeCount).map { n in
            n < dialogue.questions.count ? dialogue.questions[n].checks.map { StoredTest(compiled($0.rejectIf)) } : []
        }
        guards = (0..<nodeCount).map { n in transitions(of: n).map { Guard(test: $0.condition.map(compiled), target: index($0.target)) } }
        computedValues = dialogue.computed.map { StoredValue(ExpressionCompiler.value($0.expression.tree)) }
        outcomeChecks = dialogue.outcomes.indices.map { outcomeCheck($0) }
        folder.compileAgain()
    }

    private mutating func absorb(_ other: Checker) {
        for e in other.report.errors { fail(e.position, e.message) }
        report.paths += other.report.paths
        report.classes += other.report.classes
        report.todays += other.report.todays
        for n in reached.indices where other.reached[n] { reached[n] = true }
    }

    private mutating func finish() -> Report {
        for q in dialogue.questions where !reached[index(.question(q.slot))] {
            fail(q.position, "question `\(q.id)` is never asked: no combination of answers leads to it")
        }
        for (i, o) in dialogue.outcomes.enumerated() where !reached[index(.outcome(i))] {
            fail(o.position, "outcome `\(o.id)` is never reached: no combination of answers leads to it")
        }
        report.errors += DateReach.problems(in: dialogue)
        report.errors.sort { ($0.position.line, $0.position.column) < ($1.position.line, $1.position.column) }
        return report
    }

    // MARK: Nodes

    private func index(_ ref: NodeRef) -> Int {
        switch ref {
        case .question(let q): return q
        case .branch(let b): return dialogue.questions.count + b
        case .outcome(let o): return dialogue.questions.count + dialogue.branches.count + o
        }
    }

    private func ref(_ index: Int) -> NodeRef {
        let q = dialogue.questions.count, b = dialogue.branches.count
        if index < q { return .question(index) }
        if index < q + b { return .branch(index - q) }
        return .outcome(index - q - b)
    }

    // MARK: What each node reads

    /// Question slots an expression reads, through computed values too.
    private func questionReads(_ e: Expression) -> Set<Int> {
        var out: Set<Int> = []
        var pending = e.reads
        var seen: Set<Int> = []
        while let slot = pending.popLast() {
            guard seen.insert(slot).inserted else { continue }
            if slot < dialogue.questions.count {
                out.insert(slot)
            } else {
                pending += dialogue.computed[slot - dialogue.questions.count].expression.reads
            }
        }
        return out
    }

    // MARK: What each node observes

    /// The ways out of a node; none for an outcome.
    private func transitions(of index: Int) -> [Transition] {
        switch ref(index) {
        case .question(let q): return dialogue.questions[q].next
        case .branch(let b): return dialogue.branches[b].next
        case .outcome: return []
        }
    }

    private func successors(_ index: Int) -> [Int] {
        transitions(of: index).map { self.index($0.target) }
    }

    private func topologicalOrder() -> [Int] {
        var order: [Int] = []
        var state = [UInt8](repeating: 0, count: nodeCount)
        var stack: [(Int, Bool)] = [(index(dialogue.start), false)]
        while let (n, done) = stack.popLast() {
            if done { order.append(n); continue }
            guard state[n] == 0 else { continue }
            state[n] = 1
            stack.append((n, true))
            for s in successors(n) where state[s] == 0 { stack.append((s, false)) }
        }
        return order.reversed()
    }

    private func withinHorizon() -> [Bool] {
        let words = (nodeCount + 63) / 64
        var reach = Array(repeating: [UInt64](repeating: 0, count: words), count: nodeCount)
        var within = Array(repeating: false, count: nodeCount)
        for n in topologicalOrder().reversed() {
            reach[n][n / 64] |= 1 << UInt64(n % 64)
            for s in successors(n) { for w in 0..<words { reach[n][w] |= reach[s][w] } }
            within[n] = reach[n].reduce(0) { $0 + $1.nonzeroBitCount } <= Checker.horizon
        }
        return within
    }

    /// `relevant`, in one pass from the outcomes back: a unit that reads nothing
    /// answerable before a node reads nothing answerable before its predecessors
    /// either, so each node's list stays as short as what it can tell apart.
    /// `inputs`: for each unit, the questions whose answers can change it.
    private func relevantUnits(inputs: [[Int]]) -> [[Int]] {
        let order = topologicalOrder()
        let words = (dialogue.questions.count + 63) / 64
        var ancestors = Array(repeating: [UInt64](repeating: 0, count: words), count: nodeCount)
        for n in order {
            var carried = ancestors[n]
            if n < dialogue.questions.count { carried[n / 64] |= 1 << UInt64(n % 64) }
            for s in successors(n) { for w in 0..<words { ancestors[s][w] |= carried[w] } }
        }
        var after = Array(repeating: Set<Int>(), count: nodeCount)
        for n in order.reversed() {
            after[n] = Set(observed[observedStart[n]..<observedStart[n + 1]].map(\.unit))
            for s in successors(n) { after[n].formUnion(after[s]) }
            after[n] = after[n].filter { u in inputs[u].contains { ancestors[n][$0 / 64] & (1 << UInt64($0 % 64)) != 0 } }
        }
        return after.map { $0.sorted() }
    }

    private mutating func observationsOf(_ n: Int) -> [(unit: Int, target: Int?)] {
        func unit(_ tree: Expr, truth: Bool) -> Int {
            let u = Unit(tree: tree, truth: truth)
            if let known = unitNumbers[u] { return known }
            units.append(u)
            unitNumbers[u] = units.count - 1
            return units.count - 1
        }
        func test(_ e: Expression, to target: NodeRef? = nil) -> (unit: Int, target: Int?) {
            (unit(e.tree, truth: true), target.map(index))
        }
        func computable(_ e: Expr) -> (unit: Int, target: Int?) {
            (unit(e, truth: false), nil)
        }
        func transitions(_ next: [Transition]) -> [(unit: Int, target: Int?)] {
            next.map { t in t.condition.map { test($0, to: t.target) } ?? (unit(.literal(.bool(true)), truth: true), index(t.target)) }
        }
        switch ref(n) {
        case .question(let q):
            return dialogue.questions[q].checks.map { test($0.rejectIf) } + transitions(dialogue.questions[q].next)
        case .branch(let b):
            return transitions(dialogue.branches[b].next)
        case .outcome(let o):
            let outcome = dialogue.outcomes[o]
            let items = outcome.steps + outcome.parallel + outcome.notes
            var found = (outcome.set.map(\.value) + dialogue.outputs.compactMap(\.value)).map { computable($0.tree) }
            // A text's condition matters only where evaluating it fails, or where
            // it decides whether a value shown without one is shown: observed as
            // that (`not c` fails where the condition does; `if c then (known(v)
            // or true) else true`, true wherever it can be evaluated, fails where
            // the condition does, or where it holds and computing `v` fails),
            // two states it tells apart only by which texts are shown, or by the
            // value shown, are one.
            for item in items {
                let slots = shownSlots(item.text)
                guard let c = item.condition else {
                    found += slots.map { computable(.variable($0)) }
                    continue
                }
                found.append(computable(.not(c.tree)))
                found += slots.map {
                    computable(
                        .conditional(c.tree, .binary(.or, .call(.known, [.variable($0)]), .literal(.bool(true))), .literal(.bool(true))))
                }
            }
            for text in [outcome.title, outcome.summary] {
                found += shownSlots(text).map { computable(.variable($0)) }
            }
            return found
        }
    }

    // MARK: Answer classes

    /// Literal comparisons made with each question anywhere in the dialogue, in one
    /// pass; a question used any other way is `opaque` (its values are kept apart).
    private func literalTests() -> (tests: [Int: [[Value]]], opaque: Set<Int>) {
        var tests: [Int: [[Value]]] = [:]
        var opaque: Set<Int> = []
        func visit(_ e: Expr) {
            switch e {
            case .binary(let op, .variable(let s), let rhs) where [.equal, .notEqual, .isIn, .notIn].contains(op):
                switch rhs {
                case .literal(let v): tests[s, default: []].append([v])
                case .list(let vs): tests[s, default: []].append(vs)
                default: opaque.insert(s); visit(rhs)
                }
            case .variable(let s): opaque.insert(s)
            case .not(let a): visit(a)
            case .binary(_, let a, let b): visit(a); visit(b)
            case .call(let f, let args):
                if f == .known, case .variable = args.first { return }
                args.forEach(visit)
            case .conditional(let a, let b, let c): visit(a); visit(b); visit(c)
            default: break
            }
        }
        dialogue.expressions.forEach { visit($0.tree) }
        return (tests, opaque)
    }

    /// Classes for every kind but dates, which depend on today.
    private func fixedClasses(_ question: Question, _ literal: (tests: [Int: [[Value]]], opaque: Set<Int>)) -> [Value] {
        var values: [Value]
        switch question.kind {
        case .choice(let choices):
            values = choices.map { .string($0.value) }
            if !literal.opaque.contains(question.slot) {
                let tests = literal.tests[question.slot] ?? []
                var seen: Set<[Bool]> = []
                values = values.filter { v in seen.insert(tests.map { $0.contains(v) }).inserted }
            }
        case .yesNo:
            values = [.bool(true), .bool(false)]
        case .date:
            values = []
        case .text(let pattern, _):
            var samples = (literal.tests[question.slot] ?? []).flatMap { $0 }.filter { $0 != .null }
            if feedsCalendar(question.slot) {
                samples += [.string("75"), .string(LegalCalendar.alsaceMoselle.sorted()[0])]
            }
            if samples.isEmpty { samples = [.string(pattern == nil ? "texte" : "75")] }
            values = Array(Set(samples)).sorted { "\($0)" < "\($1)" }
        }
        if question.unknown != nil { values.append(.null) }
        return values
    }

    /// The computed values an ordering comparison sets against today in what routes
    /// a case: only where one of them crosses today can a date's answer change a
    /// guard that reads today, so only they split a date into classes. A computed
    /// date that is only shown, or compared with another date, splits nothing.
    private func computedComparedWithToday() -> Set<Int> {
        var found: Set<Int> = []
        func slots(_ e: Expr) {
            switch e {
            case .variable(let s) where s >= dialogue.questions.count: found.insert(s)
            case .binary(_, let a, let b): slots(a); slots(b)
            case .call(_, let args): args.forEach(slots)
            case .conditional(let a, let b, let c): slots(a); slots(b); slots(c)
            case .not(let a): slots(a)
            default: break
            }
        }
        func visit(_ e: Expr) {
            switch e {
            case .binary(let op, let a, let b) where [.less, .lessOrEqual, .greater, .greaterOrEqual].contains(op):
                if a == .today { slots(b) } else if b == .today { slots(a) }
                visit(a)
                visit(b)
            case .binary(_, let a, let b): visit(a); visit(b)
            case .not(let a): visit(a)
            case .call(_, let args): args.forEach(visit)
            case .conditional(let a, let b, let c): visit(a); visit(b); visit(c)
            default: break
            }
        }
        // What routes: guards and checks, and the computed values they read. A
        // text's condition is evaluated on every class the routing makes, but does
        // not split dates of its own.
        var all: [Expression] = []
        for q in dialogue.questions { all += q.checks.map(\.rejectIf) + q.next.compactMap(\.condition) }
        for b in dialogue.branches { all += b.next.compactMap(\.condition) }
        var pending = all.flatMap(\.reads)
        var seen: Set<Int> = []
        while let slot = pending.popLast() {
            guard slot >= dialogue.questions.count, seen.insert(slot).inserted else { continue }
            let expression = dialogue.computed[slot - dialogue.questions.count].expression
            all.append(expression)
            pending += expression.reads
        }
        all.forEach { visit($0.tree) }
        return found
    }

    /// Whether a question is a département argument of a calendar function.
    private func feedsCalendar(_ slot: Int) -> Bool {
        var found = false
        func visit(_ e: Expr) {
            switch e {
            case .call(let f, let args):
                if [.deadlineMonths, .latestDeadlineMonths, .deadlineDays, .latestDeadlineDays].contains(f), args.count == 3,
                    case .variable(let s) = args[2], s == slot
                {
                    found = true
                }
                if f == .nextWorkingDay, args.count == 2, case .variable(let s) = args[1], s == slot { found = true }
                args.forEach(visit)
            case .not(let a): visit(a)
            case .binary(_, let a, let b): visit(a); visit(b)
            case .conditional(let a, let b, let c): visit(a); visit(b); visit(c)
            default: break
            }
        }
        dialogue.computed.forEach { visit($0.expression.tree) }
        dialogue.outputs.compactMap(\.value).forEach { visit($0.tree) }
        return found
    }

    /// The classes of a date question for today: one day for each stretch of days
    /// on which every computed date that reads it, and that something still
    /// reachable reads, stands on the same side of today (the first day of the
    /// stretch); and today, the day before, the day after (a date in the future)
    /// and a day far in the past.
    private mutating func dateClasses(_ q: Int) -> [Value] {
        // Answers already given are folded in: states that leave the same date
        // formulas of this question share their classes, and those that leave
        // one formula the same share where it crosses today. A formula that
        // nothing still reachable reads (its residue is no part of any guard,
        // check, text condition or shown value there) splits nothing, and is
        // left out (-1).
        var formulas = dependents[q].map { folder.residue($0.residual, values) }
        if !formulas.isEmpty, let roots = reachedRoots(from: q) {
            for (i, live) in folder.found(formulas, within: roots).enumerated() where !live { formulas[i] = -1 }
        }
        let cacheKey = DateKey(question: q, dependents: formulas)
        if let known = dateCandidates[cacheKey] { return known }
        var days: Set<Int> = [0, -1, 1, -Checker.window]  // today, a future day (refused or not), far past
        for (i, formula) in formulas.enumerated() where formula >= 0 {
            let key = CrossingKey(question: q, dependent: i, formula: formula)
            if let known = crossingDays[key] {
                days.formUnion(known)
            } else {
                let found = crossings(q, dependents[q][i], varying: folder.questionsRead(by: formula))
                crossingDays[key] = found
                days.formUnion(found)
            }
        }
        var candidates = days.filter { $0 <= 1 }.sorted().map { Value.date(today.adding(days: $0)) }
        if dialogue.questions[q].unknown != nil { candidates.append(.null) }
        dateCandidates[cacheKey] = candidates
        return candidates
    }

    /// The residues of every unit on the nodes still reachable from `node` (guards,
    /// checks, and what outcomes show and under which condition); nil past the
    /// horizon (every formula counts). A text's condition splits no date of its
    /// own, but where a guard's crossing is kept it is tried on that day too, so
    /// the crossing goes only where nothing reads it.
    private mutating func reachedRoots(from node: Int) -> [Int32]? {
        var nodes: [Int] = []
        if lastWalk.node == node && lastWalk.clock == folder.clock {
            nodes = lastWalk.nodes
        } else {
            guard walkAhead[node], markReachable(from: node) else { return nil }
            nodes = walked
            endWalk()
        }
        var roots: [Int32] = []
        for n in nodes {
            for (u, _) in observed[observedStart[n]..<observedStart[n + 1]] where !unitMarked[u] {
                unitMarked[u] = true
                markedUnits.append(u)
                if !folder.isCurrent(settled[u].at, root: unitRoots[u]) { settle(u) }
                roots.append(settled[u].entry)
            }
        }
        for u in markedUnits { unitMarked[u] = false }
        markedUnits.removeAll(keepingCapacity: true)
        return roots
    }

    /// How far back a date's classes are looked for, in days.
    private static let window = 800

    /// Where one computed date reading `q` crosses today, over the classes of
    /// the other answers it reads that are not given yet: the first day of each
    /// class, as offsets from today.
    private mutating func crossings(
        _ q: Int, _ dependent: Dependent, varying: [Int]
    ) -> [Int] {
        let (slot, others, monotone) = (dependent.slot, dependent.others, dependent.monotone)
        let window = Checker.window
        var days: [Int] = []
        let probe = PathValues(dialogue: dialogue, today: today, computedValues: computedValues)
        // The other answers it reads: those given, as given; those still to come
        // that its residue reads, over their classes (dates held at one value);
        // the others, which cannot change it, at one value.
        var combos: [[Value]] = [[]]
        for other in others {
            let classes =
                dialogue.questions[other].kind.valueType == .date
                ? [Value.date(today.adding(days: -10)), .null] : fixedCandidates[other]
            let choices = values.answers[other].map { [$0] } ?? (varying.contains(other) ? classes : Array(classes.prefix(1)))
            combos = combos.flatMap { c in choices.map { c + [$0] } }
            if combos.count > 64 { combos = Array(combos.prefix(64)) }
        }
        for combo in combos {
            // Combos that leave the date the same function of `q` (the same
            // residue once their answers are folded in) cross today on the
            // same days: each such function is searched once.
            let function = ComboKey(question: q, computed: slot, residue: residue(dependent.residual, others, combo))
            if let known = comboDays[function] {
                days += known
                continue
            }
            let firstOfCombo = days.count
            defer { comboDays[function] = Array(days[firstOfCombo...]) }
            for (i, other) in others.enumerated() { probe.answers[other] = combo[i] }
            probe.forgetComputed()
            func sign(_ offset: Int) -> Int? {
                probe.answers[q] = .date(today.adding(days: offset))
                probe.forgetComputed(readers[q])
                guard case .date(let d)? = try? probe.value(ofSlot: slot) else { return nil }
                return d < today ? -1 : (d == today ? 0 : 1)
            }
            /// The first day after `from` where the class is no longer `current`.
            func firstChange(from: Int, to: Int, leaving current: Int?) -> Int {
                var lo = from, hi = to
                while hi - lo > 1 {
                    let mid = (lo + hi) / 2
                    if sign(mid) == current { lo = mid } else { hi = mid }
                }
                return hi
            }
            if monotone {
                // Before today, on it, after it: two searches find both edges.
                let first = sign(-window), last = sign(1)
                guard let first, let last, first != last else { continue }
                let start = firstChange(from: -window, to: 1, leaving: first)
                days.append(start)
                let middle = sign(start)
                if middle != last {
                    let end = firstChange(from: start, to: 1, leaving: middle)
                    days.append(end)
                }
                continue
            }
            var previous = -window
            var previousSign = sign(previous)
            var offset = -window
            while offset < 1 {
                offset = min(offset + 7, 1)
                let s = sign(offset)
                if s != previousSign {
                    let start = firstChange(from: previous, to: offset, leaving: previousSign)
                    days.append(start)
                    // A class may also end before the next grid point.
                    let startSign = sign(start)
                    if startSign != s {
                        let end = firstChange(from: start, to: offset, leaving: startSign)
                        days.append(end)
                    }
                }
                previous = offset
                previousSign = s
            }
        }
        return days
    }

    /// A root's residue with the answers of `combo` given to `others` where
    /// they are not given yet, then taken back.
    private mutating func residue(_ root: Int, _ others: [Int], _ combo: [Value]) -> Int32 {
        var given: [Int] = []
        for (i, other) in others.enumerated() where values.answers[other] == nil {
            answer(other, combo[i])
            given.append(other)
        }
        let r = folder.residue(root, values)
        for other in given { answer(other, nil) }
        return r
    }

    /// Whether a computed date can only move forward as the date answered to `q`
    /// does, the other answers held: then its position relative to today changes
    /// at most twice and two searches find where. Every calendar function moves
    /// with its date; a condition or a difference that reads `q` breaks this.
    private func monotone(_ e: Expr, in q: Int) -> Bool {
        switch e {
        case .literal, .list, .today: return true
        case .variable(let s):
            return s < dialogue.questions.count || monotone(dialogue.computed[s - dialogue.questions.count].expression.tree, in: q)
        case .binary(.plus, let a, let b), .binary(.minus, let a, let b):
            return monotone(a, in: q) && !reads(b, q)
        case .call(let f, let args) where f != .known && f != .daysBetween:
            return monotone(args[0], in: q) && !args.dropFirst().contains { reads($0, q) }
        case .conditional(let c, let y, let n):
            return !reads(c, q) && monotone(y, in: q) && monotone(n, in: q)
        default:
            return !reads(e, q)
        }
    }

    /// Whether an expression's value can change with the date answered to `q`;
    /// `known(q)` cannot, a date being known.
    private func reads(_ e: Expr, _ q: Int) -> Bool {
        switch e {
        case .literal, .list, .today: return false
        case .variable(let s):
            return s == q || (s >= dialogue.questions.count && reads(dialogue.computed[s - dialogue.questions.count].expression.tree, q))
        case .not(let a): return reads(a, q)
        case .binary(_, let a, let b): return reads(a, q) || reads(b, q)
        case .call(let f, let args):
            if f == .known, args.count == 1, args[0] == .variable(q) { return false }
            return args.contains { reads($0, q) }
        case .conditional(let c, let y, let n): return reads(c, q) || reads(y, q) || reads(n, q)
        }
    }

    // MARK: The walk

    /// Records a problem once per place and kind, with its first counterexample.
    private mutating func fail(_ position: SourcePosition, _ message: String) {
        let kind = message.split(separator: " ").prefix(4).joined(separator: " ")
        let key = "\(position)|\(kind)"
        guard seenErrors.insert(key).inserted else { return }
        report.errors.append(DialogueError(position, message))
    }

    private func describePath() -> String {
        let parts = stack.map { "\(dialogue.questions[$0.question].id) = \($0.value)" }
        return (parts.isEmpty ? "at the start" : "when " + parts.joined(separator: ", ")) + ", today \(today.iso)"
    }

    private func describe(_ error: EvaluationError, _ expression: Expression) -> String {
        switch error {
        case .unset(let slot):
            return "`\(expression.source)` reads `\(dialogue.slotNames[slot])` before it is set, \(describePath())"
        case .unknownValue(let slot):
            let name = slot.map { "`\(dialogue.slotNames[$0])`" } ?? "a value"
            return "`\(expression.source)` compares \(name) while it is unknown (null), \(describePath()); test known(…) first"
        }
    }

    /// The node the walk goes to from `node`, after checking that exactly one
    /// of its transitions applies.
    private mutating func choose(from node: Int) -> Int? {
        var first = -1, second = -1
        for i in guards[node].indices {
            guard let test = guards[node][i].test else {
                if first < 0 { first = i }
                break
            }
            do {
                guard try test(values) else { continue }
            } catch {
                let condition = transitions(of: node)[i].condition!
                fail(condition.position, describe(error, condition))
                return nil
            }
            if first < 0 { first = i } else if second < 0 { second = i }
        }
        if first < 0 || second >= 0 {
            // Read only on a problem: the node's name and place are strings,
            // retained at each read.
            let (position, name) =
                node < dialogue.questions.count
                ? (dialogue.questions[node].position, dialogue.questions[node].id)
                : (dialogue.branches[node - dialogue.questions.count].position, dialogue.branches[node - dialogue.questions.count].id)
            guard first >= 0 else {
                fail(position, "no transition out of `\(name)` applies \(describePath())")
                return nil
            }
            fail(
                transitions(of: node)[second].position,
                "transitions \(first + 1) and \(second + 1) out of `\(name)` both apply \(describePath())")
        }
        return guards[node][first].target
    }

    /// The memo's key for a node: the residue of each relevant unit still
    /// reachable from it, once the answers given are folded in. A guard settled
    /// false cuts off its target, so what only a path no longer possible reads
    /// stops splitting states; a value only shown counts as computable or not.
    /// Two states with the same key make every later guard, check and text
    /// behave alike.
    private mutating func memoKey(_ node: Int) -> MemoKey {
        let complete = walkAhead[node] && markReachable(from: node)
        var key: [Int32] = []
        key.reserveCapacity(relevant[node].count)
        var mixed: UInt64 = 0xcbf2_9ce4_8422_2325
        for u in relevant[node] {
            var entry: Int32 = -1
            if !complete || observers[observerStart[u]..<observerStart[u + 1]].contains(where: { visited[$0] }) {
                if !folder.isCurrent(settled[u].at, root: unitRoots[u]) { settle(u) }
                entry = settled[u].entry
            }
            key.append(entry)
            mixed = (mixed ^ UInt64(UInt32(bitPattern: entry))) &* 0x100_0000_01b3
        }
        if complete && node < dialogue.questions.count && !dependents[node].isEmpty {
            lastWalk.node = node
            lastWalk.clock = folder.clock
            lastWalk.nodes.removeAll(keepingCapacity: true)
            lastWalk.nodes += walked
        }
        endWalk()
        return MemoKey(node: node, values: key, mixed: mixed)
    }

    /// Forgets which nodes the last walk reached.
    private mutating func endWalk() {
        for n in walked { visited[n] = false }
        walked.removeAll(keepingCapacity: true)
    }

    /// Marks the nodes reachable from `node` through the transitions that can
    /// still be taken (`visited`, listed in `walked` until `endWalk()`). The
    /// first transition that holds is taken, so none after a guard settled
    /// true can be, nor any after two guards of which one negates the other
    /// (one of them holds, or evaluating the first fails and nothing is
    /// taken); a guard settled false cuts its own.
    private mutating func markReachable(from node: Int) -> Bool {
        // Taken out of `walkBuffers` while in use, so that each is the only
        // reference to its storage and grows in place.
        var (pending, earlier) = walkBuffers
        walkBuffers = ([], [])
        pending.append(node)
        defer {
            earlier.removeAll(keepingCapacity: true)
            walkBuffers = (pending, earlier)
        }
        while let n = pending.popLast() {
            guard !visited[n] else { continue }
            visited[n] = true
            walked.append(n)
            earlier.removeAll(keepingCapacity: true)
            let start = transitionStart[n], end = transitionStart[n + 1]
            for i in start..<end {
                let u = transitionUnits[i].unit
                if !folder.isCurrent(settled[u].at, root: unitRoots[u]) { settle(u) }
                let residue = settled[u].entry
                let exhausted = residue == folder.yes || earlier.contains { folder.negates($0, residue) }
                earlier.append(residue)
                if exhausted { break }
            }
            let last = lastTakeable(n, earlier)
            for i in start..<min(end, start + last + 1) where !settled[transitionUnits[i].unit].cuts {
                pending.append(transitionUnits[i].target)
            }
        }
        return true
    }

    private struct TakeableKey: Hashable {
        let node: Int
        let residues: [Int32]
    }

    /// The last of a node's transitions that some answers still to come can
    /// make it take, for the residues of its guards (those settled so far, in
    /// order): the answers it reads that are not given yet are tried over
    /// their classes, each taking the first transition that holds, or none when
    /// evaluating fails. Past a date still to come or 256 combinations, every
    /// transition is taken as possible; a guard settled true, or two of which
    /// one negates the other, still end the list.
    private mutating func lastTakeable(_ n: Int, _ residues: [Int32]) -> Int {
        // An outcome has no transition, so no residue: -1.
        let settledEnd = residues.count - 1
        guard residues.contains(where: { $0 != folder.yes && $0 != folder.no }) else { return settledEnd }
        if recentTakeable[n].residues == residues { return recentTakeable[n].last }
        let key = TakeableKey(node: n, residues: residues)
        if let known = takeable[key] {
            recentTakeable[n] = (residues, known)
            return known
        }
        // Read only here: copying a question's transitions costs a reference
        // count for each, on every node of every walk.
        let transitions = transitions(of: n)
        var open: [Int] = []
        for t in transitions.prefix(residues.count) {
            guard let c = t.condition else { continue }
            for q in guardReads(c) where values.answers[q] == nil && !open.contains(q) { open.append(q) }
        }
        var combinations = 1
        for q in open where combinations <= 256 {
            combinations *= dialogue.questions[q].kind.valueType == .date ? 257 : max(fixedCandidates[q].count, 1)
        }
        guard combinations <= 256 else {
            takeable[key] = settledEnd
            recentTakeable[n] = (residues, settledEnd)
            return settledEnd
        }
        var last = -1
        var index = [Int](repeating: 0, count: open.count)
        while last < settledEnd {
            for (i, q) in open.enumerated() { values.answers[q] = fixedCandidates[q][index[i]] }
            values.forgetComputed()
            for (k, t) in transitions.prefix(residues.count).enumerated() {
                guard let c = t.condition else {
                    last = max(last, k)
                    break
                }
                guard let holds = try? c.test(values) else { break }
                if holds {
                    last = max(last, k)
                    break
                }
            }
            var i = 0
            while i < open.count {
                index[i] += 1
                if index[i] < fixedCandidates[open[i]].count { break }
                index[i] = 0
                i += 1
            }
            if i == open.count { break }
        }
        for q in open { values.answers[q] = nil }
        values.forgetComputed()
        takeable[key] = last
        recentTakeable[n] = (residues, last)
        return last
    }

    /// Question slots a guard reads, found once per guard.
    private mutating func guardReads(_ e: Expression) -> [Int] {
        if let known = guardInputs[e.position] { return known }
        let found = questionReads(e).sorted()
        guardInputs[e.position] = found
        return found
    }

    /// A unit's entry in the memo key: its residue's number.
    private mutating func settle(_ u: Int) {
        let r = folder.residue(unitRoots[u], values, onlyComputable: !units[u].truth)
        settled[u] = (r, r == folder.no, folder.clock)
    }

    private mutating func answer(_ q: Int, _ value: Value?) {
        values.answers[q] = value
        values.forgetComputed(readers[q])
        folder.answerChanged(q, answered: value != nil)
    }

    private mutating func explore(_ node: Int) -> Double {
        let key = keyed[node] ? memoKey(node) : nil
        if let key, let known = memo[key] { return known }
        var paths: Double = 0
        switch ref(node) {
        case .question(let q):
            reached[node] = true
            let candidates = asksDate[q] ? dateClasses(q) + fixedCandidates[q] : fixedCandidates[q]
            for candidate in candidates {
                report.classes += 1
                answer(q, candidate)
                stack.append((q, candidate))
                defer {
                    stack.removeLast()
                    answer(q, nil)
                }
                var refused = false
                for c in checks[node].indices {
                    do {
                        if try checks[node][c].test(values) { refused = true; break }
                    } catch {
                        let check = dialogue.questions[q].checks[c].rejectIf
                        fail(check.position, describe(error, check))
                        refused = true
                        break
                    }
                }
                if refused { continue }
                guard let next = choose(from: node) else { continue }
                paths += explore(next)
            }
        case .branch:
            if let next = choose(from: node) { paths += explore(next) }
        case .outcome(let o):
            reached[node] = true
            checkOutcome(o)
            paths = 1
        }
        if let key { memo[key] = paths }
        return paths
    }

    /// Everything an outcome shows must be computable on every path to it.
    private mutating func checkOutcome(_ o: Int) {
        for i in outcomeChecks[o].values.indices {
            do {
                _ = try outcomeChecks[o].values[i].evaluate(values)
            } catch {
                let e = outcomeChecks[o].expressions[i]
                fail(e.position, describe(error, e))
            }
        }
        for t in outcomeChecks[o].texts.indices {
            if let test = outcomeChecks[o].texts[t].condition {
                do {
                    if try !test(values) { continue }
                } catch {
                    let c = outcomeChecks[o].conditions[t]!
                    fail(c.position, describe(error, c))
                    continue
                }
            }
            for slot in outcomeChecks[o].texts[t].slots {
                do {
                    _ = try values.value(ofSlot: slot)
                } catch {
                    fail(
                        outcomeChecks[o].positions[t],
                        "this text of `\(dialogue.outcomes[o].id)` shows `{\(dialogue.slotNames[slot])}`, which has no value \(describePath())"
                    )
                }
            }
        }
    }

    /// What `checkOutcome` evaluates at an outcome, in the order it reports:
    /// the values it sets and the outputs it leaves to their own rule, then
    /// its steps and notes (each shown under its condition), its title and
    /// its summary. Gathered once, so that reaching an outcome copies no text.
    private mutating func outcomeCheck(_ o: Int) -> OutcomeCheck {
        let outcome = dialogue.outcomes[o]
        var expressions: [Expression] = outcome.set.map(\.value)
        for (i, output) in dialogue.outputs.enumerated() where !outcome.set.contains(where: { $0.output == i }) {
            if let e = output.value { expressions.append(e) }
        }
        let items = outcome.steps + outcome.parallel + outcome.notes
        let texts = items.map { ($0.condition, $0.text) } + [(nil, outcome.title), (nil, outcome.summary)]
        return OutcomeCheck(
            values: expressions.map { StoredValue(ExpressionCompiler.value($0.tree)) },
            texts: texts.map { ShownText(condition: $0.0.map { ExpressionCompiler.test($0.tree) }, slots: shownSlots($0.1)) },
            expressions: expressions, conditions: texts.map(\.0), positions: texts.map(\.1.position))
    }

    /// Slots a text shows by name, found once per text.
    private mutating func shownSlots(_ text: LocalizedText) -> [Int] {
        if let known = templateCache[text.position] { return known }
        let slots = Template.slotNames(text).compactMap { dialogue.slotNames.firstIndex(of: $0) }.sorted()
        templateCache[text.position] = slots
        return slots
    }
}
