/// The forms `:exporter` writes, chosen by the file's extension.
enum ExportFormat: Equatable {
    /// The case note and the full result as text.
    case text
    /// A Markdown document.
    case markdown
    /// Everything `triage` gives, plus the answers, the dialogue and the times.
    case json

    /// nil for an extension that is none of .txt, .md, .json.
    init?(path: String) {
        let lower = path.lowercased()
        if lower.hasSuffix(".txt") {
            self = .text
        } else if lower.hasSuffix(".md") {
            self = .markdown
        } else if lower.hasSuffix(".json") {
            self = .json
        } else {
            return nil
        }
    }
}
