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

    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }
}
