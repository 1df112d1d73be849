/// Every problem found in a dialogue file, in file order. Loading goes on after a
/// problem where it can, so that an author sees all of them at once.
public struct DialogueLoadError: Error, Sendable, CustomStringConvertible {
    public let errors: [DialogueError]
    public var description: String { errors.map(\.description).joined(separator: "\n") }

    package init(errors: [DialogueError]) {
        self.errors = errors
    }
}

/// Reads a dialogue file. Pure: it takes the text and the name to report, so that
/// tests and tools can load dialogues they build in memory.
public enum DialogueLoader {
    static let recommendations = Recommendation.allCases.map(\.rawValue)
    /// The largest number a parameter or a number in an expression may hold: ten
    /// years in days, enough for any legal delay. Whether the dates a rule
    /// computes stay in the calendar is `check`'s to prove (`DateReach`).
    static let maximumParameter = 3_660

    /// Results every dialogue must give: the stable `triage` interface names them.
    static let requiredOutputs = ["appeal_deadline", "wait_until", "conciliator_from"]

    public static func load(yaml: String, file: String) throws(DialogueLoadError) -> Dialogue {
        try load(file: file) { builder throws in try builder.build(yaml: yaml) }
    }

    /// A dialogue from its `NodeStream` (the rules built into the binary): the same
    /// checks as from its text, without parsing YAML. `outcomesWhenRead`: the
    /// outcomes are made when first read, so that a terminal's first question does
    /// not wait for them; a server, which reads them at every result, makes them now.
    public static func load(
        nodeStream: UnsafeBufferPointer<UInt8>, file: String, outcomesWhenRead: Bool = true
    ) throws(DialogueLoadError) -> Dialogue {
        guard let root = NodeStream.decode(nodeStream) else {
            throw DialogueLoadError(errors: [
                DialogueError(SourcePosition(file: file, line: 1, column: 1), "the built-in rules are damaged")
            ])
        }
        return try load(file: file) { builder throws in
            builder.verified = true
            builder.outcomesWhenRead = outcomesWhenRead
            return try builder.build(root: root)
        }
    }

    private static func load(file: String, _ build: (inout Builder) throws -> Dialogue) throws(DialogueLoadError) -> Dialogue {
        var builder = Builder(file: file)
        do {
            return try build(&builder)
        } catch let error as DialogueLoadError {
            builder.errors = error.errors
        } catch let error as DialogueError {
            builder.errors.append(error)
        } catch {
            builder.errors.append(DialogueError(SourcePosition(file: file, line: 1, column: 1), "\(error)"))
        }
        let sorted = builder.errors.sorted { ($0.position.line, $0.position.column) < ($1.position.line, $1.position.column) }
        throw DialogueLoadError(errors: sorted)
    }
}

private struct Builder {
    let file: String
    var errors: [DialogueError] = []
    var languages: [String] = ["fr", "en"]
    var symbols: [String: Symbol] = [:]
    var templateNames: Set<String> = ["today"]
    /// The route codes the dialogue declares (`routes:`), which its outcomes
    /// must name; nil for a file without the list (an earlier version), whose
    /// outcomes name any identifier.
    var routes: [String]?
    /// The rules built into the binary: loaded whole and verified when it was
    /// built, so their outcomes are made when first read.
    var verified = false
    /// With `verified`: the outcomes are made when first read, not while loading.
    var outcomesWhenRead = true

    init(file: String) { self.file = file }

    func position(_ node: Node) -> SourcePosition { YAMLMapping.position(of: node, file: file) }

    /// Runs `body`, keeping its error and going on, for the problems that do not
    /// stop the rest of the file from being read.
    mutating func attempt<T>(_ body: (inout Builder) throws -> T) -> T? {
        do {
            return try body(&self)
        } catch let error as DialogueError {
            errors.append(error)
        } catch {
            errors.append(DialogueError(SourcePosition(file: file, line: 1, column: 1), "\(error)"))
        }
        return nil
    }

    // MARK: Scalars

    func string(_ node: Node, _ what: @autoclosure () -> String) throws -> String {
        guard let text = node.scalarText, !node.isNull else {
            throw DialogueError(position(node), "\(what()) must be plain text")
        }
        return text
    }

    func identifier(_ node: Node, _ what: @autoclosure () -> String) throws -> String {
        let text = try string(node, what())
        let valid =
            !text.isEmpty
            && text.unicodeScalars.allSatisfy {
                ($0 >= "a" && $0 <= "z") || ($0 >= "A" && $0 <= "Z") || ($0 >= "0" && $0 <= "9") || $0 == "_" || $0 == "-"
            }
        guard valid else {
            throw DialogueError(position(node), "\(what()) `\(text)` may hold only letters without accents, digits, `_` and `-`")
        }
        return text
    }

    func bool(_ node: Node, _ what: @autoclosure () -> String) throws -> Bool {
        switch node.scalarText {
        case "true", "yes": return true
        case "false", "no": return false
        default: throw DialogueError(position(node), "\(what()) must be true or false")
        }
    }

    func literal(_ node: Node) throws -> Value {
        guard let text = node.scalarText else {
            throw DialogueError(position(node), "a parameter must be a number, a date, true/false or text")
        }
        if case .scalar(let s) = node, s.style == .plain {
            if let n = Int(text) { return .int(n) }
            if text == "true" { return .bool(true) }
            if text == "false" { return .bool(false) }
            if let d = CivilDate(iso: text) { return .date(d) }
        }
        return .string(text)
    }

    func sequence(_ node: Node, _ what: @autoclosure () -> String) throws -> [Node] {
        guard case .sequence(let s) = node else {
            throw DialogueError(position(node), "\(what()) must be a list (lines starting with `- `)")
        }
        return Array(s)
    }

    func mappingPairs(
        _ node: Node, _ what: @autoclosure @escaping () -> String
    ) throws -> [(key: String, keyPosition: SourcePosition, value: Node)] {
        try YAMLMapping(node, file: file, context: what()).pairs
    }

    mutating func localized(_ node: Node, _ what: @autoclosure @escaping () -> String) throws -> LocalizedText {
        let map = try YAMLMapping(node, file: file, context: what())
        var texts: [String: String] = [:]
        for language in languages {
            guard let (value, _) = map.optional(language) else {
                throw DialogueError(map.position, "\(what()) has no `\(language)` text")
            }
            let text = try string(value, "the `\(language)` text of \(what())")
            if !verified { try checkTemplate(text, at: position(value), what: what()) }
            texts[language] = text
        }
        try map.finish(allowed: languages)
        return LocalizedText(texts, position: map.position)
    }

    /// Slots `{name}` must name something a result can show.
    func checkTemplate(_ text: String, at position: SourcePosition, what: @autoclosure () -> String) throws {
        guard let names = Template.slotNames(text) else {
            throw DialogueError(position, "\(what()) opens `{` without closing it")
        }
        for name in names where !templateNames.contains(name) {
            throw DialogueError(position, "\(what()) shows `{\(name)}`, which is not a question, computed value, output or parameter")
        }
    }

    mutating func expression(_ node: Node, _ what: @autoclosure () -> String) throws -> Expression {
        let text = try string(node, what())
        let origin = position(node).advanced(by: node.scalarContentOffset)
        let table = symbols
        do {
            return try ExpressionParser.parse(text, at: origin) { table[$0] }
        } catch {
            throw error
        }
    }

    mutating func condition(_ node: Node, _ what: @autoclosure () -> String) throws -> Expression {
        let e = try expression(node, what())
        guard e.type == .bool else {
            throw DialogueError(e.position, "\(what()) must be true or false, but this expression gives \(e.type)")
        }
        return e
    }

    // MARK: The file

    mutating func build(yaml: String) throws -> Dialogue {
        guard let root = try YAMLParser.parse(yaml, file: file) else {
            throw DialogueError(SourcePosition(file: file, line: 1, column: 1), "the file is empty")
        }
        return try build(root: root)
    }

    mutating func build(root: Node) throws -> Dialogue {
        let top = try YAMLMapping(root, file: file, context: "the dialogue")
        let topKeys = [
            "dialogue", "version", "title", "languages", "start", "parameters", "sources", "rules",
            "computed", "outputs", "questions", "branches", "outcomes", "recommendations", "letters", "routes",
        ]
        errors += top.unknownKeys(allowed: topKeys)
        let routesNode = top.optional("routes")
        if let (node, _) = routesNode {
            routes = try sequence(node, "`routes`").map { try identifier($0, "a route") }
        }

        let id = try identifier(top.required("dialogue", "the dialogue's identifier").node, "`dialogue`")
        let version = try string(top.required("version", "the version of the rules").node, "`version`")
        if let (node, _) = top.optional("languages") {
            languages = try sequence(node, "`languages`").map { try identifier($0, "a language") }
            if !languages.contains("fr") {
                errors.append(DialogueError(position(node), "`languages` must include fr, the reference language"))
            }
            for language in languages where Language(rawValue: language) == nil {
                errors.append(DialogueError(position(node), "language `\(language)` is not supported (fr, en)"))
            }
        }
        let title = attempt { try $0.localized(top.required("title", "the dialogue's name").node, "`title`") }

        let sources = parseSources(top.optional("sources")?.node)
        let sourceIDs = Set(sources.map(\.id))
        let rules = parseRules(top.optional("rules")?.node, sourceIDs: sourceIDs)
        let ruleIDs = rules.map(\.id)

        // Names first, so that any expression can refer to any question.
        let questionsNode = try top.required("questions", "the questions to ask").node
        let questionPairs = try mappingPairs(questionsNode, "`questions`")
        let branchPairs = try top.optional("branches").map { try mappingPairs($0.node, "`branches`") } ?? []
        let outcomePairs = try mappingPairs(top.required("outcomes", "the results").node, "`outcomes`")
        var nodeRefs: [String: NodeRef] = [:]
        func declare(_ name: String, _ ref: NodeRef, _ at: SourcePosition, _ errors: inout [DialogueError]) {
            if nodeRefs[name] != nil || name == "today" {
                errors.append(DialogueError(at, "the name `\(name)` is already used; questions, branches and outcomes need distinct names"))
            } else {
                nodeRefs[name] = ref
            }
        }
        for (i, pair) in questionPairs.enumerated() { declare(pair.key, .question(i), pair.keyPosition, &errors) }
        for (i, pair) in branchPairs.enumerated() { declare(pair.key, .branch(i), pair.keyPosition, &errors) }
        for (i, pair) in outcomePairs.enumerated() { declare(pair.key, .outcome(i), pair.keyPosition, &errors) }

        for (slot, pair) in questionPairs.enumerated() {
            if let symbol = attempt({ try $0.questionSymbol(pair.value, slot: slot, name: pair.key) }) {
                symbols[pair.key] = symbol
            }
            templateNames.insert(pair.key)
        }
        if let (node, _) = top.optional("parameters") {
            for pair in try mappingPairs(node, "`parameters`") {
                if symbols[pair.key] != nil {
                    errors.append(DialogueError(pair.keyPosition, "the parameter `\(pair.key)` has the name of a question"))
                    continue
                }
                if let value = attempt({ try $0.literal(pair.value) }), let type = value.type {
                    if case .int(let n) = value, !(0...DialogueLoader.maximumParameter).contains(n) {
                        errors.append(
                            DialogueError(
                                position(pair.value),
                                "the parameter `\(pair.key)` is \(n): a number of days or months goes from 0 to \(DialogueLoader.maximumParameter)"
                            ))
                        continue
                    }
                    symbols[pair.key] = Symbol(expr: .literal(value), type: type, allowedStrings: nil)
                    templateNames.insert(pair.key)
                }
            }
        }
        var computed: [Computed] = []
        if let (node, _) = top.optional("computed") {
            for pair in try mappingPairs(node, "`computed`") {
                if symbols[pair.key] != nil {
                    errors.append(
                        DialogueError(pair.keyPosition, "the computed value `\(pair.key)` has the name of a question or parameter"))
                    continue
                }
                let slot = questionPairs.count + computed.count
                // Either the formula alone, or {value: formula, label: {fr, en}}.
                var formula = pair.value
                var label: LocalizedText?
                if case .mapping = pair.value {
                    guard
                        let (value, label_) = attempt({ builder -> (Node, LocalizedText?) in
                            let map = try YAMLMapping(pair.value, file: builder.file, context: "computed `\(pair.key)`")
                            try map.finish(allowed: ["value", "label"])
                            let value = try map.required("value", "the formula").node
                            return (value, try map.optional("label").map { try builder.localized($0.node, "the label of `\(pair.key)`") })
                        })
                    else { continue }
                    formula = value
                    label = label_
                }
                if let e = attempt({ try $0.expression(formula, "the formula of `\(pair.key)`") }) {
                    computed.append(Computed(name: pair.key, slot: slot, expression: e, label: label))
                    symbols[pair.key] = Symbol(expr: .variable(slot), type: e.type, allowedStrings: nil)
                    templateNames.insert(pair.key)
                }
            }
        }
        let outputs = parseOutputs(top.optional("outputs")?.node, at: top.position)
        for output in outputs { templateNames.insert(output.name) }

        let refs = nodeRefs, fileName = file
        let resolveTarget = { (node: Node) throws -> (NodeRef, String) in
            guard let name = node.scalarText, let ref = refs[name] else {
                throw DialogueError(
                    YAMLMapping.position(of: node, file: fileName),
                    "`\(node.scalarText ?? "?")` is no question, branch or outcome of this dialogue")
            }
            return (ref, name)
        }

        var questions: [Question] = []
        for (slot, pair) in questionPairs.enumerated() {
            if let q = attempt({
                try $0.question(pair.key, pair.value, at: pair.keyPosition, slot: slot, ruleIDs: ruleIDs, resolve: resolveTarget)
            }) {
                questions.append(q)
            }
        }
        for q in questions {
            guard let given = q.triageGiven else { continue }
            if !questions.contains(where: { $0.id == given.key && $0.triageGiven == nil }) || given.key == q.id {
                errors.append(
                    DialogueError(q.position, "`triage_given` of `\(q.id)` names `\(given.key)`, which is no other question's key"))
            }
        }
        var branches: [Branch] = []
        for pair in branchPairs {
            if let b = attempt({ builder -> Branch in
                let map = try YAMLMapping(pair.value, file: builder.file, context: "branch `\(pair.key)`")
                let title = try builder.localized(
                    map.required("title", "what this decision point decides").node, "the title of `\(pair.key)`")
                let next = try builder.transitions(
                    map.required("next", "where to go").node, owner: pair.key, ruleIDs: ruleIDs, resolve: resolveTarget)
                try map.finish(allowed: ["title", "next"])
                return Branch(id: pair.key, title: title, next: next, position: pair.keyPosition)
            }) {
                branches.append(b)
            }
        }
        let outcomeList: OutcomeList
        var outcomesComplete = true
        if verified && outcomesWhenRead {
            nonisolated(unsafe) var later = self
            outcomeList = OutcomeList(later: {
                outcomePairs.map { pair in
                    guard
                        let o = later.attempt({
                            try $0.outcome(pair.key, pair.value, at: pair.keyPosition, outputs: outputs, ruleIDs: ruleIDs)
                        })
                    else { fatalError("the built-in rules were verified when built: \(later.errors)") }
                    return o
                }
            })
        } else {
            var outcomes: [Outcome] = []
            for pair in outcomePairs {
                if let o = attempt({ try $0.outcome(pair.key, pair.value, at: pair.keyPosition, outputs: outputs, ruleIDs: ruleIDs) }) {
                    outcomes.append(o)
                }
            }
            outcomesComplete = outcomes.count == outcomePairs.count
            outcomeList = OutcomeList(outcomes)
            if let (node, _) = routesNode, let routes, outcomesComplete {
                for route in routes where !outcomes.contains(where: { $0.route == route }) {
                    errors.append(DialogueError(position(node), "the route `\(route)` is listed in `routes`, but no outcome takes it"))
                }
            }
        }

        let startNode = try top.required("start", "the first question").node
        let startRef = attempt { _ in try resolveTarget(startNode).0 }

        guard errors.isEmpty, let title, let startRef,
            questions.count == questionPairs.count, branches.count == branchPairs.count, outcomesComplete
        else {
            throw DialogueLoadError(errors: errors)
        }
        let remaining = try remainingQuestions(questions: questions, branches: branches)
        // What the quiz calls each recommendation, in the interface's order; a file
        // without the section (a test dialogue) shows the codes themselves.
        var recommendationLabels: [(recommendation: Recommendation, label: LocalizedText)] = []
        if let (labelsNode, _) = top.optional("recommendations") {
            let labelMap = try YAMLMapping(labelsNode, file: file, context: "`recommendations`")
            for r in Recommendation.allCases {
                let (node, _) = try labelMap.required(r.rawValue, "how a trainee names `\(r.rawValue)`")
                recommendationLabels.append((r, try localized(node, "the label of `\(r.rawValue)`")))
            }
            try labelMap.finish(allowed: Recommendation.allCases.map(\.rawValue))
        } else {
            let codes = Recommendation.allCases.map { r in
                (r, LocalizedText(Dictionary(uniqueKeysWithValues: languages.map { ($0, r.rawValue) }), position: top.position))
            }
            recommendationLabels = codes
        }
        let letters = top.optional("letters")
        let dialogue = Dialogue(
            id: id, version: version, file: file, title: title, languages: languages, start: startRef,
            sources: sources, rules: rules, questions: questions, branches: branches, outcomes: outcomeList,
            computed: computed, outputs: outputs,
            slotNames: questions.map(\.id) + computed.map(\.name), remainingQuestions: remaining,
            recommendationLabels: recommendationLabels, letterTerms: try letterTerms(letters?.node))
        // A dialogue that writes letters has what they read.
        if let letters {
            let problems = LetterQuestion.problems(in: dialogue, at: position(letters.node))
            if !problems.isEmpty { throw DialogueLoadError(errors: problems) }
        }
        return dialogue
    }

    /// `letters: {amicable_body, notice_article, written_complaint_authority, court}`.
    func letterTerms(_ node: Node?) throws -> LetterTerms {
        guard let node else { return .currentLaw }
        let map = try YAMLMapping(node, file: file, context: "`letters`")
        let body = try string(map.required("amicable_body", "who the amicable body is (médiateur, conciliateur)").node, "`amicable_body`")
        let article = try string(
            map.required("notice_article", "the article that keeps an unstated deadline from binding").node, "`notice_article`")
        let authority = try map.optional("written_complaint_authority").map { try string($0.node, "`written_complaint_authority`") }
        let court = try string(map.required("court", "the court already seized, as named in a sentence").node, "`court`")
        try map.finish(allowed: ["amicable_body", "notice_article", "written_complaint_authority", "court"])
        return LetterTerms(amicableBody: body, noticeArticle: article, writtenComplaintAuthority: authority, court: court)
    }

    // MARK: Sections

    mutating func parseSources(_ node: Node?) -> [Source] {
        guard let node, let pairs = attempt({ try $0.mappingPairs(node, "`sources`") }) else { return [] }
        return pairs.compactMap { pair in
            attempt { builder -> Source in
                let map = try YAMLMapping(pair.value, file: builder.file, context: "source `\(pair.key)`")
                let title = try builder.string(map.required("title", "the title to cite").node, "the title of a source")
                let url = try map.optional("url").map { try builder.string($0.node, "the address of a source") }
                try map.finish(allowed: ["title", "url"])
                return Source(id: pair.key, title: title, url: url, position: pair.keyPosition)
            }
        }
    }

    mutating func parseRules(_ node: Node?, sourceIDs: Set<String>) -> [Rule] {
        guard let node, let pairs = attempt({ try $0.mappingPairs(node, "`rules`") }) else { return [] }
        return pairs.compactMap { pair in
            attempt { builder -> Rule in
                let map = try YAMLMapping(pair.value, file: builder.file, context: "rule `\(pair.key)`")
                let title = try builder.localized(map.required("title", "the rule in a few words").node, "the title of rule `\(pair.key)`")
                let text = try builder.localized(map.required("text", "the rule explained").node, "the text of rule `\(pair.key)`")
                let sourcesNode = try map.required("sources", "the sources the rule rests on").node
                let sources = try builder.sequence(sourcesNode, "the sources of a rule").map { node -> String in
                    let id = try builder.string(node, "a source")
                    guard sourceIDs.contains(id) else {
                        throw DialogueError(builder.position(node), "rule `\(pair.key)` cites `\(id)`, which is not in `sources`")
                    }
                    return id
                }
                let confirmed = try map.optional("confirmed").map { try builder.bool($0.node, "`confirmed`") } ?? true
                try map.finish(allowed: ["title", "text", "sources", "confirmed"])
                return Rule(id: pair.key, title: title, text: text, sources: sources, confirmed: confirmed, position: pair.keyPosition)
            }
        }
    }

    /// `quiz: {when: RECOMMENDATION, ask: {fr, en}, moves_to_working_day: BOOL}` on a date output.
    mutating func quiz(_ node: Node, output: String) throws -> Output.Quiz {
        let map = try YAMLMapping(node, file: file, context: "the quiz of `\(output)`")
        let whenNode = try map.required("when", "the recommendation whose results ask this date").node
        guard let recommendation = Recommendation(rawValue: try string(whenNode, "`when`")) else {
            throw DialogueError(
                position(whenNode), "`when` must be one of \(Recommendation.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        let ask = try localized(map.required("ask", "the question the quiz asks").node, "the quiz question of `\(output)`")
        let moves = try map.optional("moves_to_working_day").map { try bool($0.node, "`moves_to_working_day`") } ?? false
        try map.finish(allowed: ["when", "ask", "moves_to_working_day"])
        return Output.Quiz(recommendation: recommendation, ask: ask, movesToWorkingDay: moves)
    }

    mutating func parseOutputs(_ node: Node?, at position: SourcePosition) -> [Output] {
        var outputs: [Output] = []
        if let node, let pairs = attempt({ try $0.mappingPairs(node, "`outputs`") }) {
            for pair in pairs {
                if let output = attempt({ builder -> Output in
                    let map = try YAMLMapping(pair.value, file: builder.file, context: "output `\(pair.key)`")
                    let typeNode = try map.required("type", "date, int, bool or string").node
                    guard let type = ValueType(rawValue: try builder.string(typeNode, "`type`")) else {
                        throw DialogueError(builder.position(typeNode), "`type` must be date, int, bool or string")
                    }
                    let label = try builder.localized(map.required("label", "how the result names it").node, "the label of `\(pair.key)`")
                    let value = try map.optional("value").map { try builder.expression($0.node, "the value of `\(pair.key)`") }
                    if let value, value.type != type {
                        throw DialogueError(value.position, "`\(pair.key)` is declared \(type) but its value gives \(value.type)")
                    }
                    let quiz = try map.optional("quiz").map { try builder.quiz($0.node, output: pair.key) }
                    let opens = try map.optional("opens").map { try builder.bool($0.node, "`opens`") } ?? false
                    try map.finish(allowed: ["type", "label", "value", "quiz", "opens"])
                    return Output(
                        name: pair.key, type: type, value: value, label: label, position: pair.keyPosition, quiz: quiz, opens: opens)
                }) {
                    outputs.append(output)
                }
            }
        }
        for name in DialogueLoader.requiredOutputs where !outputs.contains(where: { $0.name == name }) {
            errors.append(
                DialogueError(
                    node.map(self.position) ?? position, "`outputs` must declare `\(name)` (a date or null): the triage interface gives it")
            )
        }
        return outputs
    }

    // MARK: Questions

    func questionSymbol(_ node: Node, slot: Int, name: String) throws -> Symbol {
        let map = try YAMLMapping(node, file: file, context: "question `\(name)`")
        let kindNode = try map.required("kind", "choice, yes-no, date or text").node
        let kind = try string(kindNode, "`kind`")
        switch kind {
        case "choice":
            let choices = try map.required("choices", "the possible answers").node
            let values = try mappingPairs(choices, "the choices of `\(name)`").map(\.key)
            return Symbol(expr: .variable(slot), type: .string, allowedStrings: values)
        case "yes-no": return Symbol(expr: .variable(slot), type: .bool, allowedStrings: nil)
        case "date": return Symbol(expr: .variable(slot), type: .date, allowedStrings: nil)
        case "text": return Symbol(expr: .variable(slot), type: .string, allowedStrings: nil)
        default:
            throw DialogueError(position(kindNode), "`kind: \(kind)` is unknown; write choice, yes-no, date or text")
        }
    }

    mutating func question(
        _ id: String, _ node: Node, at keyPosition: SourcePosition, slot: Int, ruleIDs: [String],
        resolve: (Node) throws -> (NodeRef, String)
    ) throws -> Question {
        let map = try YAMLMapping(node, file: file, context: "question `\(id)`")
        let allowed = [
            "kind", "ask", "label", "help", "choices", "unknown", "triage_default", "triage_given", "applies_when", "checks", "next",
            "pattern", "pattern_hint",
        ]
        errors += map.unknownKeys(allowed: allowed)
        let kindNode = try map.required("kind", "choice, yes-no, date or text").node
        let kind: QuestionKind
        switch try string(kindNode, "`kind`") {
        case "choice":
            let choicesNode = try map.required("choices", "the possible answers").node
            var choices: [Choice] = []
            for pair in try mappingPairs(choicesNode, "the choices of `\(id)`") {
                // `{fr, en}`, or with `note: {fr, en}` (the case note's wording) and
                // `agent: {fr, en}` (the agent's screen).
                if case .mapping(let m) = pair.value,
                    m.contains(where: { ["note", "agent", "keywords"].contains($0.key.scalarText ?? "") })
                {
                    let map = try YAMLMapping(pair.value, file: file, context: "choice `\(pair.key)`")
                    var texts: [String: String] = [:]
                    for language in languages {
                        let (node, _) = try map.required(language, "the `\(language)` label")
                        texts[language] = try string(node, "the `\(language)` label of choice `\(pair.key)`")
                    }
                    let note = try map.optional("note").map { try localized($0.node, "the note of choice `\(pair.key)`") }
                    let agent = try map.optional("agent").map { try localized($0.node, "the agent wording of choice `\(pair.key)`") }
                    let keywords =
                        try map.optional("keywords").map { node in
                            try sequence(node.node, "the keywords of choice `\(pair.key)`").map { try string($0, "a keyword") }
                        } ?? []
                    try map.finish(allowed: languages + ["note", "agent", "keywords"])
                    choices.append(
                        Choice(
                            value: pair.key, label: LocalizedText(texts, position: map.position), note: note, agent: agent,
                            keywords: keywords))
                } else {
                    choices.append(Choice(value: pair.key, label: try localized(pair.value, "the label of choice `\(pair.key)`")))
                }
            }
            guard !choices.isEmpty else { throw DialogueError(position(choicesNode), "`\(id)` needs at least one choice") }
            kind = .choice(choices)
        case "yes-no": kind = .yesNo
        case "date": kind = .date
        default:
            var pattern: TextPattern?
            if let (node, at) = map.optional("pattern") {
                guard let compiled = TextPattern(try string(node, "`pattern`"), verified: verified) else {
                    throw DialogueError(at, "`pattern` is not a valid regular expression")
                }
                pattern = compiled
            }
            let hint = try map.optional("pattern_hint").map { try localized($0.node, "`pattern_hint`") }
            if pattern != nil && hint == nil {
                throw DialogueError(
                    map.position, "question `\(id)` has a `pattern`: give `pattern_hint`, the sentence that says what is expected")
            }
            kind = .text(pattern: pattern, hint: hint)
        }
        let askMap = try map.required("ask", "the question, for `agent` and for `self`").node
        let askReader = try YAMLMapping(askMap, file: file, context: "`ask` of `\(id)`")
        var ask: [Audience: LocalizedText] = [:]
        for audience in Audience.allCases {
            let node = try askReader.required(audience.rawValue, audience == .agent ? "what the agent reads out" : "what the person reads")
            ask[audience] = try localized(node.node, "the `\(audience.rawValue)` wording of `\(id)`")
        }
        try askReader.finish(allowed: Audience.allCases.map(\.rawValue))
        let label = try localized(map.required("label", "a few words naming the answer in summaries").node, "the label of `\(id)`")
        let help = try localized(map.required("help", "help on this question").node, "the help of `\(id)`")
        let unknown = try map.optional("unknown").map { try localized($0.node, "the `unknown` label of `\(id)`") }
        var triageDefault: Value?
        if let (node, at) = map.optional("triage_default") {
            if node.isNull {
                guard unknown != nil else {
                    throw DialogueError(at, "`triage_default: null` needs `unknown`: null means \"I don't know\"")
                }
                triageDefault = .null
            } else if case .choice(let choices) = kind, let text = node.scalarText, choices.contains(where: { $0.value == text }) {
                triageDefault = .string(text)
            } else if case .yesNo = kind, let text = node.scalarText, text == "true" || text == "false" {
                triageDefault = .bool(text == "true")
            } else {
                throw DialogueError(
                    at, "`triage_default` is null (unknown), one of the choices, or true/false: what a case that leaves this key out means")
            }
        }
        var triageGiven: TriageGiven?
        if let (node, at) = map.optional("triage_given") {
            guard case .choice(let choices) = kind else {
                throw DialogueError(
                    at, "`triage_given` is for a choice question: the choice a case answers by giving, or leaving out, a key")
            }
            let given = try YAMLMapping(node, file: file, context: "`triage_given` of `\(id)`")
            let key = try string(given.required("key", "the key whose presence answers the question").node, "`key`")
            var picked: [String] = []
            for name in ["given", "absent"] {
                let (valueNode, valueAt) = try given.required(name, "the choice a case answers when `\(key)` is \(name)")
                let value = try string(valueNode, "`\(name)`")
                guard choices.contains(where: { $0.value == value }) else {
                    throw DialogueError(valueAt, "`\(value)` is not a choice of `\(id)`")
                }
                picked.append(value)
            }
            try given.finish(allowed: ["key", "given", "absent"])
            if triageDefault != nil {
                throw DialogueError(at, "`\(id)` has both `triage_default` and `triage_given`: keep one")
            }
            triageGiven = TriageGiven(key: key, given: picked[0], absent: picked[1])
        }
        let appliesWhen = try map.optional("applies_when").map { try condition($0.node, "`applies_when`") }
        var checks: [Check] = []
        if let (node, _) = map.optional("checks") {
            for item in try sequence(node, "`checks`") {
                let c = try YAMLMapping(item, file: file, context: "a check of `\(id)`")
                let condition = try condition(c.required("reject_if", "when the answer is refused").node, "`reject_if`")
                let message = try localized(c.required("message", "the sentence saying what is expected").node, "the message of a check")
                try c.finish(allowed: ["reject_if", "message"])
                checks.append(Check(rejectIf: condition, message: message))
            }
        }
        let next = try transitions(
            map.required("next", "where to go after this question").node, owner: id, ruleIDs: ruleIDs, resolve: resolve)
        return Question(
            id: id, slot: slot, kind: kind, ask: ask, label: label, help: help, unknown: unknown,
            triageDefault: triageDefault, triageGiven: triageGiven, appliesWhen: appliesWhen, checks: checks, next: next,
            position: keyPosition)
    }

    mutating func transitions(
        _ node: Node, owner: String, ruleIDs: [String],
        resolve: (Node) throws -> (NodeRef, String)
    ) throws -> [Transition] {
        if node.scalarText != nil {
            let (ref, name) = try resolve(node)
            return [Transition(condition: nil, target: ref, targetName: name, rule: nil, ruleIndex: nil, position: position(node))]
        }
        let items = try sequence(node, "`next` of `\(owner)`")
        var result: [Transition] = []
        for (i, item) in items.enumerated() {
            let map = try YAMLMapping(item, file: file, context: "a transition of `\(owner)`")
            let condition = try map.optional("when").map { try self.condition($0.node, "`when`") }
            if condition == nil && i != items.count - 1 {
                throw DialogueError(map.position, "a transition without `when` means \"otherwise\" and must come last")
            }
            let targetNode = try map.required("goto", "the next question, branch or outcome").node
            var rule: String?
            if let (ruleNode, at) = map.optional("rule") {
                let id = try string(ruleNode, "`rule`")
                guard ruleIDs.contains(id) else { throw DialogueError(at, "rule `\(id)` is not in `rules`") }
                rule = id
            }
            try map.finish(allowed: ["when", "goto", "rule"])
            let (ref, name) = try resolve(targetNode)
            result.append(
                Transition(
                    condition: condition, target: ref, targetName: name, rule: rule,
                    ruleIndex: rule.flatMap(ruleIDs.firstIndex(of:)), position: map.position))
        }
        return result
    }

    // MARK: Outcomes

    mutating func outcome(
        _ id: String, _ node: Node, at keyPosition: SourcePosition, outputs: [Output], ruleIDs: [String]
    ) throws -> Outcome {
        let map = try YAMLMapping(node, file: file, context: "outcome `\(id)`")
        let allowed = ["recommendation", "route", "letter", "rules", "set", "title", "summary", "steps", "parallel", "notes"]
        errors += map.unknownKeys(allowed: allowed)
        let recommendationNode = try map.required("recommendation", DialogueLoader.recommendations.joined(separator: ", ")).node
        let recommendationText = try string(recommendationNode, "`recommendation`")
        guard let recommendation = Recommendation(rawValue: recommendationText) else {
            throw DialogueError(
                position(recommendationNode),
                "`\(recommendationText)` is not a recommendation; write one of \(DialogueLoader.recommendations.joined(separator: ", "))")
        }
        var route: String?
        if let (routeNode, at) = map.optional("route"), !routeNode.isNull {
            let text = try identifier(routeNode, "`route`")
            if let routes, !routes.contains(text) {
                throw DialogueError(
                    at, "`\(text)` is not a route of this dialogue; write one of \(routes.joined(separator: ", ")) (`routes`) or null")
            }
            route = text
        }
        if (route == nil) != (recommendation == .noAction) {
            throw DialogueError(
                map.position, recommendation == .noAction ? "a `no-action` outcome has no route" : "outcome `\(id)` needs a route")
        }
        var letter: LetterKind?
        if let (letterNode, at) = map.optional("letter") {
            let text = try string(letterNode, "`letter`")
            guard let kind = LetterKind(rawValue: text) else {
                let kinds = LetterKind.allCases.map(\.rawValue).joined(separator: ", ")
                throw DialogueError(at, "`\(text)` is not a letter; write one of \(kinds)")
            }
            letter = kind
        }
        var rules: [String] = []
        if let (rulesNode, _) = map.optional("rules") {
            for item in try sequence(rulesNode, "`rules`") {
                let rule = try string(item, "a rule")
                guard ruleIDs.contains(rule) else { throw DialogueError(position(item), "rule `\(rule)` is not in `rules`") }
                rules.append(rule)
            }
        }
        var set: [(Int, Expression)] = []
        if let (setNode, _) = map.optional("set") {
            for pair in try mappingPairs(setNode, "`set` of `\(id)`") {
                guard let index = outputs.firstIndex(where: { $0.name == pair.key }) else {
                    throw DialogueError(pair.keyPosition, "`\(pair.key)` is not declared in `outputs`")
                }
                // `null`: this outcome gives no such date, whatever the default says.
                if pair.value.isNull {
                    let at = YAMLMapping.position(of: pair.value, file: file)
                    set.append(
                        (index, Expression(source: "null", position: at, tree: .literal(.null), type: outputs[index].type, reads: [])))
                    continue
                }
                let e = try expression(pair.value, "the value of `\(pair.key)`")
                guard e.type == outputs[index].type else {
                    throw DialogueError(e.position, "`\(pair.key)` is \(outputs[index].type) but this gives \(e.type)")
                }
                set.append((index, e))
            }
        }
        let title = try localized(map.required("title", "the recommendation in one line").node, "the title of `\(id)`")
        let summary = try localized(map.required("summary", "the result explained in a few sentences").node, "the summary of `\(id)`")
        func texts(_ key: String, _ builder: inout Builder) throws -> [ConditionalText] {
            guard let (node, _) = map.optional(key) else { return [] }
            return try builder.sequence(node, "`\(key)`").map { item in
                if case .mapping(let m) = item, m.contains(where: { $0.key.scalarText == "text" }) {
                    let c = try YAMLMapping(item, file: builder.file, context: "an item of `\(key)`")
                    let condition = try c.optional("when").map { try builder.condition($0.node, "`when`") }
                    let text = try builder.localized(c.required("text", "the text").node, "an item of `\(key)`")
                    try c.finish(allowed: ["when", "text"])
                    return ConditionalText(condition: condition, text: text)
                }
                return ConditionalText(condition: nil, text: try builder.localized(item, "an item of `\(key)`"))
            }
        }
        let steps = try texts("steps", &self)
        let parallel = try texts("parallel", &self)
        let notes = try texts("notes", &self)
        return Outcome(
            id: id, recommendation: recommendation, route: route, letter: letter, rules: rules,
            ruleIndices: rules.compactMap(ruleIDs.firstIndex(of:)), set: set, title: title,
            summary: summary, steps: steps, parallel: parallel, notes: notes, position: keyPosition)
    }

    // MARK: Shape

    /// The longest run of questions from each question to an outcome; rejects cycles,
    /// which would let an interview go on for ever.
    func remainingQuestions(questions: [Question], branches: [Branch]) throws -> [Int] {
        var memo: [NodeRef: Int] = [:]
        var visiting: Set<NodeRef> = []
        func longest(_ ref: NodeRef) throws -> Int {
            if let known = memo[ref] { return known }
            let (next, own, name): ([Transition], Int, String)
            switch ref {
            case .outcome: return 0
            case .question(let i): (next, own, name) = (questions[i].next, 1, questions[i].id)
            case .branch(let i): (next, own, name) = (branches[i].next, 0, branches[i].id)
            }
            visiting.insert(ref)
            var best = 0
            for t in next {
                if visiting.contains(t.target) {
                    throw DialogueError(
                        t.position, "going from `\(name)` back to `\(t.targetName)` makes a cycle; an interview must always end")
                }
                best = max(best, try longest(t.target))
            }
            visiting.remove(ref)
            memo[ref] = best + own
            return best + own
        }
        return try questions.indices.map { try longest(.question($0)) }
    }
}
