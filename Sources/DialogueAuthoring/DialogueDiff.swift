import DialogueKit

/// What changes when the same cases are routed by two rule sets: how many change
/// recommendation or dates, grouped "old → new", with examples. For a trainer
/// comparing 2007 with 2026, and for an author weighing an edit before shipping it.
public struct DialogueDiff: Sendable {
    public struct Input: Sendable {
        public let name: String
        public let pairs: [(key: String, value: CaseValue)]

        public init(name: String, pairs: [(key: String, value: CaseValue)]) {
            self.name = name
            self.pairs = pairs
        }
    }

    /// One kind of change and the cases that show it.
    public struct Group: Sendable {
        public let from: String
        public let to: String
        public var examples: [(name: String, detail: String)]
    }

    public let old: Dialogue
    public let new: Dialogue
    public let language: Language
    public private(set) var unchanged = 0
    public private(set) var groups: [Group] = []

    public init(old: Dialogue, new: Dialogue, cases: [Input], clockToday: CivilDate, language: Language = .fr) {
        self.old = old
        self.new = new
        self.language = language
        let a = Triage(dialogue: old, language: .fr), b = Triage(dialogue: new, language: .fr)
        // Only the dates both rule sets can give are compared: a result key the older
        // rules declare but never compute (2026.4's latest date, say) is no change.
        let compared = Self.computed(old).intersection(Self.computed(new))
        for input in cases {
            let before = Self.describe(a.route(input.pairs, todayOverride: nil, clockToday: clockToday), old, compared, language)
            let after = Self.describe(b.route(input.pairs, todayOverride: nil, clockToday: clockToday), new, compared, language)
            if before.kind == after.kind && before.dates == after.dates {
                unchanged += 1
                continue
            }
            let from = before.kind, to = after.kind == before.kind ? before.kind + Message.diffDates.text(language) : after.kind
            let none = Message.diffNoDate.text(language)
            let detail =
                before.dates == after.dates
                ? "" : "\(before.dates.isEmpty ? none : before.dates) → \(after.dates.isEmpty ? none : after.dates)"
            if let i = groups.firstIndex(where: { $0.from == from && $0.to == to }) {
                groups[i].examples.append((input.name, detail))
            } else {
                groups.append(Group(from: from, to: to, examples: [(input.name, detail)]))
            }
        }
        groups.sort { ($0.examples.count, $1.from) > ($1.examples.count, $0.from) }
    }

    public var changed: Int { groups.reduce(0) { $0 + $1.examples.count } }

    /// The outputs a dialogue can give a value: a default formula, or an outcome's `set`.
    static func computed(_ dialogue: Dialogue) -> Set<String> {
        Set(
            dialogue.outputs.enumerated().filter { i, output in
                output.value != nil || dialogue.outcomes.contains { $0.set.contains { $0.output == i } }
            }.map(\.element.name))
    }

    static func describe(
        _ outcome: Result<RoutedCase, CaseError>, _ dialogue: Dialogue, _ compared: Set<String>, _ language: Language
    ) -> (kind: String, dates: String) {
        switch outcome {
        case .failure(let error): return (Message.diffInvalid(error.field ?? "case").text(language), "")
        case .success(let routed):
            let observed = CaseFile.Observed(routed, dialogue: dialogue)
            let dates = observed.outputs.filter { compared.contains($0.key) }.sorted { $0.key < $1.key }
                .compactMap { k, v in v.map { "\(k) \($0)" } }
            return ("\(observed.recommendation) / \(observed.route ?? "—")", dates.joined(separator: ", "))
        }
    }

    /// The report as printed by `conciliation diff`.
    public func text(examples: Int = 3) -> String {
        var lines = [
            Message.diffHeading(
                old: "\(old.id) \(old.version)", new: "\(new.id) \(new.version)", changed: changed, total: changed + unchanged,
                unchanged: unchanged
            ).text(language)
        ]
        for g in groups {
            lines.append("")
            lines.append(Message.diffGroup(from: g.from, to: g.to, count: g.examples.count).text(language))
            for e in g.examples.prefix(examples) {
                lines.append(Message.diffExample(e.name).text(language) + (e.detail.isEmpty ? "" : " — \(e.detail)"))
            }
        }
        return lines.joined(separator: "\n")
    }
}
