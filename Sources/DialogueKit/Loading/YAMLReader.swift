/// A YAML mapping read key by key; every key outside the allowed list is reported
/// as unknown, at its own position.
package struct YAMLMapping {
    let node: Node
    let position: SourcePosition
    package private(set) var pairs: [(key: String, keyPosition: SourcePosition, value: Node)] = []
    private let describe: () -> String
    var context: String { describe() }

    package init(_ node: Node, file: String, context: @autoclosure @escaping () -> String) throws(DialogueError) {
        self.node = node
        self.describe = context
        self.position = YAMLMapping.position(of: node, file: file)
        guard case .mapping(let mapping) = node else {
            throw DialogueError(position, "\(context()) must be a mapping of `key: value` lines")
        }
        // Mappings are small: a linear look for a repeated key is quicker than a set.
        pairs.reserveCapacity(mapping.pairs.count)
        for (key, value) in mapping {
            let keyPosition = YAMLMapping.position(of: key, file: file)
            guard case .scalar(let scalar) = key else {
                throw DialogueError(keyPosition, "a key in \(context()) must be plain text")
            }
            guard !pairs.contains(where: { $0.key == scalar.string }) else {
                throw DialogueError(keyPosition, "`\(scalar.string)` appears twice in \(context())")
            }
            pairs.append((scalar.string, keyPosition, value))
        }
    }

    static func position(of node: Node, file: String) -> SourcePosition {
        let mark = node.mark
        return SourcePosition(file: file, line: mark?.line ?? 1, column: mark?.column ?? 1)
    }

    package func optional(_ key: String) -> (node: Node, position: SourcePosition)? {
        guard let pair = pairs.first(where: { $0.key == key }) else { return nil }
        return (pair.value, YAMLMapping.position(of: pair.value, file: position.file))
    }

    package func required(_ key: String, _ what: @autoclosure () -> String) throws(DialogueError) -> (node: Node, position: SourcePosition)
    {
        guard let found = optional(key) else {
            throw DialogueError(position, "\(context) lacks `\(key)` (\(what()))")
        }
        return found
    }

    /// The keys not read, as errors listing the keys that are allowed.
    func unknownKeys(allowed: [String]) -> [DialogueError] {
        pairs.filter { !allowed.contains($0.key) }.map {
            DialogueError($0.keyPosition, "unknown key `\($0.key)` in \(context); allowed here: \(allowed.joined(separator: ", "))")
        }
    }

    package func finish(allowed: [String]) throws(DialogueError) {
        if let first = unknownKeys(allowed: allowed).first { throw first }
    }
}

extension Node {
    /// The text of a scalar, or nil for a mapping or sequence.
    package var scalarText: String? {
        if case .scalar(let s) = self { return s.string }
        return nil
    }

    /// Where the text of a scalar begins: after its opening quote, if any.
    var scalarContentOffset: Int {
        if case .scalar(let s) = self {
            switch s.style {
            case .singleQuoted, .doubleQuoted: return 1
            default: return 0
            }
        }
        return 0
    }

    package var isNull: Bool {
        if case .scalar(let s) = self { return s.style == .plain && ["", "~", "null", "Null", "NULL"].contains(s.string) }
        return false
    }
}
