#if canImport(Glibc)
import Glibc
#endif
import ArgumentParser
import DialogueKit

/// The folder of autosaved interviews: `$XDG_STATE_HOME/conciliation`, else
/// `~/.local/state/conciliation`; owner-only, one file per interview.
struct SessionStore {
    let directory: String

    static func defaultDirectory() -> String? {
        if let state = ProcessEnvironment.variable("XDG_STATE_HOME"), state.hasPrefix("/") {
            return state + "/conciliation"
        }
        guard let home = ProcessEnvironment.variable("HOME"), !home.isEmpty else { return nil }
        return home + "/.local/state/conciliation"
    }

    /// The store of this user, or a sentence saying why there is none.
    static func forUser() throws -> SessionStore {
        guard let directory = defaultDirectory() else {
            throw ValidationError("neither XDG_STATE_HOME nor HOME is set: no saved interview can be found")
        }
        return SessionStore(directory: directory)
    }

    func path(of id: String) -> String { directory + "/" + id + ".json" }

    func save(_ record: SessionRecord) throws(FileError) {
        try FileIO.makeDirectory(directory)
        try FileIO.writeAtomically(record.json(), to: path(of: record.id), overwrite: true)
    }

    func delete(_ id: String) {
        unlink(path(of: id))
    }

    /// Every readable session, newest first.
    func list() -> [(record: SessionRecord, rawAnswers: [(String, CaseValue)])] {
        guard let dir = opendir(directory) else { return [] }
        defer { closedir(dir) }
        var found: [(record: SessionRecord, rawAnswers: [(String, CaseValue)])] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            guard name.hasSuffix(".json"), !name.hasPrefix(".") else { continue }
            guard let bytes = try? FileIO.read(directory + "/" + name),
                let loaded = try? SessionRecord.read(bytes)
            else { continue }
            found.append(loaded)
        }
        return found.sorted { $0.record.updated > $1.record.updated }
    }

    /// A new identifier: the creation time, readable, and a random suffix.
    static func newID() -> String {
        let stamp = Timestamp.now().filter { $0.isNumber }
        let suffix = String(UInt32.random(in: 0...UInt32.max), radix: 36)
        return "\(stamp.prefix(8))-\(stamp.dropFirst(8).prefix(6))-\(suffix)"
    }
}
