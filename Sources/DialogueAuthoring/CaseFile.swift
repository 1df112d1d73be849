import DialogueKit

/// A case with its expected result, as the people who keep the rules write it:
///
///     name: The day after the deadline
///     dialogue: conciliation          # optional; the shipped dialogue of that id
///     case: {subject: decision-admin, notified_on: 2026-10-05, ...,  today: 2026-12-08}
///     expect:
///       recommendation: reclaim-first
///       route: caisse
///       appeal_deadline: 2026-12-07   # outputs not named must be null
///       rules: [r3-foreclosed]         # optional: rules that must be among the reasons
///
/// or, for a case that must be refused, `expect: {error: notified_on}`.
public struct CaseFile: Sendable {
    public let file: String
    public let name: String
    public let dialogueID: String?
    public let input: [(key: String, value: CaseValue)]
    public let expected: Expected

    public enum Expected: Sendable {
        case result(recommendation: String, route: String?, outputs: [String: String?], rules: [String])
        case error(field: String?)
    }

    public static func load(yaml: String, file: String) throws(DialogueLoadError) -> CaseFile {
        do {
            guard let root = try YAMLParser.parse(yaml, file: file) else {
                throw DialogueError(SourcePosition(file: file, line: 1, column: 1), "the case file is empty")
            }
            let top = try YAMLMapping(root, file: file, context: "the case file")
            try top.finish(allowed: ["name", "dialogue", "case", "expect"])
            let name = try top.required("name", "a sentence saying what the case shows").node.scalarText ?? file
            let dialogueID = top.optional("dialogue")?.node.scalarText
            let caseMap = try YAMLMapping(top.required("case", "the triage keys").node, file: file, context: "`case`")
            let input = caseMap.pairs.map { pair in (pair.key, caseValue(pair.value)) }
            let expect = try YAMLMapping(top.required("expect", "the expected result").node, file: file, context: "`expect`")
            if let (errorNode, _) = expect.optional("error") {
                try expect.finish(allowed: ["error"])
                return CaseFile(
                    file: file, name: name, dialogueID: dialogueID, input: input,
                    expected: .error(field: errorNode.isNull ? nil : errorNode.scalarText))
            }
            let recommendation = try expect.required("recommendation", "the expected recommendation").node.scalarText ?? ""
            let routeNode = try expect.required("route", "the expected route, or null").node
            var outputs: [String: String?] = [:]
            var rules: [String] = []
            for pair in expect.pairs where !["recommendation", "route", "rules"].contains(pair.key) {
                outputs[pair.key] = pair.value.isNull ? .some(nil) : pair.value.scalarText
            }
            if let (rulesNode, at) = expect.optional("rules") {
                guard case .sequence(let items) = rulesNode else { throw DialogueError(at, "`rules` must be a list") }
                rules = items.compactMap(\.scalarText)
            }
            return CaseFile(
                file: file, name: name, dialogueID: dialogueID, input: input,
                expected: .result(
                    recommendation: recommendation, route: routeNode.isNull ? nil : routeNode.scalarText,
                    outputs: outputs, rules: rules))
        } catch let error as DialogueError {
            throw DialogueLoadError(errors: [error])
        } catch {
            throw DialogueLoadError(errors: [DialogueError(SourcePosition(file: file, line: 1, column: 1), "\(error)")])
        }
    }

    /// A YAML scalar as the JSON value triage would have received.
    static func caseValue(_ node: Node) -> CaseValue {
        guard case .scalar(let s) = node else { return .object }
        if node.isNull { return .null }
        if s.style == .plain {
            if s.string == "true" { return .bool(true) }
            if s.string == "false" { return .bool(false) }
            if Int(s.string) != nil && !s.string.hasPrefix("0") { return .number(s.string) }
        }
        return .string(s.string)
    }

    /// What a routed case gave, in the terms case files use.
    public struct Observed: Sendable, Equatable {
        public let recommendation: String
        public let route: String?
        public let outputs: [String: String?]
        public let rules: [String]

        public init(_ routed: RoutedCase, dialogue: Dialogue) {
            let outcome = dialogue.outcomes[routed.result.outcome]
            recommendation = outcome.recommendation.rawValue
            route = outcome.route
            var outputs: [String: String?] = [:]
            for (i, output) in dialogue.outputs.enumerated() {
                if case .date(let d) = routed.result.outputs[i] { outputs[output.name] = d.iso } else { outputs[output.name] = .some(nil) }
            }
            self.outputs = outputs
            rules = routed.result.rules(in: dialogue)
        }

        /// "contentious-appeal / cra, appeal_deadline 2026-12-07".
        public var summary: String {
            let dates = outputs.sorted { $0.key < $1.key }.compactMap { key, value in value.map { "\(key) \($0)" } }
            return ([recommendation + " / " + (route ?? "—")] + dates).joined(separator: ", ")
        }
    }

    /// Runs the case; nil when it gave what was expected, else what came instead.
    public func check(with dialogue: Dialogue, clockToday: CivilDate) -> String? {
        let outcome = Triage(dialogue: dialogue).route(input, todayOverride: nil, clockToday: clockToday)
        switch (expected, outcome) {
        case (.error(let field), .failure(let error)):
            return error.field == field
                ? nil : "refused on field \(error.field ?? "—") (\(error.message)), expected a refusal on \(field ?? "—")"
        case (.error(let field), .success(let routed)):
            return "routed to \(Observed(routed, dialogue: dialogue).summary), expected a refusal on \(field ?? "—")"
        case (.result, .failure(let error)):
            return "refused: \(error.field.map { "\($0): " } ?? "")\(error.message)"
        case (.result(let recommendation, let route, let outputs, let rules), .success(let routed)):
            let observed = Observed(routed, dialogue: dialogue)
            var problems: [String] = []
            if observed.recommendation != recommendation || observed.route != route {
                problems.append(
                    "\(observed.recommendation) / \(observed.route ?? "null") instead of \(recommendation) / \(route ?? "null")")
            }
            for output in dialogue.outputs {
                let want = outputs[output.name] ?? nil
                let got = observed.outputs[output.name] ?? nil
                if want != got { problems.append("\(output.name) \(got ?? "null") instead of \(want ?? "null")") }
            }
            for key in outputs.keys where !dialogue.outputs.contains(where: { $0.name == key }) {
                problems.append("`\(key)` is not an output of \(dialogue.id)")
            }
            for rule in rules where !observed.rules.contains(rule) {
                problems.append("rule \(rule) not applied (applied: \(observed.rules.joined(separator: ", ")))")
            }
            return problems.isEmpty ? nil : problems.joined(separator: "; ")
        }
    }
}
