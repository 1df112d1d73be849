/// Why an expression could not be evaluated. Only a faulty dialogue produces these
/// (`conciliation check` proves the shipped ones never do); they are reported, not
/// swallowed.
public enum EvaluationError: Error, Sendable, Equatable {
    /// A question that was not asked on this path, or a computed value that reads one.
    case unset(slot: Int)
    /// An ordering comparison or arithmetic on an unknown (`null`) value.
    case unknownValue(slot: Int?)
}

package typealias CompiledValue = @Sendable (PathValues) throws(EvaluationError) -> Value
package typealias CompiledTest = @Sendable (PathValues) throws(EvaluationError) -> Bool

/// A compiled value kept in a list. A function stored straight in an array is
/// converted to the array's generic form going in and back coming out: two
/// more calls at every evaluation. Inside a struct it is stored as it is.
package struct StoredValue: Sendable {
    package let evaluate: CompiledValue

    package init(_ evaluate: @escaping CompiledValue) { self.evaluate = evaluate }
}

/// A compiled test kept in a list (see `StoredValue`).
package struct StoredTest: Sendable {
    package let test: CompiledTest

    package init(_ test: @escaping CompiledTest) { self.test = test }
}

/// Turns a checked expression tree into closures, once, when the dialogue is
/// loaded: routing a case then calls them directly instead of walking the tree,
/// which matters when `triage` routes hundreds of thousands of cases.
package enum ExpressionCompiler {
    package static func value(_ expr: Expr) -> CompiledValue {
        switch expr {
        case .literal(let v):
            return { _ in v }
        case .list:
            return { _ in .null }  // only ever the right side of `in`, handled there
        case .today:
            return { r in .date(r.today) }
        case .variable(let slot):
            return { r throws(EvaluationError) in try r.value(ofSlot: slot) }
        case .conditional(let c, let yes, let no):
            let condition = test(c), a = value(yes), b = value(no)
            return { r throws(EvaluationError) in try condition(r) ? a(r) : b(r) }
        case .binary(.plus, let lhs, let rhs), .binary(.minus, let lhs, let rhs):
            let a = value(lhs), b = value(rhs)
            let sign = if case .binary(.plus, _, _) = expr { 1 } else { -1 }
            return { r throws(EvaluationError) in
                switch (try a(r), try b(r)) {
                case (.int(let x), .int(let y)): return .int(x + sign * y)
                case (.date(let d), .int(let n)): return d.addingChecked(days: sign * n).map(Value.date) ?? .null
                case (.null, _), (_, .null): return .null
                default: throw .unknownValue(slot: nil)
                }
            }
        case .call(let function, let arguments):
            return call(function, arguments)
        case .not, .binary:
            let t = test(expr)
            return { r throws(EvaluationError) in .bool(try t(r)) }
        }
    }

    package static func test(_ expr: Expr) -> CompiledTest {
        switch expr {
        case .literal(.bool(let b)):
            return { _ in b }
        case .variable(let slot):
            return { r throws(EvaluationError) in
                guard case .bool(let b) = try r.value(ofSlot: slot) else { throw .unknownValue(slot: slot) }
                return b
            }
        case .not(let inner):
            let t = test(inner)
            return { r throws(EvaluationError) in try !t(r) }
        case .binary(.and, let lhs, let rhs):
            // Short-circuit: `known(x) and x > today` never reads an unknown x.
            let a = test(lhs), b = test(rhs)
            return { r throws(EvaluationError) in try a(r) ? b(r) : false }
        case .binary(.or, let lhs, let rhs):
            let a = test(lhs), b = test(rhs)
            return { r throws(EvaluationError) in try a(r) ? true : b(r) }
        case .binary(.equal, let lhs, .literal(let v)):
            let a = value(lhs)
            return { r throws(EvaluationError) in try a(r) == v }
        case .binary(.notEqual, let lhs, .literal(let v)):
            let a = value(lhs)
            return { r throws(EvaluationError) in try a(r) != v }
        case .binary(.equal, let lhs, let rhs), .binary(.notEqual, let lhs, let rhs):
            let a = value(lhs), b = value(rhs)
            let equal = if case .binary(.equal, _, _) = expr { true } else { false }
            return { r throws(EvaluationError) in (try a(r) == b(r)) == equal }
        case .binary(.isIn, let lhs, .list(let values)), .binary(.notIn, let lhs, .list(let values)):
            let a = value(lhs)
            let inside = if case .binary(.isIn, _, _) = expr { true } else { false }
            return { r throws(EvaluationError) in values.contains(try a(r)) == inside }
        case .binary(let op, let lhs, let rhs) where [.less, .lessOrEqual, .greater, .greaterOrEqual].contains(op):
            let a = value(lhs), b = value(rhs)
            let slots = (slotOf(lhs), slotOf(rhs))
            return { r throws(EvaluationError) in
                let ordering: Int
                switch (try a(r), try b(r)) {
                case (.int(let x), .int(let y)): ordering = x < y ? -1 : (x == y ? 0 : 1)
                case (.date(let x), .date(let y)): ordering = x < y ? -1 : (x == y ? 0 : 1)
                case (.null, _): throw .unknownValue(slot: slots.0)
                default: throw .unknownValue(slot: slots.1)
                }
                switch op {
                case .less: return ordering < 0
                case .lessOrEqual: return ordering <= 0
                case .greater: return ordering > 0
                default: return ordering >= 0
                }
            }
        case .call(.known, let arguments):
            let a = value(arguments[0])
            return { r throws(EvaluationError) in try a(r) != .null }
        default:
            let v = value(expr)
            let slot = slotOf(expr)
            return { r throws(EvaluationError) in
                guard case .bool(let b) = try v(r) else { throw .unknownValue(slot: slot) }
                return b
            }
        }
    }

    private static func slotOf(_ expr: Expr) -> Int? {
        if case .variable(let slot) = expr { return slot }
        return nil
    }

    private static func call(_ function: Builtin, _ arguments: [Expr]) -> CompiledValue {
        // Each argument compiled on its own: kept in an array, each would be
        // called through two conversions (see `StoredValue`).
        func compiled(_ i: Int) -> CompiledValue { value(arguments[i]) }
        let slots = arguments.map(slotOf)
        @Sendable func department(_ v: Value) -> String? {
            if case .string(let s) = v { return s }
            return nil
        }
        switch function {
        case .known:
            let a = compiled(0)
            return { r throws(EvaluationError) in .bool(try a(r) != .null) }
        case .addMonths, .addDays:
            let (a, b) = (compiled(0), compiled(1))
            let months = function == .addMonths
            return { r throws(EvaluationError) in
                guard case .date(let d) = try a(r) else { return .null }
                guard case .int(let n) = try b(r) else { throw .unknownValue(slot: slots[1]) }
                let end = months ? d.addingChecked(months: n) : d.addingChecked(days: n)
                return end.map(Value.date) ?? .null
            }
        case .deadlineMonths, .latestDeadlineMonths, .deadlineDays, .latestDeadlineDays:
            let (a, b, c) = (compiled(0), compiled(1), compiled(2))
            let reading: LegalCalendar.Reading = [.latestDeadlineMonths, .latestDeadlineDays].contains(function) ? .latest : .earliest
            let inMonths = [.deadlineMonths, .latestDeadlineMonths].contains(function)
            return { r throws(EvaluationError) in
                guard case .date(let d) = try a(r) else { return .null }
                guard case .int(let n) = try b(r) else { throw .unknownValue(slot: slots[1]) }
                let department = department(try c(r))
                let end =
                    inMonths
                    ? LegalCalendar.deadline(months: n, from: d, department: department, reading: reading)
                    : LegalCalendar.deadline(days: n, from: d, department: department, reading: reading)
                return end.map(Value.date) ?? .null
            }
        case .nextWorkingDay:
            let (a, b) = (compiled(0), compiled(1))
            return { r throws(EvaluationError) in
                guard case .date(let d) = try a(r) else { return .null }
                return LegalCalendar.extendToWorkingDay(d, department: department(try b(r))).map(Value.date) ?? .null
            }
        case .daysBetween:
            let (a, b) = (compiled(0), compiled(1))
            return { r throws(EvaluationError) in
                guard case .date(let x) = try a(r), case .date(let y) = try b(r) else { return .null }
                return .int(x.days(until: y))
            }
        }
    }
}
