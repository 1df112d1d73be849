/// A case summary as a file: the answers and the full result, in text, Markdown
/// or JSON. The terminal writes it with `:exporter`; the browser page gives it as
/// a download, made on request and kept nowhere.
public struct CaseExport: Sendable {
    public let formatter: ResultFormatter
    public var dialogue: Dialogue { formatter.dialogue }
    public var language: Language { formatter.language }

    public init(dialogue: Dialogue, language: Language) {
        self.formatter = ResultFormatter(dialogue: dialogue, language: language)
    }

    /// With a formatter made ahead (a server makes one per language, not one per request).
    public init(formatter: ResultFormatter) {
        self.formatter = formatter
    }

    /// `facts` are what the JSON form says of the session besides its answers
    /// and result, in order (the terminal's session id and times; the page's time
    /// of export), as `"key": "value"` strings.
    public func render(
        routed: RoutedCase, answers: [(question: Int, value: Value)], as format: ExportFormat, facts: [(key: String, value: String)]
    ) -> [UInt8] {
        let note = CaseNote(dialogue: dialogue, language: language)
        switch format {
        case .text:
            return Array((note.text(answers: answers, routed: routed) + "\n\n" + formatter.text(routed) + "\n").utf8)
        case .markdown:
            var md = "# " + dialogue.title.text(language) + "\n\n"
            md += "### " + Message.answersHeading.text(language) + "\n\n"
            md += note.answerLines(answers).map { "- " + $0.drop(while: { $0 != " " }).dropFirst() }.joined(separator: "\n")
            md += "\n\n" + formatter.markdown(routed) + "\n"
            return Array(md.utf8)
        case .json:
            var w = JSONWriter()
            w.raw("{"); w.key("format"); w.string(CaseExport.jsonFormat)
            for fact in facts {
                w.raw(","); w.key(fact.key); w.string(fact.value)
            }
            w.raw(","); w.key("answers"); w.raw("{")
            for (i, a) in answers.enumerated() {
                if i > 0 { w.raw(",") }
                w.key(dialogue.questions[a.question].id)
                w.value(a.value)
            }
            w.raw("},"); w.key("result")
            formatter.json(routed, line: nil, into: &w)
            w.raw("}\n")
            return w.bytes
        }
    }
}
