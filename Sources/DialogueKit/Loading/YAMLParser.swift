import Yams

/// YAML text into `Node`s, through Yams, with its errors as `file:line:column`.
/// Scalars are typed by the loader itself: no implicit tag resolution (slow).
///
/// Yams shares an aliased node instead of copying it, so a few hundred bytes of
/// anchors and aliases can stand for billions of nodes; they are counted here as
/// the tree is expanded, and a file past `nodeLimit` is refused before it costs
/// more memory than the limit.
package enum YAMLParser {
    /// The most nodes a file may expand to: the shipped 2026 rules have 7,777; a
    /// bound 25 times larger costs about 17 MB at most (measured: 2,000,000 cost
    /// 165 MB).
    static let nodeLimit = 200_000

    package static func parse(_ yaml: String, file: String) throws(DialogueError) -> Node? {
        let composed: Yams.Node?
        do {
            composed = try Yams.compose(yaml: yaml, .basic)
        } catch let error as YamlError {
            throw yamlError(error, file: file)
        } catch {
            throw DialogueError(SourcePosition(file: file, line: 1, column: 1), "YAML: \(error)")
        }
        guard let composed else { return nil }
        var budget = nodeLimit
        var forbidden: (Unicode.Scalar, Node.Mark?)?
        guard let node = convert(composed, budget: &budget, forbidden: &forbidden) else {
            if let (scalar, mark) = forbidden {
                // A text that would act on the terminal that shows it (an escape, a
                // C1 control, a bidirectional override) never gets past loading.
                throw DialogueError(
                    SourcePosition(file: file, line: mark?.line ?? 1, column: mark?.column ?? 1),
                    "a text holds the control character \(VisibleText.escapingControls(String(scalar))); write the text without it")
            }
            throw DialogueError(
                SourcePosition(file: file, line: 1, column: 1),
                "YAML: the file expands to more than \(nodeLimit) values (anchors `&` and aliases `*` repeat what they name); write each value out instead"
            )
        }
        return node
    }

    private static func mark(_ mark: Yams.Mark?) -> Node.Mark? {
        mark.map { Node.Mark(line: $0.line, column: $0.column) }
    }

    /// The node and everything under it, or nil once more than `budget` nodes
    /// have been made or a scalar holds a control character (set in `forbidden`).
    private static func convert(_ node: Yams.Node, budget: inout Int, forbidden: inout (Unicode.Scalar, Node.Mark?)?) -> Node? {
        budget -= 1
        guard budget >= 0 else { return nil }
        switch node {
        case .scalar(let s):
            if let scalar = VisibleText.forbiddenCharacter(in: s.string, lines: true) {
                forbidden = (scalar, mark(s.mark))
                return nil
            }
            return .scalar(
                Node.Scalar(string: s.string, style: Node.Scalar.Style(rawValue: UInt8(s.style.rawValue)) ?? .any, mark: mark(s.mark)))
        case .mapping(let m):
            var pairs: [(key: Node, value: Node)] = []
            pairs.reserveCapacity(m.count)
            for (key, value) in m {
                guard let k = convert(key, budget: &budget, forbidden: &forbidden),
                    let v = convert(value, budget: &budget, forbidden: &forbidden)
                else { return nil }
                pairs.append((key: k, value: v))
            }
            return .mapping(Node.Mapping(pairs: pairs, mark: mark(m.mark)))
        case .sequence(let s):
            var nodes: [Node] = []
            nodes.reserveCapacity(s.count)
            for item in s {
                guard let n = convert(item, budget: &budget, forbidden: &forbidden) else { return nil }
                nodes.append(n)
            }
            return .sequence(Node.Sequence(nodes: nodes, mark: mark(s.mark)))
        case .alias:
            return .scalar(Node.Scalar(string: "", style: .any, mark: nil))
        }
    }

    static func yamlError(_ error: YamlError, file: String) -> DialogueError {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
            .composer(_, let problem, let mark, _):
            return DialogueError(SourcePosition(file: file, line: mark.line, column: mark.column), "YAML: \(problem)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            // Yams keeps the whole file as the context; the position is what helps.
            let keys = duplicates.map { "`\($0)`" }.joined(separator: ", ")
            return DialogueError(
                SourcePosition(file: file, line: context.mark.line, column: context.mark.column),
                "\(keys) appears twice in the same mapping; give each key once")
        case .reader(let problem, _, _, _):
            return DialogueError(SourcePosition(file: file, line: 1, column: 1), "YAML: \(problem) (is the file UTF-8?)")
        default:
            return DialogueError(SourcePosition(file: file, line: 1, column: 1), "YAML: \(error)")
        }
    }
}
