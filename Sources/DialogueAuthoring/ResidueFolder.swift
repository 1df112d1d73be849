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
    private struct Shape: Equatable {
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
                case .binary(let op): 16 + UInt64(Shape.operators.firstIndex(of: op)!)
                case .call(let f): 48 + UInt64(Shape.builtins.firstIndex(of: f)!)
                }
            packed = (
                code << 32 | UInt64(UInt32(bitPattern: parts.0)),
                UInt64(UInt32(bitPattern: parts.1)) << 32 | UInt64(UInt32(bitPattern: parts.2))
            )
        }

        static func == (a: Shape, b: Shape) -> Bool { a.packed == b.packed }

        /// Made once: `allCases` builds a new array at every call.
        private static let operators = BinaryOperator.allCases
        private static let builtins = Builtin.allCases

        /// Where the shape goes in a table of 2^`bits` slots: the top bits of
        /// a multiplicative mix of the two words, the best mixed ones.
        func slot(_ bits: Int) -> Int {
            let x = (packed.0 ^ (packed.1 &* 0xC2B2_AE3D_27D4_EB4F)) &* 0x9E37_79B9_7F4A_7C15
            return Int(truncatingIfNeeded: x >> UInt64(64 - bits))
        }
    }

    /// What a part of an expression is, as the fold needs it: plain values,
    /// so that folding copies no expression and retains nothing.
    private enum Part {
        /// A literal or `today`: no input, always closed.
        case constant
        /// A list, whose residue never changes.
        case list(Int32)
        /// A question, by the residue it leaves while not answered.
        case question(Int32)
        /// A computed value, by its index among them.
        case computed(Int)
        case not, and, or, conditional
        case binary(BinaryOperator)
        case call(Builtin)
    }

    private let dialogue: Dialogue
    /// The parts of every registered expression, by number: what each is, its
    /// parts (-1 for none), the questions it reads (`words` words of bits in
    /// `inputMasks`, one bit per question: a look at a few words, where a list
    /// of questions cost a tenth of `check` in loads), its compiled value and
    /// its expression.
    private var parts: [Part] = []
    private var children: [(Int32, Int32, Int32)] = []
    private let words: Int
    private var inputMasks: [UInt64] = []
    private var compiled: [StoredValue] = []
    private var expressions: [Expr] = []
    private var roots: [Int32] = []
    /// For each question, the roots that read it; for each root, when one of
    /// its answers last changed: whether a root's residue still holds is then
    /// one comparison, not a look at each of its answers (the checker asks it
    /// for every unit of every key).
    private var rootsReading: [[Int]]
    private var rootChanged: [Int] = []
    /// The part that computes each computed value, once registered.
    private var computedParts: [Int32]
    /// The questions not answered, as the checker last said, one bit each.
    private var unanswered: [UInt64]
    /// Each part's last residue and when it was worked out, with how many
    /// questions it reads (counted once: this machine's baseline has no
    /// instruction for it), and the part registered for each expression: a
    /// part met in several tests (most are) is folded once, and again only once
    /// one of its answers has changed.
    private var partResidues: [(residue: Int32, answers: Int32, at: Int)] = []
    private var partNumbers: [Expr: Int32] = [:]
    /// When each answer last changed, on a clock that ticks at every change;
    /// and which answer changed at each tick (`changes[t]`, at tick t + 1).
    private var changed: [Int]
    private(set) var clock = 0
    private var changes: [Int32] = []
    /// Hash-consing: open addressing over `shapes` by `Shape.slot`, -1 for a
    /// free slot, kept at most half full. The standard dictionary's seeded
    /// hash cost a tenth of `check`; these keys come from the folder alone.
    private var table = [Int32](repeating: -1, count: 1 << 12)
    private var tableBits = 12
    private var shapes: [Shape] = []
    private var valueNumbers: [Value: Int32] = [:]
    private var values: [Value] = []
    private var lists: [[Value]] = []
    /// Each node's last value and last parts, with their residues: the same
    /// state comes back often, and comparing is cheaper than hashing.
    private var lastValue: [(value: Value?, residue: Int32)] = []
    private var lastParts: [(parts: (Int32, Int32, Int32), residue: Int32)] = []
    /// For each residue, the last pass of `found` that met it.
    private var seenInPass: [Int] = []
    private var pass = 0
    /// The residues `true`, `false`, a failing part, and any value at all.
    let yes: Int32, no: Int32, failure: Int32, computable: Int32

    init(dialogue: Dialogue) {
        self.dialogue = dialogue
        computedParts = Array(repeating: -1, count: dialogue.computed.count)
        words = max(1, (dialogue.questions.count + 63) / 64)
        unanswered = (0..<words).map { w in
            let bits = min(64, dialogue.questions.count - w * 64)
            return bits >= 64 ? ~0 : (1 << UInt64(max(bits, 0))) - 1
        }
        changed = Array(repeating: 0, count: dialogue.questions.count)
        rootsReading = Array(repeating: [], count: dialogue.questions.count)
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

    /// Compiles every part again, for a folder about to run beside another
    /// copy of itself: two threads calling the same closures would count
    /// references to them from two cores, a cache line moving at each call.
    mutating func compileAgain() {
        compiled = expressions.map { StoredValue(ExpressionCompiler.value($0)) }
    }

    /// Registers a test or value; the number names it from then on.
    mutating func add(_ tree: Expr) -> Int {
        let p = part(tree)
        roots.append(p)
        rootChanged.append(0)
        for q in questions(readBy: p) { rootsReading[q].append(roots.count - 1) }
        return roots.count - 1
    }

    /// Whether one residue is the other negated (`not r`): of two such guards,
    /// one holds, or evaluating the first fails, for every answer still to come.
    @inline(__always)
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

    /// For each of `targets`, whether it is a part of one of `roots`, the roots
    /// included. Each residue met is marked with the pass, so that no set is
    /// built, and the walk ends once every target is found.
    mutating func found(_ targets: [Int32], within roots: [Int32]) -> [Bool] {
        pass += 1
        if seenInPass.count < shapes.count { seenInPass += repeatElement(0, count: shapes.count - seenInPass.count) }
        var found = [Bool](repeating: false, count: targets.count)
        var missing = targets.count
        var pending = roots
        while missing > 0, let r = pending.popLast() {
            guard r >= 0, seenInPass[Int(r)] != pass else { continue }
            seenInPass[Int(r)] = pass
            for (i, t) in targets.enumerated() where t == r && !found[i] {
                found[i] = true
                missing -= 1
            }
            let shape = shapes[Int(r)]
            switch shape.kind {
            case .literal, .list, .failure, .computable, .variable: break
            default:
                pending.append(shape.parts.0)
                pending.append(shape.parts.1)
                pending.append(shape.parts.2)
            }
        }
        return found
    }

    /// The questions whose answers can change a residue.
    func inputs(_ root: Int) -> [Int] {
        questions(readBy: roots[root])
    }

    /// The questions a part reads, in slot order.
    private func questions(readBy p: Int32) -> [Int] {
        var found: [Int] = []
        for w in 0..<words {
            var m = inputMasks[Int(p) * words + w]
            while m != 0 {
                found.append(w * 64 + m.trailingZeroBitCount)
                m &= m - 1
            }
        }
        return found
    }

    /// To be called whenever an answer changes.
    mutating func answerChanged(_ q: Int, answered isAnswered: Bool) {
        clock += 1
        changed[q] = clock
        changes.append(Int32(q))
        let bit: UInt64 = 1 << UInt64(q % 64)
        if isAnswered { unanswered[q / 64] &= ~bit } else { unanswered[q / 64] |= bit }
        for r in rootsReading[q] { rootChanged[r] = clock }
    }

    /// Whether a root's residue worked out at `at` still holds: none of the
    /// answers it reads has changed since.
    @inline(__always)
    func isCurrent(_ at: Int, root: Int) -> Bool {
        at >= 0 && rootChanged[root] <= at
    }

    /// Whether a part's residue worked out at `at` still holds. Inlined, as are
    /// the folder's other small readers: called from a mutating method, a
    /// method reading `self` was given a copy of the whole folder (224 bytes),
    /// twice for each part folded, an eighth of `check`.
    @inline(__always)
    private func isCurrent(_ at: Int, part p: Int32) -> Bool {
        guard at >= 0 else { return false }
        // Worked out fewer changes ago than it has answers (most parts are):
        // those changes are read instead.
        if clock - at <= Int(partResidues[Int(p)].answers) {
            for i in at..<clock {
                let q = Int(changes[i])
                if inputMasks[Int(p) * words + q / 64] & 1 << UInt64(q % 64) != 0 { return false }
            }
            return true
        }
        for w in 0..<words {
            var m = inputMasks[Int(p) * words + w]
            while m != 0 {
                if changed[w * 64 + m.trailingZeroBitCount] > at { return false }
                m &= m - 1
            }
        }
        return true
    }

    /// Whether every question a part reads is answered.
    @inline(__always)
    private func closed(_ p: Int32) -> Bool {
        for w in 0..<words where inputMasks[Int(p) * words + w] & unanswered[w] != 0 { return false }
        return true
    }

    /// A residue under the answers in `values`. When only whether it can be
    /// computed matters, every value it settles on is `computable`.
    mutating func residue(_ root: Int, _ values: PathValues, onlyComputable: Bool = false) -> Int32 {
        let r = fold(roots[root], values)
        return onlyComputable && shapes[Int(r)].kind == .literal ? computable : r
    }

    private mutating func number(_ shape: Shape) -> Int32 {
        let mask = table.count - 1
        var i = shape.slot(tableBits)
        while table[i] >= 0 {
            if shapes[Int(table[i])] == shape { return table[i] }
            i = (i + 1) & mask
        }
        let n = Int32(shapes.count)
        shapes.append(shape)
        table[i] = n
        if shapes.count * 2 > table.count {
            tableBits += 1
            table = [Int32](repeating: -1, count: 1 << tableBits)
            for (m, known) in shapes.enumerated() {
                var j = known.slot(tableBits)
                while table[j] >= 0 { j = (j + 1) & (table.count - 1) }
                table[j] = Int32(m)
            }
        }
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

    /// Registers a part and its own parts; its number.
    private mutating func part(_ e: Expr) -> Int32 {
        if let known = partNumbers[e] { return known }
        var kids: [Int32] = []
        var inputs = [UInt64](repeating: 0, count: words)
        let kind: Part
        switch e {
        case .literal, .today: kind = .constant
        case .list(let vs):
            lists.append(vs)
            kind = .list(number(Shape(kind: .list, parts: (Int32(lists.count - 1), -1, -1))))
        case .variable(let s) where s < dialogue.questions.count:
            kind = .question(number(Shape(kind: .variable, parts: (Int32(s), -1, -1))))
            inputs[s / 64] |= 1 << UInt64(s % 64)
        case .variable(let s):
            let computed = Int(computedPart(s))
            kind = .computed(s - dialogue.questions.count)
            for w in 0..<words { inputs[w] |= inputMasks[computed * words + w] }
        case .not(let a):
            kind = .not
            kids = [part(a)]
        case .binary(let op, let a, let b):
            kind = op == .and ? .and : op == .or ? .or : .binary(op)
            kids = [part(a), part(b)]
        case .call(let f, let args):
            kind = .call(f)
            for a in args { kids.append(part(a)) }
        case .conditional(let c, let y, let n):
            kind = .conditional
            kids = [part(c), part(y), part(n)]
        }
        precondition(kids.count <= 3, "a part has at most three parts")
        for k in kids { for w in 0..<words { inputs[w] |= inputMasks[Int(k) * words + w] } }
        inputMasks += inputs
        parts.append(kind)
        children.append((kids.count > 0 ? kids[0] : -1, kids.count > 1 ? kids[1] : -1, kids.count > 2 ? kids[2] : -1))
        compiled.append(StoredValue(ExpressionCompiler.value(e)))
        expressions.append(e)
        lastValue.append((nil, -1))
        lastParts.append(((-2, -2, -2), -1))
        partResidues.append((0, Int32(inputs.reduce(0) { $0 + $1.nonzeroBitCount }), -1))
        partNumbers[e] = Int32(parts.count - 1)
        return Int32(parts.count - 1)
    }

    private mutating func computedPart(_ slot: Int) -> Int32 {
        let i = slot - dialogue.questions.count
        if computedParts[i] >= 0 { return computedParts[i] }
        let built = part(dialogue.computed[i].expression.tree)
        computedParts[i] = built
        return built
    }

    private mutating func fold(_ p: Int32, _ answers: PathValues) -> Int32 {
        switch parts[Int(p)] {
        case .list(let r):
            return r
        case .computed(let i):
            if isCurrent(partResidues[Int(p)].at, part: p) { return partResidues[Int(p)].residue }
            let r = closed(p) ? fold(p, answers, closed: true) : fold(computedParts[i], answers)
            partResidues[Int(p)].residue = r
            partResidues[Int(p)].at = clock
            return r
        default:
            if isCurrent(partResidues[Int(p)].at, part: p) { return partResidues[Int(p)].residue }
            let r = fold(p, answers, closed: closed(p))
            partResidues[Int(p)].residue = r
            partResidues[Int(p)].at = clock
            return r
        }
    }

    private mutating func fold(_ p: Int32, _ answers: PathValues, closed: Bool) -> Int32 {
        let id = Int(p)
        if closed {
            guard let v = try? compiled[id].evaluate(answers) else { return failure }
            if lastValue[id].value == v { return lastValue[id].residue }
            let r = literal(v)
            lastValue[id] = (v, r)
            return r
        }
        let c = children[id]
        var folded: (Int32, Int32, Int32) = (-1, -1, -1)
        let kind: Shape.Kind
        switch parts[id] {
        case .question(let residue):
            return residue  // a question still to come
        case .not:
            kind = .not
            folded.0 = fold(c.0, answers)
        case .and, .or:
            var isAnd = false
            if case .and = parts[id] { isAnd = true }
            let (decisive, neutral) = isAnd ? (no, yes) : (yes, no)
            let a = fold(c.0, answers)
            if a == decisive { return a }
            if a == neutral { return asTest(fold(c.1, answers)) }
            let b = fold(c.1, answers)
            // `a and true` is `a` tested, failing where it fails; `a and false`
            // is not `false`, as evaluating `a` may fail first.
            if b == neutral { return asTest(a) }
            kind = .binary(isAnd ? .and : .or)
            folded = (a, b, -1)
        case .binary(let op):
            kind = .binary(op)
            folded = (fold(c.0, answers), fold(c.1, answers), -1)
        case .call(let f):
            kind = .call(f)
            folded = (fold(c.0, answers), c.1 >= 0 ? fold(c.1, answers) : -1, c.2 >= 0 ? fold(c.2, answers) : -1)
        case .conditional:
            let condition = fold(c.0, answers)
            if condition == yes { return fold(c.1, answers) }
            if condition == no { return fold(c.2, answers) }
            kind = .conditional
            folded = (condition, fold(c.1, answers), fold(c.2, answers))
        case .constant, .list, .computed:
            preconditionFailure("a part without inputs, and a computed value, are folded above")
        }
        // The same parts as last time give the same residue, constant or not.
        if lastParts[id].parts == folded { return lastParts[id].residue }
        // The side not taken may have held the only unanswered input: with
        // constant parts only, the part is evaluated on them. Told apart
        // before any list is made, as most parts are not constant.
        let arity = c.2 >= 0 ? 3 : c.1 >= 0 ? 2 : 1
        func constant(_ r: Int32) -> Expr? {
            let shape = shapes[Int(r)]
            switch shape.kind {
            case .literal: return .literal(values[Int(shape.parts.0)])
            case .list: return .list(lists[Int(shape.parts.0)])
            default: return nil
            }
        }
        func isConstant(_ r: Int32) -> Bool {
            let kind = shapes[Int(r)].kind
            return kind == .literal || kind == .list
        }
        let r: Int32
        if isConstant(folded.0) && (arity < 2 || isConstant(folded.1)) && (arity < 3 || isConstant(folded.2)) {
            let constants = [folded.0, folded.1, folded.2].prefix(arity).compactMap(constant)
            let value = try? ExpressionCompiler.value(Self.rebuilt(expressions[id], constants))(answers)
            r = value.map { literal($0) } ?? failure
        } else {
            r = number(Shape(kind: kind, parts: folded))
        }
        lastParts[id] = (folded, r)
        return r
    }

    /// A side of `and` or `or` standing for the whole: its value is the side
    /// tested, so a null or a value of another kind fails, and a side that may
    /// hold one (a question, a computed value, an `if`, a calculation) is kept
    /// as `true and r`, apart from the same residue read as a value (`{v}`,
    /// `known(v)`, `v == true`), which does not fail there.
    private mutating func asTest(_ r: Int32) -> Int32 {
        switch shapes[Int(r)].kind {
        case .literal: return r == yes || r == no ? r : failure
        case .failure, .not, .call(.known): return r
        case .binary(let op) where op != .plus && op != .minus: return r
        default: return number(Shape(kind: .binary(.and), parts: (yes, r, -1)))
        }
    }

    /// `e` with its parts replaced by the constants `p`. Static, as a method
    /// reading `self` from a mutating fold copied the whole folder each time.
    private static func rebuilt(_ e: Expr, _ p: [Expr]) -> Expr {
        switch e {
        case .not: return .not(p[0])
        case .binary(let op, _, _): return .binary(op, p[0], p[1])
        case .call(let f, _): return .call(f, p)
        case .conditional: return .conditional(p[0], p[1], p[2])
        case .literal, .list, .today, .variable: return e
        }
    }
}
