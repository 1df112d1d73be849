/// What a name in a template stands for. Typed, so that rendering a page is a
/// dictionary lookup per name and never a cast: the pages are rendered at every
/// request, and the generic library this replaced spent most of a page's time
/// finding out what each value was (README, "Measured").
enum TemplateValue: Sendable {
    /// A text, escaped for HTML wherever it is inserted, by `{{name}}` or even by
    /// `{{{name}}}`: what a person typed can never become markup, whatever a
    /// template says.
    case text(String)
    /// A text already escaped for HTML (and set as a French page sets it,
    /// `WebText.escaped`), in UTF-8: written as it is by either tag, never escaped twice.
    case escaped([UInt8])
    /// HTML made by a template (at start: a rule, a radio button; or a piece of
    /// this page), in UTF-8: `{{{name}}}` inserts it as it is.
    case html([UInt8])
    /// A section shown or not.
    case flag(Bool)
    /// A section repeated for each item, `{{.}}` being the item.
    case list([TemplateValue])
    /// Named values, the innermost looked up first (a section over them, or a page).
    case fields(TemplateFields)
}

/// A page's values, or a list item's: a few names each, looked up by comparing
/// them in turn (measured against a dictionary: hashing every name when a page's
/// values are made and again when they are read cost more than the comparisons).
struct TemplateFields: Sendable, ExpressibleByDictionaryLiteral {
    private var names: [TemplateName] = []
    private var values: [TemplateValue] = []

    init(dictionaryLiteral elements: (TemplateName, TemplateValue)...) {
        names.reserveCapacity(elements.count)
        values.reserveCapacity(elements.count)
        for (name, value) in elements { self[name] = value }
    }

    subscript(name: TemplateName) -> TemplateValue? {
        get { names.firstIndex(of: name).map { values[$0] } }
        set {
            if let i = names.firstIndex(of: name) {
                if let newValue { values[i] = newValue } else { names.remove(at: i); values.remove(at: i) }
            } else if let newValue {
                names.append(name)
                values.append(newValue)
            }
        }
    }
}

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
        case .text(let text): return !text.isEmpty
        case .html(let bytes), .escaped(let bytes): return !bytes.isEmpty
        case .fields: return true
        }
    }
}
