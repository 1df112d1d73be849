/// Why an expression could not be evaluated. Only a faulty dialogue produces these
/// (`conciliation check` proves the shipped ones never do); they are reported, not
/// swallowed.
public enum EvaluationError: Error, Sendable, Equatable {
    /// A question that was not asked on this path, or a computed value that reads one.
    case unset(slot: Int)
    /// An ordering comparison or arithmetic on an unknown (`null`) value.
    case unknownValue(slot: Int?)
}

/// Gives the evaluator the value of a slot: an answer, or a computed value.
protocol SlotReader {
    var today: CivilDate { get }
    func value(ofSlot slot: Int) throws(EvaluationError) -> Value
}

enum Evaluator {
    static func evaluate<R: SlotReader>(_ expr: Expr, _ reader: R) throws(EvaluationError) -> Value {
        switch expr {
        case .literal(let v): return v
        case .list: return .null  // only ever the right side of `in`
        case .today: return .date(reader.today)
        case .variable(let slot): return try reader.value(ofSlot: slot)
        case .not(let inner):
            return .bool(!(try truth(inner, reader)))
        case .conditional(let c, let yes, let no):
            return try truth(c, reader) ? evaluate(yes, reader) : evaluate(no, reader)
        case .binary(let op, let lhs, let rhs):
            switch op {
            case .and:
                // Short-circuit: `known(x) and x > today` never reads an unknown x.
                guard try truth(lhs, reader) else { return .bool(false) }
                return .bool(try truth(rhs, reader))
            case .or:
                guard try !truth(lhs, reader) else { return .bool(true) }
                return .bool(try truth(rhs, reader))
            case .equal: return .bool(try evaluate(lhs, reader) == evaluate(rhs, reader))
            case .notEqual: return .bool(try evaluate(lhs, reader) != evaluate(rhs, reader))
            case .isIn, .notIn:
                guard case .list(let values) = rhs else { return .bool(false) }
                let found = values.contains(try evaluate(lhs, reader))
                return .bool(op == .isIn ? found : !found)
            case .less, .lessOrEqual, .greater, .greaterOrEqual:
                let a = try evaluate(lhs, reader), b = try evaluate(rhs, reader)
                let ordering: Int
                switch (a, b) {
                case (.int(let x), .int(let y)): ordering = x < y ? -1 : (x == y ? 0 : 1)
                case (.date(let x), .date(let y)): ordering = x < y ? -1 : (x == y ? 0 : 1)
                default: throw .unknownValue(slot: slotOfNull(a, lhs) ?? slotOfNull(b, rhs))
                }
                switch op {
                case .less: return .bool(ordering < 0)
                case .lessOrEqual: return .bool(ordering <= 0)
                case .greater: return .bool(ordering > 0)
                default: return .bool(ordering >= 0)
                }
            case .plus, .minus:
                let a = try evaluate(lhs, reader), b = try evaluate(rhs, reader)
                let sign = op == .plus ? 1 : -1
                switch (a, b) {
                case (.int(let x), .int(let y)): return .int(x + sign * y)
                case (.date(let d), .int(let n)): return .date(d.adding(days: sign * n))
                case (.null, _), (_, .null): return .null
                default: throw .unknownValue(slot: nil)
                }
            }
        case .call(let function, let arguments):
            return try call(function, arguments, reader)
        }
    }

    static func truth<R: SlotReader>(_ expr: Expr, _ reader: R) throws(EvaluationError) -> Bool {
        switch try evaluate(expr, reader) {
        case .bool(let b): return b
        default: throw .unknownValue(slot: slotOf(expr))
        }
    }

    private static func slotOf(_ expr: Expr) -> Int? {
        if case .variable(let slot) = expr { return slot }
        return nil
    }

    private static func slotOfNull(_ value: Value, _ expr: Expr) -> Int? {
        value == .null ? slotOf(expr) : nil
    }

    private static func call<R: SlotReader>(_ function: Builtin, _ arguments: [Expr], _ reader: R) throws(EvaluationError) -> Value {
        var values: [Value] = []
        values.reserveCapacity(arguments.count)
        for argument in arguments { values.append(try evaluate(argument, reader)) }
        func department(_ v: Value) -> String? {
            if case .string(let s) = v { return s }
            return nil
        }
        switch function {
        case .known:
            return .bool(values[0] != .null)
        case .addMonths, .addDays:
            guard case .date(let d) = values[0] else { return .null }
            guard case .int(let n) = values[1] else { throw .unknownValue(slot: slotOf(arguments[1])) }
            return .date(function == .addMonths ? d.adding(months: n) : d.adding(days: n))
        case .deadlineMonths:
            guard case .date(let d) = values[0] else { return .null }
            guard case .int(let n) = values[1] else { throw .unknownValue(slot: slotOf(arguments[1])) }
            return .date(LegalCalendar.deadline(months: n, from: d, department: department(values[2])))
        case .nextWorkingDay:
            guard case .date(let d) = values[0] else { return .null }
            return .date(LegalCalendar.extendToWorkingDay(d, department: department(values[1])))
        case .daysBetween:
            guard case .date(let a) = values[0], case .date(let b) = values[1] else { return .null }
            return .int(a.days(until: b))
        }
    }
}
