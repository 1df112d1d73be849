/// The three forms a result is written in, everywhere: `triage --format` and
/// `letter --format`, the terminal's `:exporter` (chosen by the file's
/// extension), and the browser page's downloads.
public enum ExportFormat: String, Equatable, Sendable, CaseIterable {
    /// The case note and the full result as text.
    case text
    /// A Markdown document.
    case markdown
    /// Everything `triage` gives, plus the answers, the dialogue and the times.
    case json

    /// nil for an extension that is none of .txt, .md, .json.
    public init?(path: String) {
        guard let format = ExportFormat.allCases.first(where: { path.lowercased().hasSuffix("." + $0.fileExtension) }) else {
            return nil
        }
        self = format
    }

    /// The extension of a file in this form, without the dot.
    public var fileExtension: String {
        switch self {
        case .text: return "txt"
        case .markdown: return "md"
        case .json: return "json"
        }
    }

    /// What a file in this form is, for the page's downloads (`Content-Type`).
    public var mediaType: String {
        switch self {
        case .text: return "text/plain; charset=utf-8"
        case .markdown: return "text/markdown; charset=utf-8"
        case .json: return "application/json"
        }
    }

    /// Every extension, for a sentence that lists them: ".txt, .md", then the
    /// last after `or`.
    public static func extensions(or: String) -> String {
        let all = allCases.map { "." + $0.fileExtension }
        return all.dropLast().joined(separator: ", ") + " " + or + " " + all.last!
    }
}
