/// The pages' templates in one language, each with its partials written in, so
/// that a request walks one tree and looks up nothing but its own values.
struct TemplateSet: Sendable {
    private let templates: [String: [Template.Node]]

    /// `sources`: each template's name and text; `label`: the fixed texts.
    init(_ sources: [(name: String, text: String)], label: (String) -> String?) throws(TemplateError) {
        var read: [String: Template] = [:]
        for (name, text) in sources { read[name] = try Template(name: name, source: text, label: label) }
        var expanded: [String: [Template.Node]] = [:]
        for (name, template) in read {
            expanded[name] = try TemplateSet.expand(template.nodes, in: name, read, including: [name])
        }
        templates = expanded
    }

    /// `name` rendered with `values`, as UTF-8 ready to send; nil if there is no such template.
    func render(_ name: String, _ values: TemplateFields) -> [UInt8]? {
        guard let nodes = templates[name] else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(16 * 1024)
        var stack: [TemplateValue] = [.fields(values)]
        TemplateSet.render(nodes, &stack, into: &out)
        return out
    }

    private static func render(_ nodes: [Template.Node], _ stack: inout [TemplateValue], into out: inout [UInt8]) {
        for node in nodes {
            switch node {
            case .text(let bytes):
                out.append(contentsOf: bytes)
            case .value(let name, let escaped):
                switch lookUp(name, stack) {
                case .text(let text)?, .html(let text)?:
                    if escaped { HTMLEscaping.append(text, to: &out) } else { out.append(contentsOf: text.utf8) }
                case .flag, .list, .fields, nil:
                    break
                }
            case .section(let name, let inverted, let inner):
                let value = lookUp(name, stack)
                if inverted {
                    if !(value?.isShown ?? false) { render(inner, &stack, into: &out) }
                } else if let value, value.isShown {
                    switch value {
                    case .list(let items):
                        for item in items {
                            stack.append(item)
                            render(inner, &stack, into: &out)
                            stack.removeLast()
                        }
                    case .flag:
                        render(inner, &stack, into: &out)
                    case .text, .html, .fields:
                        stack.append(value)
                        render(inner, &stack, into: &out)
                        stack.removeLast()
                    }
                }
            case .partial:
                break  // written in by `expand`
            }
        }
    }

    /// `.` is the innermost value; a name is looked up from the innermost values out.
    private static func lookUp(_ name: String, _ stack: [TemplateValue]) -> TemplateValue? {
        if name == "." { return stack.last }
        for value in stack.reversed() {
            if case .fields(let fields) = value, let found = fields[name] { return found }
        }
        return nil
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
