/// A static verification of a dialogue over every combination of answers, grouped
/// into classes that no guard can tell apart:
///
/// - a choice's values by how every literal comparison treats them;
/// - a date by where each computed date that reads it crosses "today": the day
///   before, the day of and the day after each crossing, under several todays
///   (a weekday, a Saturday, after Christmas, after Easter Monday with Alsace's Good
///   Friday, after a leap day), so weekend and holiday extensions are exercised;
/// - yes/no, "unknown" (null), and text by the literals compared with it.
///
/// The walk is memoised on the node and the values that are both already set and
/// still read further on, so its cost grows with the dialogue, not with its paths.
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
    private var reachedQuestions: Set<Int> = []
    private var reachedOutcomes: Set<Int> = []
    private var seenErrors: Set<String> = []
    /// For each node, the question slots worth keying the memo on.
    private var relevant: [[Int]] = []
    private var memo: [MemoKey: Double] = [:]
    private var values: PathValues
    private var stack: [(question: Int, value: Value)] = []
    private var today: CivilDate
    private var dateCandidates: [DateKey: [Value]] = [:]
    private var fixedCandidates: [[Value]] = []
    private var templateCache: [SourcePosition: [Int]] = [:]
    /// The tests (comparisons, `known`, yes/no values) the dialogue makes anywhere.
    private var atoms: [(tree: Expr, test: CompiledTest, inputs: [Int])] = []
    /// For each node, the atoms evaluated at it or after it.
    private var atomsFrom: [[Int]] = []
    private var interned: [Value: Int32] = [:]
    /// For each node, a bit set of the questions that can be answered before it.
    private var ancestors: [[UInt64]] = []
    /// For each question, the index of its current answer among its candidates (-1: none).
    private var chosen: [Int32] = []

    private struct DateKey: Hashable {
        let question: Int
        let known: [Value?]
    }

    private struct MemoKey: Hashable {
        let node: Int
        let values: [Int32]
    }

    public init(dialogue: Dialogue) {
        self.dialogue = dialogue
        self.nodeCount = dialogue.questions.count + dialogue.branches.count + dialogue.outcomes.count
        self.today = Checker.todays[0]
        self.values = PathValues(dialogue: dialogue, today: today)
    }

    public static func check(_ dialogue: Dialogue) -> Report {
        var checker = Checker(dialogue: dialogue)
        return checker.run()
    }

    mutating func run() -> Report {
        relevant = relevantSlots()
        let literal = literalTests()
        fixedCandidates = dialogue.questions.map { fixedClasses($0, literal) }
        atomsFrom = atomsAfterEachNode()
        chosen = Array(repeating: -1, count: dialogue.questions.count)
        for day in Checker.todays {
            today = day
            values = PathValues(dialogue: dialogue, today: day)
            memo = [:]
            memo.reserveCapacity(1 << 14)
            dateCandidates = [:]
            report.paths += explore(index(dialogue.start))
            report.todays += 1
        }
        for q in dialogue.questions where !reachedQuestions.contains(q.slot) {
            fail(q.position, "question `\(q.id)` is never asked: no combination of answers leads to it")
        }
        for (i, o) in dialogue.outcomes.enumerated() where !reachedOutcomes.contains(i) {
            fail(o.position, "outcome `\(o.id)` is never reached: no combination of answers leads to it")
        }
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

    private func successors(_ index: Int) -> [Int] {
        switch ref(index) {
        case .question(let q): return dialogue.questions[q].next.map { self.index($0.target) }
        case .branch(let b): return dialogue.branches[b].next.map { self.index($0.target) }
        case .outcome: return []
        }
    }

    // MARK: What each node reads

    /// Question slots an expression reads, through computed values too.
    private func questionReads(_ e: Expression) -> Set<Int> {
        var out: Set<Int> = []
        var pending = e.reads
        var seen: Set<Int> = []
        while let slot = pending.popLast() {
            guard seen.insert(slot).inserted else { continue }
            if slot < dialogue.questions.count { out.insert(slot) }
            else { pending += dialogue.computed[slot - dialogue.questions.count].expression.reads }
        }
        return out
    }

    /// Questions a text reads through the slots it shows (computed values and
    /// outputs included).
    private func templateReads(_ text: LocalizedText) -> Set<Int> {
        var out: Set<Int> = []
        for name in Template.slotNames(text) {
            if let slot = dialogue.slotNames.firstIndex(of: name) {
                if slot < dialogue.questions.count { out.insert(slot) }
                else { out.formUnion(questionReads(dialogue.computed[slot - dialogue.questions.count].expression)) }
            } else if let output = dialogue.outputs.first(where: { $0.name == name }), let e = output.value {
                out.formUnion(questionReads(e))
            }
        }
        return out
    }

    private func ownReads(_ index: Int) -> Set<Int> {
        var reads: Set<Int> = []
        switch ref(index) {
        case .question(let q):
            for c in dialogue.questions[q].checks { reads.formUnion(questionReads(c.rejectIf)) }
            for t in dialogue.questions[q].next { if let c = t.condition { reads.formUnion(questionReads(c)) } }
        case .branch(let b):
            for t in dialogue.branches[b].next { if let c = t.condition { reads.formUnion(questionReads(c)) } }
        case .outcome(let o):
            let outcome = dialogue.outcomes[o]
            for output in dialogue.outputs { if let e = output.value { reads.formUnion(questionReads(e)) } }
            for (_, e) in outcome.set { reads.formUnion(questionReads(e)) }
            for text in outcome.steps + outcome.parallel + outcome.notes {
                if let c = text.condition { reads.formUnion(questionReads(c)) }
                reads.formUnion(templateReads(text.text))
            }
            reads.formUnion(templateReads(outcome.title))
            reads.formUnion(templateReads(outcome.summary))
        }
        return reads
    }

    /// live(N) ∩ ancestors(N): what is read at N or after it and may be set before.
    /// Also keeps ancestors(N), the questions that can be answered before N.
    private mutating func relevantSlots() -> [[Int]] {
        let order = topologicalOrder()
        let words = (dialogue.questions.count + 63) / 64
        var live = Array(repeating: [UInt64](repeating: 0, count: words), count: nodeCount)
        for n in order.reversed() {
            for slot in ownReads(n) { live[n][slot / 64] |= 1 << UInt64(slot % 64) }
            for s in successors(n) { for w in 0..<words { live[n][w] |= live[s][w] } }
        }
        var ancestors = Array(repeating: [UInt64](repeating: 0, count: words), count: nodeCount)
        for n in order {
            var carried = ancestors[n]
            if n < dialogue.questions.count { carried[n / 64] |= 1 << UInt64(n % 64) }
            for s in successors(n) { for w in 0..<words { ancestors[s][w] |= carried[w] } }
        }
        self.ancestors = ancestors
        return (0..<nodeCount).map { n in
            var slots: [Int] = []
            for w in 0..<words {
                var bits = live[n][w] & ancestors[n][w]
                while bits != 0 {
                    let bit = bits.trailingZeroBitCount
                    slots.append(w * 64 + bit)
                    bits &= bits - 1
                }
            }
            return slots
        }
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

    // MARK: Tests made after each node

    /// Indices of the atoms in an expression, including those inside the computed
    /// values it reads.
    private mutating func atoms(in e: Expr, _ seenComputed: inout Set<Int>) -> Set<Int> {
        switch e {
        case .literal, .list, .today: return []
        case .variable(let s):
            var found: Set<Int> = []
            if s >= dialogue.questions.count {
                if seenComputed.insert(s).inserted {
                    found = atoms(in: dialogue.computed[s - dialogue.questions.count].expression.tree, &seenComputed)
                }
                if dialogue.computed[s - dialogue.questions.count].expression.type == .bool { found.insert(atom(e)) }
            } else if dialogue.questions[s].kind.valueType == .bool {
                found.insert(atom(e))
            }
            return found
        case .not(let a): return atoms(in: a, &seenComputed)
        case .binary(.and, let a, let b), .binary(.or, let a, let b), .binary(.plus, let a, let b), .binary(.minus, let a, let b):
            return atoms(in: a, &seenComputed).union(atoms(in: b, &seenComputed))
        case .conditional(let c, let y, let n):
            return atoms(in: c, &seenComputed).union(atoms(in: y, &seenComputed)).union(atoms(in: n, &seenComputed))
        case .call(let f, let args):
            var found = Set(args.flatMap { atoms(in: $0, &seenComputed) })
            if f == .known { found.insert(atom(e)) }
            return found
        case .binary(_, let a, let b):
            return atoms(in: a, &seenComputed).union(atoms(in: b, &seenComputed)).union([atom(e)])
        }
    }

    private mutating func atom(_ e: Expr) -> Int {
        if let i = atoms.firstIndex(where: { $0.tree == e }) { return i }
        var reads: Set<Int> = []
        var pending: [Expr] = [e]
        while let next = pending.popLast() {
            switch next {
            case .variable(let s):
                if s < dialogue.questions.count { reads.insert(s) }
                else { pending.append(dialogue.computed[s - dialogue.questions.count].expression.tree) }
            case .not(let a): pending.append(a)
            case .binary(_, let a, let b): pending += [a, b]
            case .call(_, let args): pending += args
            case .conditional(let c, let y, let n): pending += [c, y, n]
            default: break
            }
        }
        atoms.append((e, ExpressionCompiler.test(e), reads.sorted()))
        return atoms.count - 1
    }

    private mutating func atomsAfterEachNode() -> [[Int]] {
        var after = Array(repeating: Set<Int>(), count: nodeCount)
        for n in topologicalOrder().reversed() {
            var expressions: [Expression] = []
            var shown: [Int] = []
            switch ref(n) {
            case .question(let q): expressions = dialogue.questions[q].checks.map(\.rejectIf) + dialogue.questions[q].next.compactMap(\.condition)
            case .branch(let b): expressions = dialogue.branches[b].next.compactMap(\.condition)
            case .outcome(let o):
                let outcome = dialogue.outcomes[o]
                expressions = outcome.set.map(\.value) + dialogue.outputs.compactMap(\.value)
                    + (outcome.steps + outcome.parallel + outcome.notes).compactMap(\.condition)
                for text in [outcome.title, outcome.summary] + (outcome.steps + outcome.parallel + outcome.notes).map(\.text) {
                    shown += shownSlots(text).filter { $0 >= dialogue.questions.count }
                }
            }
            var seen: Set<Int> = []
            for e in expressions { after[n].formUnion(atoms(in: e.tree, &seen)) }
            for slot in shown { after[n].formUnion(atoms(in: .variable(slot), &seen)) }
            for s in successors(n) { after[n].formUnion(after[s]) }
            // An atom that reads nothing answerable before a node tells nothing
            // there, nor before it (a predecessor has fewer answers before it).
            after[n] = after[n].filter { a in atoms[a].inputs.contains { ancestors[n][$0 / 64] & (1 << UInt64($0 % 64)) != 0 } }
        }
        return after.map { $0.sorted() }
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
        var all: [Expression] = dialogue.computed.map(\.expression) + dialogue.outputs.compactMap(\.value)
        for q in dialogue.questions {
            all += q.checks.map(\.rejectIf)
            all += q.next.compactMap(\.condition)
        }
        for b in dialogue.branches { all += b.next.compactMap(\.condition) }
        for o in dialogue.outcomes {
            all += o.set.map(\.value)
            all += (o.steps + o.parallel + o.notes).compactMap(\.condition)
        }
        all.forEach { visit($0.tree) }
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

    /// Whether a question is a département argument of a calendar function.
    private func feedsCalendar(_ slot: Int) -> Bool {
        var found = false
        func visit(_ e: Expr) {
            switch e {
            case .call(let f, let args):
                if f == .deadlineMonths, args.count == 3, case .variable(let s) = args[2], s == slot { found = true }
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

    /// Boundary classes of a date question for today: for each computed date that
    /// reads it, where it crosses today, with the day before and after.
    private mutating func dateClasses(_ q: Int) -> [Value] {
        let dependents = dialogue.computed.filter { $0.expression.type == .date && questionReads($0.expression).contains(q) }
        let inputs = Set(dependents.flatMap { questionReads($0.expression) }).subtracting([q]).sorted()
        // Answers already given are fixed; only those still to come are enumerated.
        let cacheKey = DateKey(question: q, known: inputs.map { values.answers[$0] })
        if let known = dateCandidates[cacheKey] { return known }
        let window = 800
        var days: Set<Int> = [0, -1, 1, -window]  // today, a future day (refused or not), far past
        let probe = PathValues(dialogue: dialogue, today: today)
        for computed in dependents {
            // The other answers it reads, over their classes (dates held at one value).
            let others = questionReads(computed.expression).subtracting([q]).sorted()
            var combos: [[Value]] = [[]]
            for other in others {
                let choices = values.answers[other].map { [$0] }
                    ?? (dialogue.questions[other].kind.valueType == .date
                        ? [Value.date(today.adding(days: -10)), .null] : fixedCandidates[other])
                combos = combos.flatMap { c in choices.map { c + [$0] } }
                if combos.count > 64 { combos = Array(combos.prefix(64)) }
            }
            for combo in combos {
                for (i, other) in others.enumerated() { probe.answers[other] = combo[i] }
                func sign(_ offset: Int) -> Int? {
                    probe.answers[q] = .date(today.adding(days: offset))
                    probe.forgetComputed()
                    guard case .date(let d)? = try? probe.value(ofSlot: computed.slot) else { return nil }
                    return d < today ? -1 : (d == today ? 0 : 1)
                }
                var previous = -window
                var previousSign = sign(previous)
                var offset = -window
                while offset < 1 {
                    offset = min(offset + 7, 1)
                    let s = sign(offset)
                    /// The first day after `from` where the class is no longer `current`.
                    func firstChange(from: Int, to: Int, leaving current: Int?) -> Int {
                        var lo = from, hi = to
                        while hi - lo > 1 {
                            let mid = (lo + hi) / 2
                            if sign(mid) == current { lo = mid } else { hi = mid }
                        }
                        return hi
                    }
                    if s != previousSign {
                        let start = firstChange(from: previous, to: offset, leaving: previousSign)
                        days.formUnion([start - 1, start, start + 1])
                        // A class may also end before the next grid point.
                        let startSign = sign(start)
                        if startSign != s {
                            let end = firstChange(from: start, to: offset, leaving: startSign)
                            days.formUnion([end - 1, end, end + 1])
                        }
                    }
                    previous = offset
                    previousSign = s
                }
            }
            for other in others { probe.answers[other] = nil }
        }
        var candidates = days.filter { $0 <= 1 }.sorted().map { Value.date(today.adding(days: $0)) }
        if dialogue.questions[q].unknown != nil { candidates.append(.null) }
        dateCandidates[cacheKey] = candidates
        return candidates
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

    /// The transition taken, after checking that exactly one applies.
    private mutating func choose(_ transitions: [Transition], at position: SourcePosition, name: String) -> Int? {
        var holding: [Int] = []
        for (i, t) in transitions.enumerated() {
            guard let condition = t.condition else {
                if holding.isEmpty { holding.append(i) }
                break
            }
            do {
                if try condition.test(values) { holding.append(i) }
            } catch {
                fail(condition.position, describe(error, condition))
                return nil
            }
        }
        if holding.isEmpty {
            fail(position, "no transition out of `\(name)` applies \(describePath())")
            return nil
        }
        if holding.count > 1 {
            fail(transitions[holding[1]].position,
                 "transitions \(holding[0] + 1) and \(holding[1] + 1) out of `\(name)` both apply \(describePath())")
        }
        return holding[0]
    }

    /// The memo's view of a slot: its value, or for a today-relative date, its
    /// position relative to today and that of every computed date reading it —
    /// once all of these can be computed.
    /// The memo's key for a node: whether each live answer is set and null, and
    /// what every later test gives — its truth when its inputs are all answered, the
    /// answered inputs themselves when it also reads answers still to come. Two
    /// states with the same key make every later guard, check and text behave alike.
    private mutating func memoKey(_ node: Int) -> MemoKey {
        var key: [Int32] = []
        key.reserveCapacity(relevant[node].count + atomsFrom[node].count)
        for slot in relevant[node] {
            key.append(values.answers[slot] == nil ? 0 : (values.answers[slot] == .null ? 2 : 1))
        }
        for a in atomsFrom[node] {
            let inputs = atoms[a].inputs
            var set = 0
            for i in inputs where values.answers[i] != nil { set += 1 }
            if set == inputs.count {
                key.append((try? atoms[a].test(values)).map { $0 ? 4 : 3 } ?? 5)
            } else if set > 0 {
                for i in inputs { if let v = values.answers[i] { key.append(intern(v)) } }
            }
        }
        return MemoKey(node: node, values: key)
    }

    private mutating func intern(_ v: Value) -> Int32 {
        if let id = interned[v] { return id }
        let id = Int32(interned.count + 16)
        interned[v] = id
        return id
    }

    private mutating func explore(_ node: Int) -> Double {
        let key = memoKey(node)
        if let known = memo[key] { return known }
        var paths: Double = 0
        switch ref(node) {
        case .question(let q):
            reachedQuestions.insert(q)
            let question = dialogue.questions[q]
            let candidates = question.kind.valueType == .date ? dateClasses(q) + fixedCandidates[q] : fixedCandidates[q]
            for (number, candidate) in candidates.enumerated() {
                report.classes += 1
                chosen[q] = Int32(number)
                values.answers[q] = candidate
                values.forgetComputed()
                stack.append((q, candidate))
                defer {
                    stack.removeLast()
                    chosen[q] = -1
                    values.answers[q] = nil
                    values.forgetComputed()
                }
                var refused = false
                for check in question.checks {
                    do {
                        if try check.rejectIf.test(values) { refused = true; break }
                    } catch {
                        fail(check.rejectIf.position, describe(error, check.rejectIf))
                        refused = true
                        break
                    }
                }
                if refused { continue }
                guard let taken = choose(question.next, at: question.position, name: question.id) else { continue }
                paths += explore(index(question.next[taken].target))
            }
        case .branch(let b):
            let branch = dialogue.branches[b]
            if let taken = choose(branch.next, at: branch.position, name: branch.id) {
                paths += explore(index(branch.next[taken].target))
            }
        case .outcome(let o):
            reachedOutcomes.insert(o)
            checkOutcome(o)
            paths = 1
        }
        memo[key] = paths
        return paths
    }

    /// Everything an outcome shows must be computable on every path to it.
    private mutating func checkOutcome(_ o: Int) {
        let outcome = dialogue.outcomes[o]
        var expressions: [Expression] = outcome.set.map(\.value)
        for (i, output) in dialogue.outputs.enumerated() where !outcome.set.contains(where: { $0.output == i }) {
            if let e = output.value { expressions.append(e) }
        }
        for e in expressions {
            do { _ = try e.evaluate(values) } catch { fail(e.position, describe(error, e)) }
        }
        let texts = [outcome.title, outcome.summary] + (outcome.steps + outcome.parallel + outcome.notes).map(\.text)
        for item in outcome.steps + outcome.parallel + outcome.notes {
            if let c = item.condition {
                do {
                    if try !c.test(values) { continue }
                } catch {
                    fail(c.position, describe(error, c))
                    continue
                }
            }
            checkTemplate(item.text, outcome: outcome)
        }
        for text in texts.prefix(2) { checkTemplate(text, outcome: outcome) }
    }

    /// Slots a text shows by name, found once per text.
    private mutating func shownSlots(_ text: LocalizedText) -> [Int] {
        if let known = templateCache[text.position] { return known }
        let slots = Template.slotNames(text).compactMap { dialogue.slotNames.firstIndex(of: $0) }.sorted()
        templateCache[text.position] = slots
        return slots
    }

    /// A `{name}` shown must have a value on every path to the text.
    private mutating func checkTemplate(_ text: LocalizedText, outcome: Outcome) {
        for slot in shownSlots(text) {
            do {
                _ = try values.value(ofSlot: slot)
            } catch {
                fail(text.position, "this text of `\(outcome.id)` shows `{\(dialogue.slotNames[slot])}`, which has no value \(describePath())")
            }
        }
    }
}
