import DialogueKit
import ShippedRules

/// Where a dialogue comes from, one path for both programs: the rules built into
/// the binary, a file named on the command line, or the shipped file of that name
/// in a folder (to try an edit without rebuilding). A file is read with the same
/// bounds everywhere: a regular file, UTF-8, at most `limit` bytes.
public enum DialogueSource {
    /// The most bytes a dialogue file may hold; the shipped one is under 200 kB.
    public static let limit = 4 << 20

    /// Why no dialogue was loaded; each program words it for its reader.
    public enum Failure: Error {
        /// The file could not be read (missing, not a regular file, too large, not UTF-8).
        case unreadable(FileError)
        /// The file was read, and the loader found these problems (`file:line:column: …`).
        case invalid(DialogueLoadError)
        /// No shipped dialogue has this name; these are the shipped ones.
        case notShipped(name: String, shipped: [String])
    }

    /// The dialogue in the file at `path`.
    public static func load(file path: String) throws(Failure) -> Dialogue {
        let text: String
        do { text = try FileIO.readText(path, limit: limit) } catch { throw .unreadable(error) }
        do { return try DialogueLoader.load(yaml: text, file: path) } catch { throw .invalid(error) }
    }

    /// The shipped dialogue of this name: from `folder` when given, else built in.
    /// `outcomesWhenRead`: as `DialogueLoader.load(nodeStream:)` says.
    public static func shipped(
        named name: String, overriddenBy folder: String? = nil, outcomesWhenRead: Bool = true
    ) throws(Failure) -> Dialogue {
        if let folder { return try load(file: folder + "/" + name) }
        guard let shipped = ShippedRules.dialogue(named: name) else {
            throw .notShipped(name: name, shipped: ShippedRules.dialogues.map(\.name))
        }
        do { return try shipped.load(outcomesWhenRead: outcomesWhenRead) } catch { throw .invalid(error) }
    }
}
