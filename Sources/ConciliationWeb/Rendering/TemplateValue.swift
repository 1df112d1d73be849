/// What a name in a template stands for. Typed, so that rendering a page is a
/// dictionary lookup per name and never a cast: the pages are rendered at every
/// request, and the generic library this replaced spent most of a page's time
/// finding out what each value was (README, "Measured").
enum TemplateValue: Sendable {
    /// A text, escaped for HTML where `{{name}}` inserts it.
    case text(String)
    /// HTML made at start from a template (a rule, a radio button): `{{{name}}}` inserts it as it is.
    case html(String)
    /// A section shown or not.
    case flag(Bool)
    /// A section repeated for each item, `{{.}}` being the item.
    case list([TemplateValue])
    /// Named values, the innermost looked up first (a section over them, or a page).
    case fields(TemplateFields)
}

/// A page's values, or a list item's.
typealias TemplateFields = [String: TemplateValue]

extension TemplateValue: ExpressibleByStringLiteral, ExpressibleByBooleanLiteral {
    init(stringLiteral value: String) { self = .text(value) }
    init(booleanLiteral value: Bool) { self = .flag(value) }
}

extension TemplateValue {
    /// Whether a section over this value is shown: not for false, an empty list or an empty text.
    var isShown: Bool {
        switch self {
        case .flag(let shown): return shown
        case .list(let items): return !items.isEmpty
        case .text(let text), .html(let text): return !text.isEmpty
        case .fields: return true
        }
    }
}
