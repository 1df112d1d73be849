import DialogueKit

/// How far past the latest day an answer may hold a rule can compute a date.
///
/// Answers and today stop at 31 December 9998 (`CivilDate.supported`), and the
/// calendar at 31 December 9999: a rule that adds more than the year between can
/// compute a date the calendar cannot hold, which would read as "unknown" and
/// turn a complaint made today into « no answer after three weeks ». Each date an
/// expression computes, in a guard as in a shown value, is bounded here by what
/// it adds to the answers it starts from — a month counts 31 days, a deadline
/// carried past holidays and a weekend 10 more — and `check` refuses the rule
/// whose bound passes the calendar.
struct DateReach {
    let dialogue: Dialogue
    /// Days from the last supported answer to the calendar's last day.
    static let headroom = CivilDate.supported.upperBound.days(until: CivilDate(iso: "9999-12-31")!)
    /// The most days a carried deadline moves past its end (Easter and a weekend
    /// run four days; Alsace adds Good Friday and 26 December).
    static let carried = 10
    /// No date at all (null, a string, a truth value).
    private static let none = Int.min / 4

    /// Every expression whose dates can leave the calendar, with the bound found.
    static func problems(in dialogue: Dialogue) -> [DialogueError] {
        let reach = DateReach(dialogue: dialogue)
        return dialogue.expressions.compactMap { e in
            guard let days = reach.farthest(e.tree), days > headroom else { return nil }
            return DialogueError(
                e.position,
                "`\(e.source)` can compute a date past 31 December 9999: up to \(days) days after the latest day an answer may hold (31 December 9998), where the calendar leaves \(headroom); use smaller delays"
            )
        }
    }

    /// The farthest any date computed inside `e` (itself or a part of it) lies
    /// past the latest answer, in days; nil when an offset has no bound.
    func farthest(_ e: Expr) -> Int? {
        var most = DateReach.none
        var unbounded = false
        func visit(_ e: Expr) {
            if let r = reach(e) { most = max(most, r) } else { unbounded = true }
            switch e {
            case .not(let a): visit(a)
            case .binary(_, let a, let b): visit(a); visit(b)
            case .call(_, let args): args.forEach(visit)
            case .conditional(let a, let b, let c): visit(a); visit(b); visit(c)
            case .variable(let s) where s >= dialogue.questions.count:
                if let r = farthest(dialogue.computed[s - dialogue.questions.count].expression.tree) {
                    most = max(most, r)
                } else {
                    unbounded = true
                }
            default: break
            }
        }
        visit(e)
        return unbounded ? nil : most
    }

    /// How far past the latest answer the date `e` gives can be; `none` when it
    /// gives no date; nil when unbounded.
    func reach(_ e: Expr) -> Int? {
        switch e {
        case .literal(.date(let d)): return CivilDate.supported.upperBound.days(until: d)
        case .today: return 0
        case .variable(let s):
            if s < dialogue.questions.count { return isDate(s) ? 0 : DateReach.none }
            return reach(dialogue.computed[s - dialogue.questions.count].expression.tree)
        case .binary(.plus, let a, let b):
            guard let ra = reach(a), let rb = reach(b) else { return nil }
            if ra > DateReach.none { return most(b).map { ra + $0 } }
            if rb > DateReach.none { return most(a).map { rb + $0 } }
            return DateReach.none
        case .binary(.minus, let a, _): return reach(a)
        case .call(let f, let args):
            guard let start = args.first.flatMap(reach) else { return nil }
            guard start > DateReach.none else { return DateReach.none }
            let n = args.count > 1 ? most(args[1]) : 0
            switch f {
            case .addDays: return n.map { start + $0 }
            case .addMonths: return n.map { start + 31 * $0 }
            case .deadlineDays, .latestDeadlineDays: return n.map { start + $0 + DateReach.carried }
            case .deadlineMonths, .latestDeadlineMonths: return n.map { start + 31 * $0 + DateReach.carried }
            case .nextWorkingDay: return start + DateReach.carried
            default: return DateReach.none
            }
        case .conditional(_, let a, let b):
            guard let ra = reach(a), let rb = reach(b) else { return nil }
            return max(ra, rb)
        default: return DateReach.none
        }
    }

    private func isDate(_ question: Int) -> Bool {
        if case .date = dialogue.questions[question].kind { return true }
        return false
    }

    /// The largest number `e` can give, 0 for none; nil when unbounded (an int
    /// answer, a count of days between two dates).
    func most(_ e: Expr) -> Int? {
        switch e {
        case .literal(.int(let n)): return max(n, 0)
        case .literal: return 0
        case .variable(let s):
            guard s >= dialogue.questions.count else { return isDate(s) ? 0 : nil }
            return most(dialogue.computed[s - dialogue.questions.count].expression.tree)
        case .binary(.plus, let a, let b):
            guard let x = most(a), let y = most(b) else { return nil }
            return x + y
        case .binary(.minus, let a, _): return most(a)
        case .conditional(_, let a, let b):
            guard let x = most(a), let y = most(b) else { return nil }
            return max(x, y)
        case .call(.daysBetween, _): return nil
        default: return 0
        }
    }
}

extension Dialogue {
    /// Every expression of the dialogue: computed values, outputs and the values an
    /// outcome sets, checks, transitions, and the conditions of texts.
    var expressions: [Expression] {
        var all: [Expression] = computed.map(\.expression) + outputs.compactMap(\.value)
        for q in questions { all += q.checks.map(\.rejectIf) + q.next.compactMap(\.condition) }
        for b in branches { all += b.next.compactMap(\.condition) }
        for o in outcomes { all += o.set.map(\.value) + (o.steps + o.parallel + o.notes).compactMap(\.condition) }
        return all
    }
}
