/// Text from a file, a case or the keyboard, made safe to show inside a message:
/// control characters (a carriage return, an escape that would start a terminal
/// sequence, a NUL) are written out as `\r`, `\u{1B}`, … instead of acting on the
/// terminal or breaking the line. Found by fuzzing: a case key holding a carriage
/// return came back raw in triage's message on standard error.
public enum VisibleText {
    public static func escapingControls(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count + 8)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where isControl(scalar): out += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// A character that moves or restyles a terminal rather than showing: C0, DEL,
    /// C1 (U+009B is a whole escape sequence on its own) and the bidirectional
    /// embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069), which
    /// make text read in another order than it is written.
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || isBidiControl(scalar)
    }

    static func isBidiControl(_ scalar: Unicode.Scalar) -> Bool {
        (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value)
    }

    /// The one rule for text coming in (an answer, a letter detail, a text of a
    /// dialogue or case file): the first character it may not hold, or nil. Line
    /// breaks and tabs only where `lines` allows them (a file's texts, a letter's
    /// facts).
    public static func forbiddenCharacter(in text: String, lines: Bool = false) -> Unicode.Scalar? {
        text.unicodeScalars.first { isControl($0) && !(lines && ($0 == "\n" || $0 == "\t" || $0 == "\r")) }
    }
}
