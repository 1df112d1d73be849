/// Lower-cases and strips French accents, so that "Médiateur", "mediateur" and
/// "MEDIATEUR" match alike when an answer is typed quickly.
public enum TextFolding {
    public static func fold(_ text: some StringProtocol) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "à", "â", "ä", "á", "À", "Â", "Ä", "Á": out += "a"
            case "é", "è", "ê", "ë", "É", "È", "Ê", "Ë": out += "e"
            case "î", "ï", "í", "Î", "Ï", "Í": out += "i"
            case "ô", "ö", "ó", "Ô", "Ö", "Ó": out += "o"
            case "ù", "û", "ü", "ú", "Ù", "Û", "Ü", "Ú": out += "u"
            case "ç", "Ç": out += "c"
            case "œ", "Œ": out += "oe"
            case "æ", "Æ": out += "ae"
            case "’", "‘": out += "'"
            default: out.unicodeScalars.append(contentsOf: String(scalar).lowercased().unicodeScalars)
            }
        }
        return out
    }
}
