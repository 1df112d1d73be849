import DialogueKit

/// The language of a page: the one the form or the address names (`lang=en`),
/// else the first of the browser's `Accept-Language` the page speaks, else French.
enum LanguageChoice {
    static func choose(named: String?, acceptLanguage: String?) -> Language {
        if let named, let language = Language(rawValue: named) { return language }
        guard let acceptLanguage else { return .fr }
        var best: (language: Language, weight: Double)?
        for item in acceptLanguage.split(separator: ",").prefix(20) {
            let parts = item.split(separator: ";").map { String($0).trimmingSpaces }
            guard let tag = parts.first?.lowercased() else { continue }
            let primary = String(tag.split(separator: "-").first ?? "")
            guard let language = Language(rawValue: primary) else { continue }
            var weight = 1.0
            for parameter in parts.dropFirst() where parameter.hasPrefix("q=") {
                weight = Double(parameter.dropFirst(2)) ?? 0
            }
            if weight > 0, weight > (best?.weight ?? 0) { best = (language, weight) }
        }
        return best?.language ?? .fr
    }
}
