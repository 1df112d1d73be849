/// A YAML document as the loader reads it: scalars with their style and position,
/// mappings in file order, sequences. Yams parses text into it (`YAMLParser`);
/// the rules built into the binary decode into it without parsing YAML
/// (`NodeStream`). Its shape follows Yams' `Node`, the part the loader uses.
package enum Node: Sendable {
    case scalar(Scalar)
    case mapping(Mapping)
    case sequence(Sequence)

    /// Where a node starts in its file, from 1.
    package struct Mark: Sendable, Equatable {
        package let line: Int
        package let column: Int
    }

    package struct Scalar: Sendable {
        package enum Style: UInt8, Sendable {
            case any, plain, singleQuoted, doubleQuoted, literal, folded
        }
        package let string: String
        package let style: Style
        package let mark: Mark?
    }

    package struct Mapping: Swift.Sequence, Sendable {
        package let pairs: [(key: Node, value: Node)]
        package let mark: Mark?
        package func makeIterator() -> IndexingIterator<[(key: Node, value: Node)]> { pairs.makeIterator() }
    }

    package struct Sequence: Swift.Sequence, Sendable {
        package let nodes: [Node]
        package let mark: Mark?
        package func makeIterator() -> IndexingIterator<[Node]> { nodes.makeIterator() }
    }

    package var mark: Mark? {
        switch self {
        case .scalar(let s): return s.mark
        case .mapping(let m): return m.mark
        case .sequence(let s): return s.mark
        }
    }
}
