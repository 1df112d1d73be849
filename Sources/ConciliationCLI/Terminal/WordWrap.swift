/// Breaks lines at spaces to fit a terminal, so that no word is cut in two.
/// Continuation lines keep the indentation of the line's text (after "  1. " or
/// "  - "); width is counted in display columns (`DisplayWidth`), so colour codes
/// and combining accents count none and wide characters two.
enum WordWrap {
    /// The widest a line of prose is set, however wide the terminal: longer
    /// lines are hard to read.
    static let readableWidth = 100

    /// A label cut at the last word that fits in `limit` characters, with "…"
    /// when something was cut: a list or a source stays on one line.
    static func cut(_ label: String, at limit: Int) -> String {
        guard label.count > limit else { return label }
        let head = label.prefix(limit - 1)
        let words = head.lastIndex(of: " ").map { head[..<$0] } ?? head
        return String(words).trimmingSpaces + "…"
    }

    static func wrap(_ text: String, width terminalWidth: Int) -> String {
        let width = min(terminalWidth, readableWidth)
        guard width >= 20 else { return text }
        return text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { wrapLine(String($0), width: width) }
            .joined(separator: "\n")
    }

    /// Terminal columns, colour codes left out.
    static func visibleCount(_ s: Substring) -> Int { DisplayWidth.columns(s) }

    static func withoutColours(_ s: Substring) -> String {
        var out = "", inEscape = false
        for c in s.unicodeScalars {
            if inEscape { if c == "m" { inEscape = false } } else if c == "\u{1B}" { inEscape = true } else { out.unicodeScalars.append(c) }
        }
        return out
    }

    /// Stands for a space that must not break while a line is wrapped (a
    /// private-use character, one column wide), and is turned back into a space.
    static let glue: Character = "\u{E000}"

    /// `text` never broken when its line is wrapped: a short phrase the person
    /// reads or types as one, like « je ne sais pas » or ":aide pour de l'aide".
    static func unbroken(_ text: String) -> String { String(text.map { $0 == " " ? glue : $0 }) }

    /// A line as written when it is not wrapped (not a terminal).
    static func unwrapped(_ line: String) -> String { String(line.map { $0 == glue ? " " : $0 }) }

    /// French typography: a space before « : ; ? ! » and inside « » belongs to
    /// the sign, so a line never starts with "?" nor ends with "«". A sign
    /// followed by a letter is not punctuation but a word (the command
    /// ":aide"), and the space before it breaks like any other.
    static func gluingPunctuation(_ line: String) -> String {
        guard line.contains(" ") else { return line }
        var out = ""
        out.reserveCapacity(line.utf8.count)
        var previous: Character?
        var rest = line[...]
        while let c = rest.popFirst() {
            let next = rest.first
            let sign = next.map { ":;?!»".contains($0) } == true && rest.dropFirst().first?.isLetter != true
            let glued = c == " " && (previous == "«" || sign)
            out.append(glued ? glue : c)
            previous = c
        }
        return out
    }

    static func wrapLine(_ raw: String, width: Int) -> String {
        unwrapped(wrapGlued(gluingPunctuation(raw), width: width))
    }

    private static func wrapGlued(_ line: String, width: Int) -> String {
        guard visibleCount(Substring(line)) > width else { return line }
        // Indentation for continuation lines: leading spaces plus a list marker.
        var indent = line.prefix { $0 == " " }.count
        let rest = line.dropFirst(indent)
        if let first = rest.split(separator: " ", maxSplits: 1).first {
            let marker = withoutColours(first)
            if marker == "-" || marker == "•" || marker == "→" || (marker.hasSuffix(".") && Int(marker.dropLast()) != nil) {
                indent += marker.count + 1
            }
        }
        indent = min(indent, width / 2)
        let leading = line.prefix { $0 == " " }
        var lines: [String] = []
        var current = String(leading)
        var currentWidth = leading.count
        var first = true
        for word in line.dropFirst(leading.count).split(separator: " ", omittingEmptySubsequences: false) {
            let w = visibleCount(word)
            if first {
                current += word
                currentWidth += w
                first = false
            } else if currentWidth + 1 + w > width && currentWidth > indent {
                lines.append(current)
                current = String(repeating: " ", count: indent) + word
                currentWidth = indent + w
            } else {
                current += " " + word
                currentWidth += 1 + w
            }
        }
        lines.append(current)
        return lines.joined(separator: "\n")
    }
}
