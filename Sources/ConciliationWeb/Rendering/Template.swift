/// A page template, read once at start into a tree (the Mustache syntax the
/// `Templates/*.mustache` files use: `{{name}}`, `{{{name}}}`, `{{#name}}…{{/name}}`,
/// `{{^name}}…{{/name}}`, `{{.}}`, `{{> partial}}`, `{{! comment}}`, and
/// `{{t.name}}`, a fixed text written in at reading). A tag alone on its line
/// takes its line with it, as Mustache says, so the HTML reads as the template.
struct Template: Sendable {
    enum Node: Sendable {
        /// Text written as it is (the template's own, or a fixed text already escaped), in UTF-8.
        case text([UInt8])
        /// `{{name}}` (escaped) or `{{{name}}}` (as it is).
        case value(TemplateName, escaped: Bool)
        /// `{{#name}}` or, inverted, `{{^name}}`.
        case section(TemplateName, inverted: Bool, [Node])
        /// `{{> name}}`, replaced by that template's nodes when the set is made.
        case partial(String, line: Int, column: Int)
    }

    let nodes: [Node]

    /// Reads `source`, named `name` in errors; `label` gives the text of `{{t.name}}`
    /// (nil: not in the catalogue), `PageButton` the value of `{{do.name}}`.
    init(name: String, source: String, label: (String) -> String?) throws(TemplateError) {
        var reader = Reader(name: name, bytes: Array(source.utf8))
        self.nodes = try reader.read(label: label)
    }
}

/// Reads a template's bytes into nodes, keeping where each tag is for errors.
private struct Reader {
    let name: String
    let bytes: [UInt8]
    private var position = 0
    private var text: [UInt8] = []

    init(name: String, bytes: [UInt8]) {
        self.name = name
        self.bytes = bytes
    }

    private struct Open {
        /// `.current` for the template itself, around its sections.
        let name: TemplateName
        let inverted: Bool
        let line: Int
        let column: Int
        var nodes: [Template.Node] = []
    }

    mutating func read(label: (String) -> String?) throws(TemplateError) -> [Template.Node] {
        var stack = [Open(name: .current, inverted: false, line: 1, column: 1)]
        while let open = find("{{", from: position) {
            text += bytes[position..<open]
            let tripled = bytes[open...].starts(with: "{{{".utf8)
            let closing = tripled ? "}}}" : "}}"
            let start = open + (tripled ? 3 : 2)
            guard let close = find(closing, from: start) else {
                throw error(at: open, "“\(tripled ? "{{{" : "{{")” is never closed by “\(closing)”")
            }
            var inside = String(decoding: bytes[start..<close], as: UTF8.self).trimmingSpaces
            let sigil = tripled ? nil : inside.first.flatMap { "#^/>!".contains($0) ? $0 : nil }
            if sigil != nil { inside = String(inside.dropFirst()).trimmingSpaces }
            position = close + closing.utf8.count
            if sigil != nil { standalone(tag: open) }
            defer { previousTagEnd = position }
            guard sigil == "!" || !inside.isEmpty else { throw error(at: open, "a tag without a name") }
            switch sigil {
            case "!":
                break
            case "#", "^":
                flush(into: &stack)
                let section = try value(named: inside, at: open)
                let (line, column) = location(of: open)
                stack.append(Open(name: section, inverted: sigil == "^", line: line, column: column))
            case "/":
                flush(into: &stack)
                guard stack.count > 1, let section = stack.last, section.name.rawValue == inside else {
                    let expected = stack.count > 1 ? "“{{/\(stack[stack.count - 1].name.rawValue)}}”" : "no section to close"
                    throw error(at: open, "“{{/\(inside)}}” does not close the open section; expected \(expected)")
                }
                stack.removeLast()
                stack[stack.count - 1].nodes.append(.section(section.name, inverted: section.inverted, section.nodes))
            case ">":
                flush(into: &stack)
                let (line, column) = location(of: open)
                stack[stack.count - 1].nodes.append(.partial(inside, line: line, column: column))
            default:
                if !tripled, inside.hasPrefix("t.") {
                    let key = String(inside.dropFirst(2))
                    guard let fixed = label(key) else { throw error(at: open, "no text “\(key)” in WebMessage") }
                    HTMLEscaping.append(fixed, to: &text)
                } else if !tripled, inside.hasPrefix("do.") {
                    let key = String(inside.dropFirst(3))
                    guard let button = PageButton.templateText(key) else { throw error(at: open, "no button “\(key)” in PageButton") }
                    HTMLEscaping.append(button, to: &text)
                } else {
                    flush(into: &stack)
                    stack[stack.count - 1].nodes.append(.value(try value(named: inside, at: open), escaped: !tripled))
                }
            }
        }
        text += bytes[position...]
        flush(into: &stack)
        guard stack.count == 1, let root = stack.first else {
            let open = stack[stack.count - 1]
            throw TemplateError(
                template: name, line: open.line, column: open.column, problem: "“{{#\(open.name.rawValue)}}” is never closed")
        }
        return root.nodes
    }

    /// The value a tag names: one of `TemplateName`'s.
    private func value(named name: String, at offset: Int) throws(TemplateError) -> TemplateName {
        guard let known = TemplateName(rawValue: name) else { throw error(at: offset, "no value named “\(name)” in TemplateName") }
        return known
    }

    /// A section, close, partial or comment tag alone on its line: the spaces
    /// before it, and the spaces and line end after it, are not output.
    private mutating func standalone(tag open: Int) {
        var lineStart = open
        while lineStart > 0, bytes[lineStart - 1] == 0x20 || bytes[lineStart - 1] == 0x09 { lineStart -= 1 }
        guard lineStart == 0 || bytes[lineStart - 1] == 0x0A, previousTagEnd <= lineStart else { return }
        var end = position
        while end < bytes.count, bytes[end] == 0x20 || bytes[end] == 0x09 || bytes[end] == 0x0D { end += 1 }
        guard end == bytes.count || bytes[end] == 0x0A else { return }
        text.removeLast(open - lineStart)
        position = min(end + 1, bytes.count)
    }

    /// Where the last tag ended, to tell whether a tag has its line to itself.
    private var previousTagEnd = 0

    private mutating func flush(into stack: inout [Open]) {
        if !text.isEmpty { stack[stack.count - 1].nodes.append(.text(text)) }
        text = []
    }

    private func find(_ needle: String, from start: Int) -> Int? {
        let n = Array(needle.utf8)
        guard bytes.count >= n.count, start <= bytes.count - n.count else { return nil }
        var i = start
        while i <= bytes.count - n.count {
            if bytes[i] == n[0], bytes[i..<i + n.count].elementsEqual(n) { return i }
            i += 1
        }
        return nil
    }

    private func location(of offset: Int) -> (line: Int, column: Int) {
        var line = 1
        var lineStart = 0
        for i in 0..<offset where bytes[i] == 0x0A {
            line += 1
            lineStart = i + 1
        }
        return (line, String(decoding: bytes[lineStart..<offset], as: UTF8.self).count + 1)
    }

    private func error(at offset: Int, _ problem: String) -> TemplateError {
        let (line, column) = location(of: offset)
        return TemplateError(template: name, line: line, column: column, problem: problem)
    }
}
