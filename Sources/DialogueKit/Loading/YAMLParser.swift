import Yams

/// YAML text into `Node`s, through Yams, with its errors as `file:line:column`.
/// Scalars are typed by the loader itself: no implicit tag resolution (slow).
enum YAMLParser {
    static func parse(_ yaml: String, file: String) throws(DialogueError) -> Node? {
        do {
            return try Yams.compose(yaml: yaml, .basic).map(convert)
        } catch let error as YamlError {
            throw yamlError(error, file: file)
        } catch {
            throw DialogueError(SourcePosition(file: file, line: 1, column: 1), "YAML: \(error)")
        }
    }

    private static func mark(_ mark: Yams.Mark?) -> Node.Mark? {
        mark.map { Node.Mark(line: $0.line, column: $0.column) }
    }

    private static func convert(_ node: Yams.Node) -> Node {
        switch node {
        case .scalar(let s):
            return .scalar(
                Node.Scalar(string: s.string, style: Node.Scalar.Style(rawValue: UInt8(s.style.rawValue)) ?? .any, mark: mark(s.mark)))
        case .mapping(let m):
            return .mapping(Node.Mapping(pairs: m.map { (key: convert($0.key), value: convert($0.value)) }, mark: mark(m.mark)))
        case .sequence(let s):
            return .sequence(Node.Sequence(nodes: s.map(convert), mark: mark(s.mark)))
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
