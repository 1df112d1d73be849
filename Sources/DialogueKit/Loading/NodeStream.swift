/// The nodes of a YAML file in a compact binary form, so that the rules built into
/// the binary load without parsing YAML at each start (parsing was most of the
/// start-up time). Made at build time from the verified file; read back into the
/// same `Node`s, positions included, so every message still points into the YAML.
///
/// Each node: a kind byte (`m` mapping, `q` sequence, `s` scalar), its line and
/// column, then a mapping's or sequence's count and children, or a scalar's
/// style, byte length and UTF-8 bytes. Numbers are written in decimal, each ended
/// by `,`: the stream is valid UTF-8, so the build writes it as a Swift string
/// literal that is read in place, with no decoding step.
public enum NodeStream {
    /// The stream for a YAML text; fails as loading the text would.
    public static func encode(yaml: String, file: String) throws(DialogueLoadError) -> [UInt8] {
        let root: Node?
        do {
            root = try YAMLParser.parse(yaml, file: file)
        } catch {
            throw DialogueLoadError(errors: [error])
        }
        var bytes: [UInt8] = []
        if let root { write(root, into: &bytes) }
        return bytes
    }

    private static func varint(_ value: Int, into bytes: inout [UInt8]) {
        bytes += Array(String(value).utf8)
        bytes.append(UInt8(ascii: ","))
    }

    private static func write(_ node: Node, into bytes: inout [UInt8]) {
        func mark(_ m: Node.Mark?) {
            varint(m?.line ?? 0, into: &bytes)
            varint(m?.column ?? 0, into: &bytes)
        }
        switch node {
        case .mapping(let m):
            bytes.append(UInt8(ascii: "m"))
            mark(m.mark)
            varint(m.pairs.count, into: &bytes)
            for pair in m.pairs {
                write(pair.key, into: &bytes)
                write(pair.value, into: &bytes)
            }
        case .sequence(let s):
            bytes.append(UInt8(ascii: "q"))
            mark(s.mark)
            varint(s.nodes.count, into: &bytes)
            for child in s.nodes { write(child, into: &bytes) }
        case .scalar(let s):
            bytes.append(UInt8(ascii: "s"))
            mark(s.mark)
            bytes.append(UInt8(ascii: "0") + s.style.rawValue)
            let utf8 = Array(s.string.utf8)
            varint(utf8.count, into: &bytes)
            bytes += utf8
        }
    }

    /// The nodes back; nil when the bytes are not a whole stream.
    static func decode(_ buffer: UnsafeBufferPointer<UInt8>) -> Node? {
        var reader = Reader(bytes: buffer)
        guard let node = reader.node(depth: 0), reader.offset == buffer.count else { return nil }
        return node
    }

    private struct Reader {
        let bytes: UnsafeBufferPointer<UInt8>
        var offset = 0

        mutating func byte() -> UInt8? {
            guard offset < bytes.count else { return nil }
            defer { offset += 1 }
            return bytes[offset]
        }

        mutating func varint() -> Int? {
            var value = 0
            var digits = 0
            while let b = byte() {
                if b == UInt8(ascii: ",") { return digits > 0 ? value : nil }
                guard b >= UInt8(ascii: "0"), b <= UInt8(ascii: "9"), digits < 12 else { return nil }
                value = value * 10 + Int(b - UInt8(ascii: "0"))
                digits += 1
            }
            return nil
        }

        mutating func mark() -> Node.Mark? {
            guard let line = varint(), let column = varint() else { return nil }
            return line == 0 ? nil : Node.Mark(line: line, column: column)
        }

        mutating func node(depth: Int) -> Node? {
            guard depth < 200, let kind = byte() else { return nil }
            let position = mark()
            switch kind {
            case UInt8(ascii: "m"):
                guard let count = varint(), count <= bytes.count - offset else { return nil }
                var pairs: [(key: Node, value: Node)] = []
                pairs.reserveCapacity(count)
                for _ in 0..<count {
                    guard let key = node(depth: depth + 1), let value = node(depth: depth + 1) else { return nil }
                    pairs.append((key, value))
                }
                return .mapping(Node.Mapping(pairs: pairs, mark: position))
            case UInt8(ascii: "q"):
                guard let count = varint(), count <= bytes.count - offset else { return nil }
                var nodes: [Node] = []
                nodes.reserveCapacity(count)
                for _ in 0..<count {
                    guard let child = node(depth: depth + 1) else { return nil }
                    nodes.append(child)
                }
                return .sequence(Node.Sequence(nodes: nodes, mark: position))
            case UInt8(ascii: "s"):
                guard let styleByte = byte(), styleByte >= UInt8(ascii: "0"),
                    let style = Node.Scalar.Style(rawValue: styleByte - UInt8(ascii: "0")),
                    let length = varint(),
                    length <= bytes.count - offset
                else { return nil }
                let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[offset..<offset + length]), as: UTF8.self)
                offset += length
                return .scalar(Node.Scalar(string: text, style: style, mark: position))
            default:
                return nil
            }
        }
    }
}
