/// A YAML document as the loader reads it: scalars with their style and position,
/// mappings in file order, sequences. Yams parses text into it (`YAMLParser`);
/// the rules built into the binary decode into it without parsing YAML
/// (`NodeStream`). Its shape follows Yams' `Node`, the part the loader uses.
enum Node: Sendable {
    case scalar(Scalar)
    case mapping(Mapping)
    case sequence(Sequence)

    /// Where a node starts in its file, from 1.
    struct Mark: Sendable, Equatable {
        let line: Int
        let column: Int
    }

    struct Scalar: Sendable {
        enum Style: UInt8, Sendable {
            case any, plain, singleQuoted, doubleQuoted, literal, folded
        }
        let string: String
        let style: Style
        let mark: Mark?
    }

    struct Mapping: Swift.Sequence, Sendable {
        let pairs: [(key: Node, value: Node)]
        let mark: Mark?
        func makeIterator() -> IndexingIterator<[(key: Node, value: Node)]> { pairs.makeIterator() }
    }

    struct Sequence: Swift.Sequence, Sendable {
        let nodes: [Node]
        let mark: Mark?
        func makeIterator() -> IndexingIterator<[Node]> { nodes.makeIterator() }
    }

    var mark: Mark? {
        switch self {
        case .scalar(let s): return s.mark
        case .mapping(let m): return m.mark
        case .sequence(let s): return s.mark
        }
    }
}
