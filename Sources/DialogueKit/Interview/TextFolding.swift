import Foundation

/// Lower-cases and strips accents, so that "Médiateur", "mediateur", "MEDIATEUR"
/// and an accent typed as a separate combining mark all match alike when an answer
/// is typed quickly. Foundation folds by Unicode decomposition (any accented
/// letter, not a list), in linear time; the ligatures and typographic quotes that
/// no folding maps are replaced after.
public enum TextFolding {
    public static func fold(_ text: some StringProtocol) -> String {
        // ASCII (every answer a page sends back, most typed ones): folding is lowering
        // the case, done here without Foundation's Unicode tables (a tenth of a page's time).
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            return String(decoding: text.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }, as: UTF8.self)
        }
        return unicodeFold(text)
    }

    /// Foundation's folding, and the ligatures and curly quotes it leaves.
    static func unicodeFold(_ text: some StringProtocol) -> String {
        let folded = String(text).folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
        guard folded.unicodeScalars.contains(where: { $0.value >= 0x2018 && $0.value <= 0x2019 || $0 == "œ" || $0 == "æ" }) else {
            return folded
        }
        var out = ""
        out.reserveCapacity(folded.utf8.count)
        for scalar in folded.unicodeScalars {
            switch scalar {
            case "œ": out += "oe"
            case "æ": out += "ae"
            case "’", "‘": out += "'"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}

extension String {
    /// The text without the white space around it (any Unicode white space):
    /// the one way answers, fields, headers and templates are trimmed.
    public var trimmingSpaces: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        return String(scalars[first...last])
    }
}
