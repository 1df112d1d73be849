/// What a name in an expression stands for, as the loader resolves it.
struct Symbol {
    let expr: Expr
    let type: ValueType
    /// For a choice question: the values a string compared with it may take.
    let allowedStrings: [String]?
}

/// Parses and type-checks one expression. Errors carry the column of the offending
/// token, shifted to the expression's place in the file.
struct ExpressionParser {
    private enum Token: Equatable {
        case name(String)
        case string(String)
        case int(Int)
        case date(CivilDate)
        case symbol(String)
        case end
    }

    private let source: [UInt8]
    private let origin: SourcePosition
    private let resolve: (String) -> Symbol?
    private var tokens: [(token: Token, offset: Int)] = []
    private var index = 0
    private var reads: [Int] = []
    /// How deep the parser has recursed: parentheses, `not`, `if`.
    private var depth = 0

    /// Limits that keep loading and `check` in bounded time and memory whatever a
    /// file holds; a longer rule is better split into computed values.
    static let maximumTokens = 400
    static let maximumDepth = 40

    static func parse(
        _ text: String, at origin: SourcePosition, resolve: @escaping (String) -> Symbol?
    ) throws(DialogueError) -> Expression {
        var parser = ExpressionParser(source: Array(text.utf8), origin: origin, resolve: resolve)
        try parser.tokenize()
        if parser.tokens.count > maximumTokens {
            throw parser.error(
                at: 0,
                "this expression is too long (\(parser.tokens.count) tokens, at most \(maximumTokens)): split it into computed values")
        }
        let (tree, type, _) = try parser.parseExpression()
        if parser.current != .end {
            throw parser.error("unexpected \(parser.describe(parser.current)) after a complete expression")
        }
        guard let type else { throw parser.error(at: 0, "an expression cannot be only `null`") }
        return Expression(source: text, position: origin, tree: tree, type: type, reads: parser.reads)
    }

    private init(source: [UInt8], origin: SourcePosition, resolve: @escaping (String) -> Symbol?) {
        self.source = source
        self.origin = origin
        self.resolve = resolve
    }

    // MARK: Errors

    private func column(ofByte offset: Int) -> Int {
        // Columns count characters, as YAML's marks do.
        String(decoding: source[0..<min(offset, source.count)], as: UTF8.self).unicodeScalars.count
    }

    private func error(at offset: Int, _ message: String) -> DialogueError {
        DialogueError(origin.advanced(by: column(ofByte: offset)), message)
    }

    private func error(_ message: String) -> DialogueError {
        error(at: tokens[index].offset, message)
    }

    private func describe(_ token: Token) -> String {
        switch token {
        case .name(let n): return "`\(n)`"
        case .string(let s): return "\"\(s)\""
        case .int(let i): return "`\(i)`"
        case .date(let d): return "`\(d.iso)`"
        case .symbol(let s): return "`\(s)`"
        case .end: return "end of expression"
        }
    }

    // MARK: Lexer

    private mutating func tokenize() throws(DialogueError) {
        var i = 0
        func isNameByte(_ c: UInt8) -> Bool {
            (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c == 95
        }
        while i < source.count {
            let c = source[i]
            if c == 32 || c == 9 || c == 10 || c == 13 { i += 1; continue }
            let start = i
            if (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c == 95 {
                while i < source.count, isNameByte(source[i]) { i += 1 }
                tokens.append((.name(String(decoding: source[start..<i], as: UTF8.self)), start))
            } else if c >= 48 && c <= 57 {
                while i < source.count, (source[i] >= 48 && source[i] <= 57) || source[i] == 45 { i += 1 }
                let text = String(decoding: source[start..<i], as: UTF8.self)
                if text.contains("-") {
                    guard let d = CivilDate(iso: text) else {
                        throw error(at: start, "`\(text)` is not a date: write YYYY-MM-DD with a day that exists")
                    }
                    tokens.append((.date(d), start))
                } else {
                    guard let n = Int(text), n <= DialogueLoader.maximumParameter else {
                        throw error(
                            at: start,
                            "`\(text)` is too large: a number of days or months goes from 0 to \(DialogueLoader.maximumParameter), as a parameter does"
                        )
                    }
                    tokens.append((.int(n), start))
                }
            } else if c == 34 || c == 39 {
                i += 1
                while i < source.count, source[i] != c { i += 1 }
                guard i < source.count else { throw error(at: start, "this string is not closed") }
                tokens.append((.string(String(decoding: source[(start + 1)..<i], as: UTF8.self)), start))
                i += 1
            } else {
                let two = i + 1 < source.count ? String(decoding: source[i...(i + 1)], as: UTF8.self) : ""
                if ["==", "!=", "<=", ">="].contains(two) {
                    tokens.append((.symbol(two), start))
                    i += 2
                } else if "<>()[],+-".utf8.contains(c) {
                    tokens.append((.symbol(String(UnicodeScalar(c))), start))
                    i += 1
                } else {
                    let scalar = String(decoding: source[i...].prefix(4), as: UTF8.self).first.map(String.init) ?? "?"
                    let hint = c == 61 ? " (write `==` to compare)" : c == 38 || c == 124 ? " (write `and` / `or`)" : ""
                    throw error(at: start, "unexpected character `\(scalar)`\(hint)")
                }
            }
        }
        tokens.append((.end, source.count))
    }

    // MARK: Parser

    private var current: Token { tokens[index].token }

    private mutating func take(_ symbol: String) -> Bool {
        if current == .symbol(symbol) || current == .name(symbol) {
            index += 1
            return true
        }
        return false
    }

    private mutating func expect(_ symbol: String) throws(DialogueError) {
        guard take(symbol) else { throw error("expected `\(symbol)`, found \(describe(current))") }
    }

    typealias Typed = (Expr, ValueType?, [String]?)

    private mutating func parseExpression() throws(DialogueError) -> Typed {
        depth += 1
        defer { depth -= 1 }
        if depth > ExpressionParser.maximumDepth {
            throw error(
                "this expression is nested too deeply (more than \(ExpressionParser.maximumDepth) levels): split it into computed values")
        }
        if take("if") {
            let conditionOffset = tokens[index].offset
            let (condition, conditionType, _) = try parseExpression()
            try requireType(conditionType, .bool, at: conditionOffset, role: "the condition of `if`")
            try expect("then")
            let thenOffset = tokens[index].offset
            let (yes, yesType, allowed) = try parseExpression()
            try expect("else")
            let (no, noType, _) = try parseExpression()
            if let yesType, let noType, yesType != noType {
                throw error(at: thenOffset, "`then` gives \(yesType) but `else` gives \(noType)")
            }
            return (.conditional(condition, yes, no), yesType ?? noType, allowed)
        }
        return try parseOr()
    }

    private mutating func parseOr() throws(DialogueError) -> Typed {
        var offset = tokens[index].offset
        var (lhs, lhsType, allowed) = try parseAnd()
        while current == .name("or") {
            try requireType(lhsType, .bool, at: offset, role: "the left side of `or`")
            index += 1
            offset = tokens[index].offset
            let (rhs, rhsType, _) = try parseAnd()
            try requireType(rhsType, .bool, at: offset, role: "the right side of `or`")
            lhs = .binary(.or, lhs, rhs)
            lhsType = .bool
            allowed = nil
        }
        return (lhs, lhsType, allowed)
    }

    private mutating func parseAnd() throws(DialogueError) -> Typed {
        var offset = tokens[index].offset
        var (lhs, lhsType, allowed) = try parseNot()
        while current == .name("and") {
            try requireType(lhsType, .bool, at: offset, role: "the left side of `and`")
            index += 1
            offset = tokens[index].offset
            let (rhs, rhsType, _) = try parseNot()
            try requireType(rhsType, .bool, at: offset, role: "the right side of `and`")
            lhs = .binary(.and, lhs, rhs)
            lhsType = .bool
            allowed = nil
        }
        return (lhs, lhsType, allowed)
    }

    private mutating func parseNot() throws(DialogueError) -> Typed {
        if current == .name("not") {
            depth += 1
            defer { depth -= 1 }
            if depth > ExpressionParser.maximumDepth {
                throw error("too many `not` in a row (more than \(ExpressionParser.maximumDepth))")
            }
            index += 1
            let offset = tokens[index].offset
            let (inner, type, _) = try parseNot()
            try requireType(type, .bool, at: offset, role: "what follows `not`")
            return (.not(inner), .bool, nil)
        }
        return try parseComparison()
    }

    private mutating func parseComparison() throws(DialogueError) -> Typed {
        let lhsOffset = tokens[index].offset
        let (lhs, lhsType, allowed) = try parseSum()
        let op: BinaryOperator
        switch current {
        case .symbol("=="): op = .equal
        case .symbol("!="): op = .notEqual
        case .symbol("<"): op = .less
        case .symbol("<="): op = .lessOrEqual
        case .symbol(">"): op = .greater
        case .symbol(">="): op = .greaterOrEqual
        case .name("in"): op = .isIn
        case .name("not") where index + 1 < tokens.count && tokens[index + 1].token == .name("in"):
            index += 1
            op = .notIn
        default: return (lhs, lhsType, allowed)
        }
        index += 1
        let rhsOffset = tokens[index].offset
        if op == .isIn || op == .notIn {
            let values = try parseList()
            for (value, offset) in values {
                try checkComparable(lhsType, allowed, value, at: offset)
            }
            return (.binary(op, lhs, .list(values.map(\.0))), .bool, nil)
        }
        let (rhs, rhsType, rhsAllowed) = try parseSum()
        switch op {
        case .equal, .notEqual:
            if let lhsType, let rhsType, lhsType != rhsType {
                throw error(at: rhsOffset, "cannot compare \(lhsType) with \(rhsType)")
            }
            if case .literal(let v) = rhs { try checkComparable(lhsType, allowed, v, at: rhsOffset) }
            if case .literal(let v) = lhs { try checkComparable(rhsType, rhsAllowed, v, at: lhsOffset) }
        default:
            guard let lhsType, lhsType == .date || lhsType == .int else {
                throw error(at: lhsOffset, "`\(op.rawValue)` compares dates or numbers, not \(lhsType.map { "\($0)" } ?? "null")")
            }
            try requireType(rhsType, lhsType, at: rhsOffset, role: "the right side of `\(op.rawValue)`")
        }
        return (.binary(op, lhs, rhs), .bool, nil)
    }

    private func checkComparable(_ type: ValueType?, _ allowed: [String]?, _ value: Value, at offset: Int) throws(DialogueError) {
        if case .null = value { return }
        if let type, value.type != type {
            throw error(at: offset, "cannot compare \(type) with \(value)")
        }
        if let allowed, case .string(let s) = value, !allowed.contains(s) {
            throw error(at: offset, "\"\(s)\" is not one of the choices: \(allowed.joined(separator: ", "))")
        }
    }

    private mutating func parseList() throws(DialogueError) -> [(Value, Int)] {
        try expect("[")
        var values: [(Value, Int)] = []
        if take("]") { return values }
        repeat {
            let offset = tokens[index].offset
            guard let value = literal(current) else {
                throw error("a list after `in` holds only literal values, found \(describe(current))")
            }
            index += 1
            values.append((value, offset))
        } while take(",")
        try expect("]")
        return values
    }

    private func literal(_ token: Token) -> Value? {
        switch token {
        case .string(let s): return .string(s)
        case .int(let i): return .int(i)
        case .date(let d): return .date(d)
        case .name("true"): return .bool(true)
        case .name("false"): return .bool(false)
        case .name("null"): return .null
        default: return nil
        }
    }

    private mutating func parseSum() throws(DialogueError) -> Typed {
        var (lhs, lhsType, allowed) = try parsePrimary()
        while current == .symbol("+") || current == .symbol("-") {
            let op: BinaryOperator = current == .symbol("+") ? .plus : .minus
            let opOffset = tokens[index].offset
            index += 1
            let (rhs, rhsType, _) = try parsePrimary()
            switch (lhsType, rhsType) {
            case (.int, .int), (.date, .int): break
            default:
                throw error(
                    at: opOffset,
                    "`\(op.rawValue)` adds a number of days to a date or to a number; here it has \(lhsType.map { "\($0)" } ?? "null") and \(rhsType.map { "\($0)" } ?? "null")"
                )
            }
            lhs = .binary(op, lhs, rhs)
            allowed = nil
        }
        return (lhs, lhsType, allowed)
    }

    private mutating func parsePrimary() throws(DialogueError) -> Typed {
        let offset = tokens[index].offset
        let token = current
        if let value = literal(token) {
            index += 1
            return (.literal(value), value.type, nil)
        }
        switch token {
        case .symbol("("):
            index += 1
            let inner = try parseExpression()
            try expect(")")
            return inner
        case .symbol("-"):
            index += 1
            if case .int(let n) = current {
                index += 1
                return (.literal(.int(-n)), .int, nil)
            }
            throw error("`-` here must be followed by a number")
        case .name(let name):
            index += 1
            if current == .symbol("(") {
                return try parseCall(name, at: offset)
            }
            if ["and", "or", "not", "in", "if", "then", "else"].contains(name) {
                throw error(at: offset, "`\(name)` cannot start a value here")
            }
            if name == "today" { return (.today, .date, nil) }
            guard let symbol = resolve(name) else {
                throw error(at: offset, "unknown name `\(name)`: not a question, a computed value or a parameter of this dialogue")
            }
            if case .variable(let slot) = symbol.expr, !reads.contains(slot) { reads.append(slot) }
            return (symbol.expr, symbol.type, symbol.allowedStrings)
        default:
            throw error("expected a value, found \(describe(token))")
        }
    }

    private mutating func parseCall(_ name: String, at offset: Int) throws(DialogueError) -> Typed {
        guard let function = Builtin(rawValue: name) else {
            let known = Builtin.allCases.map(\.rawValue).joined(separator: ", ")
            throw error(at: offset, "unknown function `\(name)`; the functions are: \(known)")
        }
        try expect("(")
        var arguments: [(Expr, ValueType?, Int)] = []
        if !take(")") {
            repeat {
                let argumentOffset = tokens[index].offset
                let (e, t, _) = try parseExpression()
                arguments.append((e, t, argumentOffset))
            } while take(",")
            try expect(")")
        }
        let signature = function.signature
        if function == .known {
            guard arguments.count == 1 else { throw error(at: offset, "`known` takes one value") }
            return (.call(function, [arguments[0].0]), .bool, nil)
        }
        guard arguments.count == signature.parameters.count else {
            throw error(at: offset, "`\(name)` takes \(signature.parameters.count) arguments, not \(arguments.count)")
        }
        for (argument, expected) in zip(arguments, signature.parameters) {
            try requireType(argument.1, expected, at: argument.2, role: "this argument of `\(name)`", allowNull: true)
        }
        return (.call(function, arguments.map(\.0)), signature.result, nil)
    }

    private func requireType(
        _ actual: ValueType?, _ expected: ValueType, at offset: Int, role: String, allowNull: Bool = false
    ) throws(DialogueError) {
        if actual == expected || (actual == nil && allowNull) { return }
        throw error(at: offset, "\(role) must be \(expected), not \(actual.map { "\($0)" } ?? "null")")
    }
}
