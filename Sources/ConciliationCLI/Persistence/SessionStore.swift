import ArgumentParser
import DialogueKit
import Files
import SystemPackage
import WallClock

#if canImport(Glibc)
    import Glibc
#endif

/// The folder of autosaved interviews: `$XDG_STATE_HOME/conciliation`, else
/// `~/.local/state/conciliation`; owner-only, one file per interview.
///
/// Nothing in it is trusted: the folder must be a real directory of this user
/// (as ssh and gpg require of theirs), modes wider than 0700 are narrowed; a
/// session is named by its file, read only if it is a regular file of bounded
/// size, and its contents are checked before use.
struct SessionStore {
    let directory: String

    /// The largest session file read: a real one is a few kilobytes.
    static let maximumFileSize = 1 << 20
    /// Temporary files older than this are left over from a killed program.
    static let staleAfterSeconds = 60

    /// Why the folder, or a file in it, cannot be used, with what to do about
    /// it: worded by the terminal's catalogue in the language chosen.
    enum Refusal: Error, CustomStringConvertible, Equatable {
        /// Reading or creating the folder failed.
        case file(FileError)
        case symbolicLink(folder: String)
        case notAFolder(String)
        case otherOwner(folder: String)
        case readableByOthers(folder: String, FileProblem)

        func text(_ language: Language) -> String {
            switch self {
            case .file(let error): return error.text(language)
            case .symbolicLink(let folder): return CLIMessage.stateFolderIsALink(folder).text(language)
            case .notAFolder(let path): return CLIMessage.stateFolderIsAFile(path).text(language)
            case .otherOwner(let folder): return CLIMessage.stateFolderOfAnotherUser(folder).text(language)
            case .readableByOthers(let folder, let problem):
                return CLIMessage.stateFolderReadableByOthers(folder, problem.text(language)).text(language)
            }
        }

        var description: String { text(.fr) }
    }

    /// One file of the folder, and what it holds.
    struct Entry {
        /// The file's name without `.json`: the interview's identifier.
        let id: String
        /// Nil for a file that is not an interview this program can take up
        /// (a name it would not give, an unreadable or foreign file): the
        /// listing counts them, and only `purge --all` removes them.
        let record: SessionRecord?
    }

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
            throw ValidationError(CLIMessage.noSavedInterviewFolder.text(HelpLanguage.current))
        }
        return SessionStore(directory: directory)
    }

    /// The store of this user for reading what is saved: its folder must pass
    /// `secure` (a link or another owner is refused with the fix).
    static func existingForUser() throws -> SessionStore {
        let store = try forUser()
        do {
            try store.secure(create: false)
        } catch {
            throw ValidationError(error.text(HelpLanguage.current))
        }
        return store
    }

    /// An identifier that can name a file here: letters, digits and dashes, so no
    /// path, no dot file and no control character can come from a record.
    static func isValidID(_ id: String) -> Bool {
        (1...64).contains(id.utf8.count) && id.utf8.first != UInt8(ascii: "-")
            && id.utf8.allSatisfy { ($0 >= 48 && $0 <= 57) || ($0 >= 65 && $0 <= 90) || ($0 >= 97 && $0 <= 122) || $0 == 45 }
    }

    func path(of id: String) -> String { directory + "/" + id + ".json" }

    /// Makes sure the folder exists, is a directory of this user and is owner-only,
    /// creating it or narrowing its mode when needed; refuses a link, a file, or a
    /// folder of another user, saying how to fix it.
    func secure(create: Bool = true) throws(Refusal) {
        var info = stat()
        if lstat(directory, &info) != 0 {
            guard errno == ENOENT, create else {
                if errno == ENOENT { return }
                throw .file(FileError(path: directory, .system(Errno(rawValue: errno))))
            }
            do {
                try FileIO.makeDirectory(directory)
            } catch {
                throw .file(error)
            }
            guard lstat(directory, &info) == 0 else { throw .file(FileError(path: directory, .system(Errno(rawValue: errno)))) }
        }
        if (info.st_mode & S_IFMT) == S_IFLNK { throw .symbolicLink(folder: directory) }
        guard (info.st_mode & S_IFMT) == S_IFDIR else { throw .notAFolder(directory) }
        guard info.st_uid == geteuid() else { throw .otherOwner(folder: directory) }
        if info.st_mode & 0o077 != 0 {
            guard chmod(directory, 0o700) == 0 else { throw .readableByOthers(folder: directory, .system(Errno(rawValue: errno))) }
        }
    }

    func save(_ record: SessionRecord) throws(FileError) {
        do {
            try secure()
        } catch {
            throw FileError(path: directory, .said(fr: error.text(.fr), en: error.text(.en)))
        }
        guard SessionStore.isValidID(record.id) else {
            throw FileError(path: record.id, .said(fr: "identifiant refusé", en: "identifier refused"))
        }
        try FileIO.writeAtomically(record.json(), to: path(of: record.id), overwrite: true)
    }

    /// Deletes the file of a valid identifier; true when a file was removed.
    @discardableResult
    func delete(_ id: String) -> Bool {
        guard SessionStore.isValidID(id) else { return false }
        return unlink(path(of: id)) == 0
    }

    /// The names in the folder (not `.` and `..`), each with its type from lstat.
    private func names() -> [(name: String, info: stat)] {
        guard let dir = opendir(directory) else { return [] }
        defer { closedir(dir) }
        var found: [(String, stat)] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name == "." || name == ".." { continue }
            var info = stat()
            guard lstat(directory + "/" + name, &info) == 0 else { continue }
            found.append((name, info))
        }
        return found
    }

    /// Every `*.json` file, newest first, with its record when it is a valid one.
    func list() -> [Entry] {
        guard (try? secure(create: false)) != nil else { return [] }
        var found: [Entry] = []
        for (name, _) in names() where name.hasSuffix(".json") && !name.hasPrefix(".") {
            let id = String(name.dropLast(5))
            found.append(entry(id: id, file: name))
        }
        return found.sorted { ($0.record?.updated ?? "") > ($1.record?.updated ?? "") }
    }

    private func entry(id: String, file: String) -> Entry {
        guard SessionStore.isValidID(id), let bytes = readBounded(directory + "/" + file),
            let record = try? SessionRecord.read(bytes), record.id == id
        else { return Entry(id: id, record: nil) }
        return Entry(id: id, record: record)
    }

    /// A regular file of at most `maximumFileSize` bytes; never follows a link,
    /// never blocks on a FIFO, never reads a device.
    private func readBounded(_ path: String) -> [UInt8]? {
        guard let file = try? FileDescriptor.open(FilePath(path), .readOnly, options: [.noFollow, .nonBlocking, .closeOnExec])
        else { return nil }
        defer { try? file.close() }
        var info = stat()
        guard fstat(file.rawValue, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, info.st_size <= SessionStore.maximumFileSize
        else { return nil }
        var bytes = [UInt8](repeating: 0, count: Int(info.st_size))
        var got = 0
        while got < bytes.count {
            guard let n = try? bytes.withUnsafeMutableBytes({ try file.read(into: UnsafeMutableRawBufferPointer(rebasing: $0[got...])) }),
                n > 0
            else { break }
            got += n
        }
        return Array(bytes.prefix(got))
    }

    /// Removes what a killed program may have left: temporary files older than a
    /// minute (all of them with `everything`), and lock files no process holds.
    /// Returns how many files were removed.
    @discardableResult
    func removeLeftovers(everything: Bool = false) -> Int {
        guard (try? secure(create: false)) != nil else { return 0 }
        var removed = 0
        let now = time(nil)
        for (name, info) in names() where (info.st_mode & S_IFMT) == S_IFREG {
            if name.hasPrefix(".conciliation-") {
                guard everything || now - info.st_mtim.tv_sec > SessionStore.staleAfterSeconds else { continue }
                if unlink(directory + "/" + name) == 0 { removed += 1 }
            } else if name.hasPrefix("."), name.hasSuffix(".lock") {
                let fd = open(directory + "/" + name, O_RDWR | O_NOFOLLOW | O_CLOEXEC)
                guard fd >= 0 else { continue }
                if flock(fd, LOCK_EX | LOCK_NB) == 0, unlink(directory + "/" + name) == 0 { removed += 1 }
                close(fd)
            }
        }
        return removed
    }

    /// Takes the interview's lock for as long as the returned descriptor stays
    /// open; nil when another program holds it (the interview is open elsewhere).
    /// The lock file is checked to still be the one in the folder once locked,
    /// since `unlock` removes it.
    func lock(_ id: String) -> Int32? {
        guard SessionStore.isValidID(id), (try? secure()) != nil else { return nil }
        let path = lockPath(id)
        for _ in 0..<3 {
            // Never blocks on a FIFO; a link (ELOOP) or anything but a regular
            // file in our own folder is a planted or broken lock: it is removed
            // and made again, instead of reading as « ouvert ailleurs » forever.
            let fd = open(path, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK, 0o600)
            guard fd >= 0 else {
                if errno == ELOOP || errno == ENXIO || errno == EISDIR { _ = unlink(path) == 0 || rmdir(path) == 0; continue }
                return nil
            }
            var kind = stat()
            guard fstat(fd, &kind) == 0, kind.st_mode & S_IFMT == S_IFREG else {
                close(fd)
                unlink(path)
                continue
            }
            guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
                close(fd)
                return nil
            }
            var held = stat(), named = stat()
            if fstat(fd, &held) == 0, lstat(path, &named) == 0, held.st_ino == named.st_ino { return fd }
            close(fd)
        }
        return nil
    }

    /// Releases a lock taken by `lock`, removing its file while still holding it.
    func unlock(_ id: String, _ fd: Int32) {
        if SessionStore.isValidID(id) { unlink(lockPath(id)) }
        close(fd)
    }

    private func lockPath(_ id: String) -> String { directory + "/." + id + ".lock" }

    /// A new identifier: the creation time, readable, and a random suffix.
    static func newID() -> String {
        let stamp = Timestamp.now().filter { $0.isNumber }
        let suffix = String(UInt32.random(in: 0...UInt32.max), radix: 36)
        return "\(stamp.prefix(8))-\(stamp.dropFirst(8).prefix(6))-\(suffix)"
    }
}
