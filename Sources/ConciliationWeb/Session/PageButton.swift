import DialogueKit

/// Every button of the page's forms, as the `do` field names it. The templates
/// write a button's value as `{{do.name}}`, read when they are prepared: a name
/// not here stops the server before it listens (`file:line:column`), and a value
/// a page of this site cannot send is refused (`PageRequest`).
enum PageButton: Equatable, Sendable {
    case start, show, next, unknown, back, letter
    case letterPreview, letterText, letterMarkdown
    /// The page in the other language; the template writes `{{do.lang}}{{otherLang}}`.
    case language(Language)
    /// "Modifier" beside an answer; the template writes `{{do.edit}}{{id}}`.
    case edit(questionID: String)
    /// A summary to download, in one of the formats.
    case export(ExportFormat)

    /// The `do` field's value.
    var value: String {
        switch self {
        case .start: "start"
        case .show: "show"
        case .next: "next"
        case .unknown: "unknown"
        case .back: "back"
        case .letter: "letter"
        case .letterPreview: "letter-preview"
        case .letterText: "letter-txt"
        case .letterMarkdown: "letter-md"
        case .language(let language): PageButton.languagePrefix + language.rawValue
        case .edit(let id): PageButton.editPrefix + id
        case .export(let format): PageButton.exportPrefix + format.fileExtension
        }
    }

    private static let languagePrefix = "lang-", editPrefix = "edit:", exportPrefix = "export-"
    private static let fixed: [PageButton] =
        [.start, .show, .next, .unknown, .back, .letter, .letterPreview, .letterText, .letterMarkdown]
        + ExportFormat.allCases.map { .export($0) }

    /// The button whose value this is; nil for a value no page of this site sends.
    /// Exactly the values drawn: `export-` and an extension, never a path that
    /// ends like one (`export-../../x.JSON`).
    init?(value: String) {
        if let known = PageButton.fixed.first(where: { $0.value == value }) {
            self = known
        } else if value.hasPrefix(PageButton.editPrefix) {
            self = .edit(questionID: String(value.dropFirst(PageButton.editPrefix.count)))
        } else if value.hasPrefix(PageButton.languagePrefix),
            let language = Language(rawValue: String(value.dropFirst(PageButton.languagePrefix.count)))
        {
            self = .language(language)
        } else {
            return nil
        }
    }

    /// What `{{do.name}}` writes in a template: a button's value, or the start of
    /// one that the page completes (`lang`, `edit`); nil for a name not here.
    static func templateText(_ name: String) -> String? {
        switch name {
        case "lang": return languagePrefix
        case "edit": return editPrefix
        default: return fixed.first { $0.value == name }?.value
        }
    }
}
