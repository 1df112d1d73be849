import DialogueKit

/// The tests of a dialogue as they stand once some answers are given: every part
/// that reads only given answers is replaced by its value, computed values are
/// opened up, and `and`, `or` and `if` keep only the side still possible.
///
/// The checker keys its memo on these residues. Two states whose residues are
/// equal make a test behave alike for every answer still to come, even when the
/// answers behind them differ: a notification date that only fed a branch no
/// longer possible then stops splitting the exploration.
///
/// Residues are hash-consed: each is a number, equal numbers for equal residues,
/// built from its parts' numbers, so comparing or keying on them costs nothing.
struct ResidueFolder {
    /// A residue's top: what kind of part it is and the numbers of its parts,
    /// packed in two words so that hash-consing hashes little.
    private struct Shape: Hashable {
        enum Kind: Hashable {
            case literal, list, variable, failure, computable, not, conditional
            case binary(BinaryOperator)
            case call(Builtin)
        }
        let kind: Kind
        let parts: (Int32, Int32, Int32)
        private let packed: (UInt64, UInt64)

        init(kind: Kind, parts: (Int32, Int32, Int32) = (-1, -1, -1)) {
            self.kind = kind
            self.parts = parts
            let code: UInt64 =
                switch kind {
                case .literal: 0
                case .list: 1
                case .variable: 2
                case .failure: 3
                case .computable: 4
                case .not: 5
                case .conditional: 6
                case .binary(let op): 16 + UInt64(BinaryOperator.allCases.firstIndex(of: op)!)
                case .call(let f): 48 + UInt64(Builtin.allCases.firstIndex(of: f)!)
                }
            packed = (
                code << 32 | UInt64(UInt32(bitPattern: parts.0)),
                UInt64(UInt32(bitPattern: parts.1)) << 32 | UInt64(UInt32(bitPattern: parts.2))
            )
        }

        static func == (a: Shape, b: Shape) -> Bool { a.packed == b.packed }
        func hash(into h: inout Hasher) {
            h.combine(packed.0)
            h.combine(packed.1)
        }
    }

    private final class Node {
        let expr: Expr
        /// Questions this part reads, through computed values too.
        let inputs: [Int]
        let value: CompiledValue
        let children: [Node]
        /// The residue of a `.list`, which never changes.
        var list: Int32 = -1

        /// Where its last results are kept in the folder.
        let id: Int

        init(expr: Expr, inputs: [Int], children: [Node], id: Int) {
            self.id = id
            self.expr = expr
            self.inputs = inputs
            self.value = ExpressionCompiler.value(expr)
            self.children = children
        }
    }

    private let dialogue: Dialogue
    private var roots: [Node] = []
    private var computedNodes: [Node?]
    /// Residues of computed values and when they were worked out: a computed
    /// value read by many tests is folded once, and again only once one of the
    /// answers it reads has changed.
    private var computedResidues: [(residue: Int32, at: Int)]
    /// When each answer last changed, on a clock that ticks at every change.
    private var changed: [Int]
    private(set) var clock = 0
    private var numbers: [Shape: Int32] = [:]
    private var shapes: [Shape] = []
    private var valueNumbers: [Value: Int32] = [:]
    private var values: [Value] = []
    private var lists: [[Value]] = []
    /// Each node's last value and last parts, with their residues: the same
    /// state comes back often, and comparing is cheaper than hashing.
    private var lastValue: [(value: Value?, residue: Int32)] = []
    private var lastParts: [(parts: (Int32, Int32, Int32), residue: Int32)] = []
    /// The residues `true`, `false`, a failing part, and any value at all.
    let yes: Int32, no: Int32, failure: Int32, computable: Int32

    init(dialogue: Dialogue) {
        self.dialogue = dialogue
        computedNodes = Array(repeating: nil, count: dialogue.computed.count)
        computedResidues = Array(repeating: (0, -1), count: dialogue.computed.count)
        changed = Array(repeating: 0, count: dialogue.questions.count)
        yes = 0
        no = 1
        failure = 2
        computable = 3
        for v in [true, false] {
            values.append(.bool(v))
            valueNumbers[.bool(v)] = Int32(values.count - 1)
            _ = number(Shape(kind: .literal, parts: (Int32(values.count - 1), -1, -1)))
        }
        _ = number(Shape(kind: .failure))
        _ = number(Shape(kind: .computable))
        assert(shapes.count == 4, "yes, no, failure and computable are the first four residues")
    }

    /// Registers a test or value; the number names it from then on.
    mutating func add(_ tree: Expr) -> Int {
        roots.append(node(tree))
        return roots.count - 1
    }

    /// Whether one residue is the other negated (`not r`): of two such guards,
    /// one holds, or evaluating the first fails, for every answer still to come.
    func negates(_ a: Int32, _ b: Int32) -> Bool {
        func negation(_ x: Int32, of y: Int32) -> Bool {
            let shape = shapes[Int(x)]
            return shape.kind == .not && shape.parts.0 == y
        }
        return negation(a, of: b) || negation(b, of: a)
    }

    /// The questions still to come that a residue reads, in slot order.
    mutating func questionsRead(by residue: Int32) -> [Int] {
        var found: Set<Int> = []
        var seen: Set<Int32> = []
        var pending = [residue]
        while let r = pending.popLast() {
            guard r >= 0, seen.insert(r).inserted else { continue }
            let shape = shapes[Int(r)]
            switch shape.kind {
            case .variable: found.insert(Int(shape.parts.0))
            case .literal, .list, .failure, .computable: break
            default: pending += [shape.parts.0, shape.parts.1, shape.parts.2]
            }
        }
        return found.sorted()
    }

    /// The questions whose answers can change a residue.
    func inputs(_ root: Int) -> [Int] { roots[root].inputs }

    /// To be called whenever an answer changes.
    mutating func answerChanged(_ q: Int) {
        clock += 1
        changed[q] = clock
    }

    /// Whether something worked out at `at` from these answers still holds.
    func isCurrent(_ at: Int, _ inputs: [Int]) -> Bool {
        at >= 0 && !inputs.contains { changed[$0] > at }
    }

    /// A residue under the answers in `values`. When only whether it can be
    /// computed matters, every value it settles on is `computable`.
    mutating func residue(_ root: Int, _ values: PathValues, onlyComputable: Bool = false) -> Int32 {
        let n = roots[root]
        if onlyComputable, n.inputs.allSatisfy({ values.answers[$0] != nil }) {
            return (try? n.value(values)) == nil ? failure : computable
        }
        let r = fold(n, values)
        return onlyComputable && shapes[Int(r)].kind == .literal ? computable : r
    }

    private mutating func number(_ shape: Shape) -> Int32 {
        if let known = numbers[shape] { return known }
        let n = Int32(shapes.count)
        numbers[shape] = n
        shapes.append(shape)
        return n
    }

    private mutating func literal(_ v: Value) -> Int32 {
        if case .bool(let b) = v { return b ? yes : no }
        let index: Int32
        if let known = valueNumbers[v] {
            index = known
        } else {
            index = Int32(values.count)
            valueNumbers[v] = index
            values.append(v)
        }
        return number(Shape(kind: .literal, parts: (index, -1, -1)))
    }

    private mutating func node(_ e: Expr) -> Node {
        let children: [Node]
        var inputs: Set<Int> = []
        switch e {
        case .literal, .list, .today: children = []
        case .variable(let s):
            children = []
            if s < dialogue.questions.count { inputs.insert(s) } else { inputs.formUnion(computedNode(s).inputs) }
        case .not(let a): children = [node(a)]
        case .binary(_, let a, let b): children = [node(a), node(b)]
        case .call(_, let args):
            var built: [Node] = []
            for a in args { built.append(node(a)) }
            children = built
        case .conditional(let c, let y, let n): children = [node(c), node(y), node(n)]
        }
        for c in children { inputs.formUnion(c.inputs) }
        let built = Node(expr: e, inputs: inputs.sorted(), children: children, id: lastValue.count)
        lastValue.append((nil, -1))
        lastParts.append(((-2, -2, -2), -1))
        if case .list(let vs) = e {
            lists.append(vs)
            built.list = number(Shape(kind: .list, parts: (Int32(lists.count - 1), -1, -1)))
        }
        return built
    }

    private mutating func computedNode(_ slot: Int) -> Node {
        let i = slot - dialogue.questions.count
        if let known = computedNodes[i] { return known }
        let built = node(dialogue.computed[i].expression.tree)
        computedNodes[i] = built
        return built
    }

    private mutating func fold(_ n: Node, _ answers: PathValues) -> Int32 {
        if n.list >= 0 { return n.list }
        if case .variable(let s) = n.expr, s >= dialogue.questions.count {
            let i = s - dialogue.questions.count
            if isCurrent(computedResidues[i].at, n.inputs) { return computedResidues[i].residue }
            let node = computedNode(s)
            let r = node.inputs.allSatisfy({ answers.answers[$0] != nil }) ? fold(n, answers, closed: true) : fold(node, answers)
            computedResidues[i] = (r, clock)
            return r
        }
        return fold(n, answers, closed: n.inputs.allSatisfy { answers.answers[$0] != nil })
    }

    private mutating func fold(_ n: Node, _ answers: PathValues, closed: Bool) -> Int32 {
        if closed {
            guard let v = try? n.value(answers) else { return failure }
            if lastValue[n.id].value == v { return lastValue[n.id].residue }
            let r = literal(v)
            lastValue[n.id] = (v, r)
            return r
        }
        let c = n.children
        var parts: (Int32, Int32, Int32) = (-1, -1, -1)
        let kind: Shape.Kind
        switch n.expr {
        case .variable(let s):
            return number(Shape(kind: .variable, parts: (Int32(s), -1, -1)))  // a question still to come
        case .not:
            kind = .not
            parts.0 = fold(c[0], answers)
        case .binary(let op, _, _) where op == .and || op == .or:
            let a = fold(c[0], answers)
            let decisive = op == .and ? no : yes
            if a == decisive { return a }
            if a == (op == .and ? yes : no) { return fold(c[1], answers) }
            let b = fold(c[1], answers)
            // `a and true` is `a`, failing where it fails; `a and false` is not
            // `false`, as evaluating `a` may fail first.
            if b == (op == .and ? yes : no) { return a }
            kind = .binary(op)
            parts = (a, b, -1)
        case .binary(let op, _, _):
            kind = .binary(op)
            parts = (fold(c[0], answers), fold(c[1], answers), -1)
        case .call(let f, _):
            kind = .call(f)
            parts = (fold(c[0], answers), c.count > 1 ? fold(c[1], answers) : -1, c.count > 2 ? fold(c[2], answers) : -1)
        case .conditional:
            let condition = fold(c[0], answers)
            if condition == yes { return fold(c[1], answers) }
            if condition == no { return fold(c[2], answers) }
            kind = .conditional
            parts = (condition, fold(c[1], answers), fold(c[2], answers))
        case .literal, .list, .today:
            preconditionFailure("a part without inputs is folded above")
        }
        // The side not taken may have held the only unanswered input.
        func constant(_ r: Int32) -> Bool { r < 0 || shapes[Int(r)].kind == .literal || shapes[Int(r)].kind == .list }
        if constant(parts.0) && constant(parts.1) && constant(parts.2) {
            let given = [parts.0, parts.1, parts.2].prefix(c.count)
            do { return literal(try ExpressionCompiler.value(rebuilt(n.expr, Array(given)))(answers)) } catch { return failure }
        }
        if lastParts[n.id].parts == parts { return lastParts[n.id].residue }
        let r = number(Shape(kind: kind, parts: parts))
        lastParts[n.id] = (parts, r)
        return r
    }

    /// `e` with its parts replaced by the constant residues `parts`.
    private func rebuilt(_ e: Expr, _ parts: [Int32]) -> Expr {
        let p: [Expr] = parts.map { r in
            let shape = shapes[Int(r)]
            return shape.kind == .list ? .list(lists[Int(shape.parts.0)]) : .literal(values[Int(shape.parts.0)])
        }
        switch e {
        case .not: return .not(p[0])
        case .binary(let op, _, _): return .binary(op, p[0], p[1])
        case .call(let f, _): return .call(f, p)
        case .conditional: return .conditional(p[0], p[1], p[2])
        case .literal, .list, .today, .variable: return e
        }
    }
}
