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

        /// The dialogue; `outcomesWhenRead` as `DialogueLoader.load(nodeStream:)` says.
        public func load(outcomesWhenRead: Bool = true) throws(DialogueLoadError) -> DialogueKit.Dialogue {
            let loaded: Result<DialogueKit.Dialogue, DialogueLoadError> = nodes.withUTF8Buffer { buffer in
                do throws(DialogueLoadError) {
                    return .success(try DialogueLoader.load(nodeStream: buffer, file: path, outcomesWhenRead: outcomesWhenRead))
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
        let text: StaticString
        public func yaml() -> String { text.withUTF8Buffer { String(decoding: $0, as: UTF8.self) } }
    }

    public static var dialogues: [Dialogue] { embeddedDialogues }
    public static var cases: [Case] { embeddedCases }

    /// A shipped dialogue by file name (`conciliation.yaml`) or id (`conciliation-2007`).
    public static func dialogue(named name: String) -> Dialogue? {
        embeddedDialogues.first { $0.name == name || $0.id == name }
    }
}
