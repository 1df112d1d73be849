import DialogueKit

/// What `:exporter` writes.
struct Exporter {
    let dialogue: Dialogue
    let language: Language
    let record: SessionRecord
    /// When the export is made (an ISO 8601 time, given by the driver).
    let now: String

    func render(routed: RoutedCase, answers: [(question: Int, value: Value)], as format: ExportFormat) -> [UInt8] {
        let formatter = ResultFormatter(dialogue: dialogue, language: language)
        let note = CaseNote(dialogue: dialogue, language: language)
        switch format {
        case .text:
            return Array((note.text(answers: answers, routed: routed) + "\n\n" + formatter.text(routed) + "\n").utf8)
        case .markdown:
            var md = "# " + dialogue.title.text(language) + "\n\n"
            md += "### " + CLIMessage.answersHeading.text(language) + "\n\n"
            md += note.answerLines(answers).map { "- " + $0.drop(while: { $0 != " " }).dropFirst() }.joined(separator: "\n")
            md += "\n\n" + formatter.markdown(routed) + "\n"
            return Array(md.utf8)
        case .json:
            var w = JSONWriter()
            w.raw("{"); w.key("format"); w.string("conciliation-export-1")
            w.raw(","); w.key("session"); w.string(record.id)
            w.raw(","); w.key("created"); w.string(record.created)
            w.raw(","); w.key("updated"); w.string(record.updated)
            w.raw(","); w.key("exported"); w.string(now)
            w.raw(","); w.key("audience"); w.string(record.audience.rawValue)
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
