import DialogueKit

/// The rules the binary carries: the shipped dialogues (as `NodeStream`s, loaded
/// without parsing YAML) and their cases, verified when the binary was built
/// (`Plugins/EmbedRules`). A binary copied alone to another machine has them all.
public enum ShippedRules {
    /// A shipped dialogue: where it came from, what it is, and its nodes.
    public struct Dialogue: Sendable {
        /// The path in the repository, for messages (`dialogues/conciliation.yaml`).
        public let path: String
        public let id: String
        public let version: String
        let nodes: StaticString

        /// The file's name, how sessions and options name it (`conciliation.yaml`).
        public var name: String { path.split(separator: "/").last.map(String.init) ?? path }

        public func load() throws(DialogueLoadError) -> DialogueKit.Dialogue {
            let loaded: Result<DialogueKit.Dialogue, DialogueLoadError> = nodes.withUTF8Buffer { buffer in
                do throws(DialogueLoadError) {
                    return .success(try DialogueLoader.load(nodeStream: buffer, file: path))
                } catch {
                    return .failure(error)
                }
            }
            return try loaded.get()
        }
    }

    /// A shipped case file: its path in the repository and its text.
    public struct Case: Sendable {
        public let path: String
        let text: String
        public func yaml() -> String { String(decoding: ShippedRules.base64(text), as: UTF8.self) }
    }

    public static var dialogues: [Dialogue] { embeddedDialogues }
    public static var cases: [Case] { embeddedCases }

    /// A shipped dialogue by file name (`conciliation.yaml`) or id (`conciliation-2007`).
    public static func dialogue(named name: String) -> Dialogue? {
        embeddedDialogues.first { $0.name == name || $0.id == name }
    }

    static func base64(_ text: String) -> [UInt8] {
        var table = [UInt8](repeating: 0xFF, count: 256)
        for (i, c) in "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8.enumerated() { table[Int(c)] = UInt8(i) }
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count / 4 * 3)
        var accumulator: UInt32 = 0
        var bits = 0
        for c in text.utf8 {
            let v = table[Int(c)]
            guard v != 0xFF else { continue }
            accumulator = (accumulator << 6) | UInt32(v)
            bits += 6
            if bits >= 8 {
                bits -= 8
                out.append(UInt8((accumulator >> UInt32(bits)) & 0xFF))
            }
        }
        return out
    }
}
