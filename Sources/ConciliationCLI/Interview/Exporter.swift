import DialogueKit

/// What `:exporter` writes, chosen by the file's extension: the case note and the
/// full result as text, a Markdown document, or JSON holding everything `triage`
/// gives plus the answers, the dialogue and the timestamps.
struct Exporter {
    let dialogue: Dialogue
    let language: Language
    let record: SessionRecord

    func render(routed: RoutedCase, answers: [(question: Int, value: Value)], extensionOf path: String) -> Result<[UInt8], ExportError> {
        let formatter = ResultFormatter(dialogue: dialogue, language: language)
        let note = CaseNote(dialogue: dialogue, language: language)
        let lower = path.lowercased()
        if lower.hasSuffix(".txt") {
            let text = note.text(answers: answers, routed: routed) + "\n\n" + formatter.text(routed) + "\n"
            return .success(Array(text.utf8))
        }
        if lower.hasSuffix(".md") {
            var md = "# " + dialogue.title.text(language) + "\n\n"
            md += "### " + language.say("Réponses", "Answers") + "\n\n"
            md += note.answerLines(answers).map { "- " + $0.drop(while: { $0 != " " }).dropFirst() }.joined(separator: "\n")
            md += "\n\n" + formatter.markdown(routed) + "\n"
            return .success(Array(md.utf8))
        }
        if lower.hasSuffix(".json") {
            var w = JSONWriter()
            w.raw("{"); w.key("format"); w.string("conciliation-export-1")
            w.raw(","); w.key("session"); w.string(record.id)
            w.raw(","); w.key("created"); w.string(record.created)
            w.raw(","); w.key("updated"); w.string(record.updated)
            w.raw(","); w.key("exported"); w.string(Timestamp.now())
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
            return .success(w.bytes)
        }
        return .failure(
            ExportError(
                message: language.say(
                    "Extension non reconnue : terminez le nom par .txt, .md ou .json.",
                    "Unknown extension: end the name with .txt, .md or .json.")))
    }
}

/// Why an export was not written, in one sentence.
struct ExportError: Error {
    let message: String
}
