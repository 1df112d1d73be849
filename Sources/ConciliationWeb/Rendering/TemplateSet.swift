/// The pages' templates in one language, each with its partials written in, so
/// that a request walks one tree and looks up nothing but its own values.
struct TemplateSet: Sendable {
    /// One step of a template made ready, in the order `render` takes them.
    private struct Step: Sendable {
        enum Kind { case text, escaped, raw, section, inverted }
        let kind: Kind
        /// The value's name; `.current` for a text (unused).
        let name: TemplateName
        /// A text's bytes; empty otherwise.
        let bytes: [UInt8]
        /// For a section: the index just past its last step.
        let end: Int
    }

    /// In the order of the sources: found by position, never by hashing a name.
    private let templates: [[Step]]

    /// Every `PageTemplate`, read and made ready; `label`: the fixed texts.
    init(label: (String) -> String?) throws(TemplateError) {
        try self.init(PageTemplate.allCases.map { ($0.name, String(decoding: $0.file.source, as: UTF8.self)) }, label: label)
    }

    /// `sources`: each template's name (how partials and errors name it) and text.
    init(_ sources: [(name: String, text: String)], label: (String) -> String?) throws(TemplateError) {
        var read: [String: Template] = [:]
        for (name, text) in sources { read[name] = try Template(name: name, source: text, label: label) }
        var steps: [[Step]] = []
        for (name, _) in sources {
            var program: [Step] = []
            TemplateSet.compile(try TemplateSet.expand(read[name]!.nodes, in: name, read, including: [name]), into: &program)
            steps.append(program)
        }
        templates = steps
    }

    /// `template` rendered with `values`, as UTF-8 ready to send.
    func render(_ template: PageTemplate, _ values: TemplateFields, capacity: Int = 16 * 1024) -> [UInt8] {
        render(at: template.rawValue, values, capacity: capacity)
    }

    /// The template at `index` in the sources, rendered. `capacity`: the bytes to
    /// make room for at once (a page's are some kilobytes, a piece's a few hundred).
    func render(at index: Int, _ values: TemplateFields, capacity: Int = 16 * 1024) -> [UInt8] {
        let steps = templates[index]
        var out: [UInt8] = []
        out.reserveCapacity(capacity)
        var stack: [TemplateValue] = [.fields(values)]
        steps.withUnsafeBufferPointer { TemplateSet.render($0, 0..<$0.count, &stack, into: &out) }
        return out
    }

    private static func render(
        _ steps: UnsafeBufferPointer<Step>, _ range: Range<Int>, _ stack: inout [TemplateValue], into out: inout [UInt8]
    ) {
        var i = range.lowerBound
        while i < range.upperBound {
            let step = steps[i]
            switch step.kind {
            case .text:
                out.append(contentsOf: step.bytes)
            case .escaped, .raw:
                switch lookUp(step.name, stack) {
                case .text(let text)?:
                    HTMLEscaping.append(text, to: &out)  // even by {{{ }}}: a text never becomes markup
                case .html(let html)?:
                    if step.kind == .escaped { HTMLEscaping.append(html, to: &out) } else { out.append(contentsOf: html) }
                case .escaped(let escaped)?:
                    out.append(contentsOf: escaped)
                case .flag, .list, .fields, nil:
                    break
                }
            case .inverted:
                if !(lookUp(step.name, stack)?.isShown ?? false) { render(steps, (i + 1)..<step.end, &stack, into: &out) }
                i = step.end
                continue
            case .section:
                if let value = lookUp(step.name, stack), value.isShown {
                    switch value {
                    case .list(let items):
                        for item in items {
                            stack.append(item)
                            render(steps, (i + 1)..<step.end, &stack, into: &out)
                            stack.removeLast()
                        }
                    case .flag:
                        render(steps, (i + 1)..<step.end, &stack, into: &out)
                    case .text, .html, .escaped, .fields:
                        stack.append(value)
                        render(steps, (i + 1)..<step.end, &stack, into: &out)
                        stack.removeLast()
                    }
                }
                i = step.end
                continue
            }
            i += 1
        }
    }

    /// `.` is the innermost value; a name is looked up from the innermost values out.
    private static func lookUp(_ name: TemplateName, _ stack: [TemplateValue]) -> TemplateValue? {
        if name == .current { return stack.last }
        for value in stack.reversed() {
            if case .fields(let fields) = value, let found = fields[name] { return found }
        }
        return nil
    }

    /// The tree as steps: a section's steps follow it, up to its `end`.
    private static func compile(_ nodes: [Template.Node], into steps: inout [Step]) {
        for node in nodes {
            switch node {
            case .text(let bytes): steps.append(Step(kind: .text, name: .current, bytes: bytes, end: 0))
            case .value(let name, let escaped): steps.append(Step(kind: escaped ? .escaped : .raw, name: name, bytes: [], end: 0))
            case .section(let name, let inverted, let inner):
                let at = steps.count
                steps.append(Step(kind: .section, name: name, bytes: [], end: 0))
                compile(inner, into: &steps)
                steps[at] = Step(kind: inverted ? .inverted : .section, name: name, bytes: [], end: steps.count)
            case .partial:
                break  // written in by `expand`
            }
        }
    }

    private static func expand(
        _ nodes: [Template.Node], in name: String, _ read: [String: Template], including: Set<String>
    ) throws(TemplateError) -> [Template.Node] {
        var out: [Template.Node] = []
        for node in nodes {
            switch node {
            case .partial(let partial, let line, let column):
                guard let template = read[partial] else {
                    throw TemplateError(template: name, line: line, column: column, problem: "no template “\(partial)” to include")
                }
                guard !including.contains(partial) else {
                    throw TemplateError(template: name, line: line, column: column, problem: "“\(partial)” includes itself")
                }
                for inner in try expand(template.nodes, in: partial, read, including: including.union([partial])) {
                    append(inner, to: &out)
                }
            case .section(let section, let inverted, let inner):
                out.append(.section(section, inverted: inverted, try expand(inner, in: name, read, including: including)))
            case .text, .value:
                append(node, to: &out)
            }
        }
        return out
    }

    /// Texts side by side become one.
    private static func append(_ node: Template.Node, to nodes: inout [Template.Node]) {
        if case .text(let next) = node, case .text(let previous)? = nodes.last {
            nodes[nodes.count - 1] = .text(previous + next)
        } else {
            nodes.append(node)
        }
    }
}
