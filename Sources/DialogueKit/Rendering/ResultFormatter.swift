/// The output formats of a result: JSON for programs (the stable `triage`
/// interface), plain text for a case note, Markdown for a document.
/// Renders results. The parts that are the same for every case (each rule with its
/// sources) are rendered once per dialogue, so that `triage` stays fast.
public struct ResultFormatter: Sendable {
    public let dialogue: Dialogue
    public let language: Language
    public let renderer: TextRenderer
    /// Each rule with its sources, as JSON, by rule index.
    private let ruleJSON: [[UInt8]]
    /// `,"name":` for each output.
    private let outputKeys: [[UInt8]]
    /// Each outcome's title as JSON, when it holds no `{slot}` to fill per case.
    private let fixedTitleJSON: [[UInt8]?]
    /// Each outcome's `"recommendation":…,"route":…` and `,"outcome":…,"title":`.
    private let outcomeHead: [[UInt8]]
    private let outcomeMiddle: [[UInt8]]
    /// `],"dialogue":{…},"today":`, the same on every line.
    private let tail: [UInt8]

    public init(dialogue: Dialogue, language: Language) {
        self.dialogue = dialogue
        self.language = language
        self.renderer = TextRenderer(dialogue: dialogue, language: language)
        var fragments: [[UInt8]] = []
        for rule in dialogue.rules {
            var w = JSONWriter()
            w.raw("{")
            w.key("rule"); w.string(rule.id)
            w.raw(","); w.key("title"); w.string(rule.title.text(language))
            w.raw(","); w.key("confirmed"); w.value(.bool(rule.confirmed))
            w.raw(","); w.key("sources"); w.raw("[")
            for (i, id) in rule.sources.enumerated() {
                guard let source = dialogue.source(id) else { continue }
                if i > 0 { w.raw(",") }
                w.raw("{"); w.key("id"); w.string(source.id)
                w.raw(","); w.key("title"); w.string(source.title)
                w.raw(","); w.key("url"); w.value(source.url.map(Value.string) ?? .null)
                w.raw("}")
            }
            w.raw("]}")
            fragments.append(w.bytes)
        }
        self.ruleJSON = fragments
        self.outputKeys = dialogue.outputs.map { output in
            var w = JSONWriter()
            w.raw(",")
            w.key(output.name)
            return w.bytes
        }
        self.fixedTitleJSON = dialogue.outcomes.map { outcome in
            let title = outcome.title.text(language)
            guard !title.utf8.contains(UInt8(ascii: "{")) else { return nil }
            var w = JSONWriter()
            w.string(title)
            return w.bytes
        }
        self.outcomeHead = dialogue.outcomes.map { outcome in
            var w = JSONWriter()
            w.key("recommendation"); w.string(outcome.recommendation.rawValue)
            w.raw(","); w.key("route"); w.value(outcome.route.map(Value.string) ?? .null)
            return w.bytes
        }
        self.outcomeMiddle = dialogue.outcomes.map { outcome in
            var w = JSONWriter()
            w.raw(","); w.key("outcome"); w.string(outcome.id)
            w.raw(","); w.key("title")
            return w.bytes
        }
        var w = JSONWriter()
        w.raw("],"); w.key("dialogue")
        w.raw("{"); w.key("id"); w.string(dialogue.id); w.raw(","); w.key("version"); w.string(dialogue.version); w.raw("}")
        w.raw(","); w.key("today")
        self.tail = w.bytes
    }

    /// One JSON object on one line, as `triage --format json` prints it.
    public func json(_ routed: RoutedCase, line: Int?, into w: inout JSONWriter) {
        let result = routed.result
        let outcome = dialogue.outcomes[result.outcome]
        w.raw("{")
        if let line {
            w.raw("\"line\":"); w.verbatim(String(line)); w.raw(",")
        }
        w.bytes.append(contentsOf: outcomeHead[result.outcome])
        for i in dialogue.outputs.indices {
            w.bytes.append(contentsOf: outputKeys[i])
            w.value(result.outputs[i])
        }
        w.bytes.append(contentsOf: outcomeMiddle[result.outcome])
        if let fixed = fixedTitleJSON[result.outcome] {
            w.bytes.append(contentsOf: fixed)
        } else {
            w.string(renderer.fill(outcome.title, result: result, today: routed.today))
        }
        w.raw(",\"reasons\":[")
        for (i, rule) in result.ruleIndices.enumerated() {
            if i > 0 { w.raw(",") }
            w.bytes.append(contentsOf: ruleJSON[rule])
        }
        w.bytes.append(contentsOf: tail)
        w.date(routed.today)
        w.raw("}")
    }

    public func errorJSON(_ error: CaseError, line: Int, into w: inout JSONWriter) {
        w.raw("{"); w.key("line"); w.verbatim(String(line))
        w.raw(","); w.key("error"); w.raw("{")
        w.key("field"); w.value(error.field.map(Value.string) ?? .null)
        w.raw(","); w.key("message"); w.string(error.message)
        w.raw("}}")
    }

    /// Plain text: no colour, no box drawing, so it pastes cleanly into a case note.
    public func text(_ routed: RoutedCase, line: Int? = nil) -> String {
        let result = routed.result
        let outcome = dialogue.outcomes[result.outcome]
        let parts = sections(routed, dated: true)
        var lines: [String] = []
        if let line { lines.append(Message.caseOnLine(line).text(language)) }
        lines.append(parts.title)
        lines.append(
            Message.recommendationLabel.text(language) + outcome.recommendation.rawValue
                + (outcome.route.map { Message.routeLabel.text(language) + $0 } ?? ""))
        lines += parts.dates.map { "\($0.label)\(language.colon)\($0.words) (\($0.relative))" }
        lines.append("")
        lines.append(parts.summary)
        if !parts.steps.isEmpty {
            lines.append("")
            lines.append(Message.whatToDo.text(language) + String(language.colon.dropLast()))
            for (i, s) in parts.steps.enumerated() { lines.append("  \(i + 1). \(s)") }
        }
        if !parts.parallel.isEmpty {
            lines.append("")
            lines.append(Message.inParallel.text(language) + String(language.colon.dropLast()))
            for p in parts.parallel { lines.append("  - \(p)") }
        }
        for note in parts.notes {
            lines.append("")
            lines.append(note)
        }
        lines.append("")
        lines.append(Message.why.text(language) + String(language.colon.dropLast()))
        lines += reasonLines(result)
        lines.append("")
        lines.append(
            Message.rulesFooter(dialogue: dialogue.id, version: dialogue.version, today: DateWords.words(routed.today, language)).text(
                language))
        return lines.joined(separator: "\n")
    }

    /// Each rule applied, with its sources by title and address.
    public func reasonLines(_ result: Conclusion) -> [String] {
        var lines: [String] = []
        for id in result.rules(in: dialogue) {
            guard let rule = dialogue.rule(id) else { continue }
            let unconfirmed = rule.unconfirmedMark(language)
            lines.append("  - [\(rule.id)] \(rule.title.text(language))\(unconfirmed)")
            for sourceID in rule.sources {
                guard let s = dialogue.source(sourceID) else { continue }
                lines.append("      " + Message.sourceLabel.text(language) + s.title + (s.url.map { " — \($0)" } ?? ""))
            }
        }
        return lines
    }

    public func markdown(_ routed: RoutedCase, line: Int? = nil) -> String {
        let result = routed.result
        let outcome = dialogue.outcomes[result.outcome]
        let parts = sections(routed, dated: true)
        var md: [String] = []
        md.append("## " + parts.title + (line.map { Message.onLine($0).text(language) } ?? ""))
        md.append("")
        md.append("- " + Message.recommendationWord.text(language) + language.colon + "`\(outcome.recommendation.rawValue)`")
        md.append("- " + Message.routeWord.text(language) + language.colon + (outcome.route.map { "`\($0)`" } ?? "—"))
        for d in parts.dates { md.append("- \(d.label)\(language.colon)\(d.words) (\(d.relative))") }
        md.append("")
        md.append(parts.summary)
        if !parts.steps.isEmpty {
            md.append("")
            md.append("### " + Message.whatToDo.text(language))
            md.append("")
            for (i, s) in parts.steps.enumerated() { md.append("\(i + 1). \(s)") }
        }
        if !parts.parallel.isEmpty {
            md.append("")
            md.append("### " + Message.inParallel.text(language))
            md.append("")
            for p in parts.parallel { md.append("- \(p)") }
        }
        for note in parts.notes {
            md.append("")
            md.append("> \(note)")
        }
        md.append("")
        md.append("### " + Message.why.text(language))
        md.append("")
        for id in result.rules(in: dialogue) {
            guard let rule = dialogue.rule(id) else { continue }
            let unconfirmed = rule.confirmed ? "" : Message.unconfirmedMarkdown.text(language)
            md.append("- **\(rule.title.text(language))**\(unconfirmed) — \(rule.text.text(language)) (`\(rule.id)`)")
            for sourceID in rule.sources {
                guard let s = dialogue.source(sourceID) else { continue }
                md.append("  - " + (s.url.map { "[\(s.title)](\($0))" } ?? s.title))
            }
        }
        md.append("")
        md.append(
            "*"
                + Message.rulesFooter(dialogue: dialogue.id, version: dialogue.version, today: DateWords.words(routed.today, language))
                .text(language) + ".*")
        return md.joined(separator: "\n")
    }
}
