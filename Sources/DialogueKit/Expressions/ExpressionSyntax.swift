/// The guard and formula language of dialogue files: literals, names, comparisons,
/// `and`/`or`/`not`, `in [..]`, `if … then … else …`, `+`/`-` on numbers and days,
/// and a fixed set of pure functions. No loops, no I/O, no assignment: an author
/// cannot write anything that fails to terminate or touches the machine.
public indirect enum Expr: Sendable, Hashable {
    case literal(Value)
    case list([Value])
    case variable(Int)
    case today
    case not(Expr)
    case binary(BinaryOperator, Expr, Expr)
    case call(Builtin, [Expr])
    case conditional(Expr, Expr, Expr)
}

public enum BinaryOperator: String, Sendable, CaseIterable {
    case and, or
    case equal = "==", notEqual = "!="
    case less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">="
    case isIn = "in", notIn = "not in"
    case plus = "+", minus = "-"
}

/// The functions an author may call. Each is total on its types; a null date gives
/// a null result, so "date unknown" flows through to "deadline unknown".
public enum Builtin: String, Sendable, CaseIterable {
    /// `add_months(date, n)`: same day number n months later, or the month's last day.
    case addMonths = "add_months"
    /// `add_days(date, n)`: calendar days, no extension for weekends.
    case addDays = "add_days"
    /// `deadline_months(date, n, department)`: art. 641 then 642 of the code de procédure civile.
    case deadlineMonths = "deadline_months"
    /// `latest_deadline_months(date, n, department)`: the same, also counting the
    /// holidays that hold only in some communes (domain rule 11): the last day a
    /// route can be closed on, never the date to advise.
    case latestDeadlineMonths = "latest_deadline_months"
    /// `deadline_days(date, n, department)`: art. 641 al. 1 (the day of the event
    /// does not count) then 642.
    case deadlineDays = "deadline_days"
    /// `latest_deadline_days(date, n, department)`: `deadline_days` read as
    /// `latest_deadline_months` reads months.
    case latestDeadlineDays = "latest_deadline_days"
    /// `next_working_day(date, department)`: the date itself if it is a working day.
    case nextWorkingDay = "next_working_day"
    /// `days_between(a, b)`: b − a in days.
    case daysBetween = "days_between"
    /// `known(x)`: false when x is null (the answer was "je ne sais pas").
    case known

    var signature: (parameters: [ValueType], result: ValueType) {
        switch self {
        case .addMonths, .addDays: return ([.date, .int], .date)
        case .deadlineMonths, .latestDeadlineMonths, .deadlineDays, .latestDeadlineDays: return ([.date, .int, .string], .date)
        case .nextWorkingDay: return ([.date, .string], .date)
        case .daysBetween: return ([.date, .date], .int)
        case .known: return ([], .bool)  // any one argument
        }
    }
}

/// An expression as written, with where it came from, for error messages and for
/// showing guards to trainers.
public final class Expression: Sendable {
    public let source: String
    public let position: SourcePosition
    public let tree: Expr
    public let type: ValueType
    /// Question and computed-value slots this expression reads directly.
    public let reads: [Int]
    package let evaluate: CompiledValue
    package let test: CompiledTest

    init(source: String, position: SourcePosition, tree: Expr, type: ValueType, reads: [Int]) {
        self.source = source
        self.position = position
        self.tree = tree
        self.type = type
        self.reads = reads
        self.evaluate = ExpressionCompiler.value(tree)
        self.test = type == .bool ? ExpressionCompiler.test(tree) : { @Sendable _ in false }
    }
}
