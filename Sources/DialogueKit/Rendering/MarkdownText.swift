/// A person's words put into Markdown as text, never as markup: a name holding
/// `<script>`, facts starting a line with `#` or `>`, a `[x](javascript:…)` link
/// are shown as typed when the `.md` letter or export is rendered.
public enum MarkdownText {
    /// Characters that open inline markup or raw HTML anywhere in a line.
    private static let inline: Set<Character> = ["\\", "`", "*", "_", "[", "]", "<", ">", "#", "|", "~", "!", "&"]

    /// The text with every character that Markdown would read as markup escaped
    /// by a backslash (CommonMark lets any ASCII punctuation be escaped), and
    /// a list or heading marker at the start of a line escaped too.
    public static func escaping(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count + 8)
        var lineStart = true
        var digitsAtStart = false
        for c in text {
            if c == "\n" {
                out.append(c)
                lineStart = true
                digitsAtStart = false
                continue
            }
            if inline.contains(c) || (lineStart && (c == "+" || c == "-" || c == "=")) || (digitsAtStart && (c == "." || c == ")")) {
                out.append("\\")
            }
            digitsAtStart = (lineStart || digitsAtStart) && c.isASCII && c.isNumber
            if !(lineStart && c == " ") { lineStart = false }
            out.append(c)
        }
        return out
    }
}
