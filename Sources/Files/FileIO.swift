import DialogueKit
import SystemPackage

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Why a file could not be read or written, in one sentence for the user, in
/// the language of the command that met it (`text`); `description` is French.
public struct FileError: Error, CustomStringConvertible, Equatable {
    public let path: String
    public let problem: FileProblem
    public var description: String { text(.fr) }

    public init(path: String, _ problem: FileProblem) {
        self.path = path
        self.problem = problem
    }

    /// « chemin : raison » in French, "path: reason" in English.
    public func text(_ language: Language) -> String {
        VisibleText.escapingControls(path) + language.colon + problem.text(language)
    }
}

/// What went wrong with a file: what a person can act on, in both languages.
public enum FileProblem: Equatable, Sendable, Catalogue {
    /// What the system said.
    case system(Errno)
    case notARegularFile
    case tooLarge(bytes: Int, mebibytes: Int)
    case notUTF8
    /// A name that is a symbolic link, which the program does not follow.
    case symbolicLink
    /// A device, a pipe or a socket where a file is to be written.
    case special
    /// A file is there and nothing may replace it without --force.
    case exists
    /// Said by another part of the program, in both languages.
    case said(fr: String, en: String)
    /// What a library said, as it said it.
    case other(String)

    public var wordings: (fr: String, en: String) {
        switch self {
        case .system(let error):
            switch error {
            case .noSpace: return ("plus de place sur le disque", "no space left on the disk")
            case .permissionDenied, .notPermitted: return ("permission refusée", "permission denied")
            case .noSuchFileOrDirectory: return ("fichier ou dossier introuvable", "no such file or folder")
            case .readOnlyFileSystem: return ("le disque est en lecture seule", "the disk is read-only")
            case .isDirectory: return ("c'est un dossier, pas un fichier", "it is a folder, not a file")
            case .notDirectory: return ("un élément du chemin n'est pas un dossier", "a part of the path is not a folder")
            case .fileExists: return ("ce fichier existe déjà", "this file already exists")
            case .brokenPipe: return ("la sortie a été fermée", "the output was closed")
            case .ioError: return ("erreur d'entrée-sortie", "input/output error")
            case .tooManySymbolicLinkLevels: return ("lien symbolique refusé", "symbolic link refused")
            case .fileTooLarge: return ("fichier trop grand", "file too large")
            default: return (error.description, error.description)
            }
        case .notARegularFile:
            return ("ce n'est pas un fichier ordinaire ; donnez un fichier de texte", "it is not a regular file; give a text file")
        case .tooLarge(let bytes, let mebibytes):
            return (
                "fichier trop grand (\(bytes) octets, \(mebibytes) Mio au plus)",
                "file too large (\(bytes) bytes, \(mebibytes) MiB at most)"
            )
        case .notUTF8: return ("le fichier n'est pas en UTF-8", "the file is not UTF-8")
        case .symbolicLink:
            return (
                "c'est un lien symbolique, que le programme ne suit pas ; donnez le chemin du fichier lui-même ou un nouveau nom",
                "it is a symbolic link, which the program does not follow; give the path of the file itself or a new name"
            )
        case .special:
            return (
                "ce n'est pas un fichier ordinaire (un périphérique, un tube ou une socket) ; choisissez un nouveau nom de fichier",
                "it is not a regular file (a device, a pipe or a socket); choose a new file name"
            )
        case .exists:
            return (
                "ce fichier existe déjà ; choisissez un autre nom ou ajoutez --force pour le remplacer",
                "this file already exists; choose another name or add --force to replace it"
            )
        case .said(let fr, let en): return (fr, en)
        case .other(let text): return (text, text)
        }
    }
}

/// Files as the project needs them: read whole, written atomically with owner-only
/// permissions (they hold health data), never replacing a file unless asked.
///
/// Reads and writes go through swift-system's `FileDescriptor`, which retries
/// after a signal and names its errors (`Errno`); what swift-system does not
/// offer (`mkstemp`, `link`, `fsync`, `fstat`) stays a C call.
public enum FileIO {
    /// The reason an operation failed, in French: what a person can act on.
    public static func reason(_ error: Errno) -> String { FileProblem.system(error).text(.fr) }

    public static func errnoText(_ code: Int32) -> String { reason(Errno(rawValue: code)) }

    private static func failure(_ path: String, _ error: any Error) -> FileError {
        FileError(path: path, (error as? Errno).map(FileProblem.system) ?? .other("\(error)"))
    }

    public static func read(_ path: String) throws(FileError) -> [UInt8] {
        let fd: FileDescriptor
        do {
            fd = try FileDescriptor.open(FilePath(path), .readOnly, options: [.closeOnExec])
        } catch {
            throw failure(path, error)
        }
        defer { try? fd.close() }
        return try readAll(fd.rawValue, path: path)
    }

    public static func readAll(_ descriptor: Int32, path: String) throws(FileError) -> [UInt8] {
        let fd = FileDescriptor(rawValue: descriptor)
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n: Int
            do {
                n = try chunk.withUnsafeMutableBytes { try fd.read(into: $0) }
            } catch {
                throw failure(path, error)
            }
            if n == 0 { return bytes }
            bytes.append(contentsOf: chunk[0..<n])
        }
    }

    /// A text file of at most `limit` bytes: a regular file, read without
    /// following it into a device or a FIFO, refused past the limit.
    public static func readText(_ path: String, limit: Int = 4 << 20) throws(FileError) -> String {
        let fd: FileDescriptor
        do {
            fd = try FileDescriptor.open(FilePath(path), .readOnly, options: [.nonBlocking, .closeOnExec])
        } catch {
            throw failure(path, error)
        }
        defer { try? fd.close() }
        var info = stat()
        guard fstat(fd.rawValue, &info) == 0 else { throw FileError(path: path, .system(Errno(rawValue: errno))) }
        guard (info.st_mode & S_IFMT) == S_IFREG else {
            throw FileError(path: path, .notARegularFile)
        }
        guard info.st_size <= limit else {
            throw FileError(path: path, .tooLarge(bytes: Int(info.st_size), mebibytes: limit / (1 << 20)))
        }
        let bytes = try readAll(fd.rawValue, path: path)
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw FileError(path: path, .notUTF8)
        }
        return text
    }

    /// The path from the root, for telling a person where a file is: a relative
    /// path is joined to the working folder, its leading "./" dropped.
    public static func fullPath(_ path: String) -> String {
        if path.hasPrefix("/") { return path }
        guard let cwd = getcwd(nil, 0) else { return path }
        defer { free(cwd) }
        var relative = Substring(path)
        while relative.hasPrefix("./") { relative = relative.dropFirst(2) }
        let base = String(cString: cwd)
        return (base == "/" ? "" : base) + "/" + relative
    }

    public static func exists(_ path: String) -> Bool { access(path, F_OK) == 0 }

    /// Whether a file has no write permission bit set (someone protected it):
    /// read from its mode, since `access` grants everything to root.
    public static func isReadOnly(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && info.st_mode & 0o222 == 0
    }

    /// Why `path` cannot receive a file the program writes, or nil: it is a new
    /// name or a regular file. Read with `lstat`, so that a symbolic link is seen
    /// as itself and never followed; a device, a FIFO, a socket or a folder is
    /// never replaced by a regular file.
    public static func unwritableTarget(_ path: String) -> FileProblem? {
        var info = stat()
        guard lstat(path, &info) == 0 else {
            return errno == ENOENT ? nil : .system(Errno(rawValue: errno))
        }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return nil
        case S_IFLNK: return .symbolicLink
        case S_IFDIR: return .system(.isDirectory)
        default: return .special
        }
    }

    /// Writes through a temporary file in the same directory, flushed, then renamed
    /// into place: a reader sees the old file or the new one, never half of one.
    /// Without `overwrite`, an existing file is left alone and an error says so.
    /// Every file written for a user comes here: only a new name or a regular file
    /// is accepted (`unwritableTarget`).
    public static func writeAtomically(_ bytes: [UInt8], to path: String, overwrite: Bool) throws(FileError) {
        if let refusal = unwritableTarget(path) { throw FileError(path: path, refusal) }
        let directory = FilePath(path).removingLastComponent()
        let folder = directory.isEmpty ? "." : directory.string
        var template = Array((folder + "/.conciliation-XXXXXX").utf8CString)
        let raw = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard raw >= 0 else { throw FileError(path: path, .system(Errno(rawValue: errno))) }
        let fd = FileDescriptor(rawValue: raw)
        let temporary = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var ok = false
        defer {
            if !ok { unlink(temporary) }
        }
        fchmod(raw, 0o600)
        do {
            _ = try fd.writeAll(bytes)
        } catch {
            try? fd.close()
            throw failure(path, error)
        }
        if fsync(raw) != 0 {
            let code = errno
            try? fd.close()
            throw FileError(path: path, .system(Errno(rawValue: code)))
        }
        try? fd.close()
        if overwrite {
            guard rename(temporary, path) == 0 else { throw FileError(path: path, .system(Errno(rawValue: errno))) }
        } else {
            // link() refuses to replace an existing file, atomically.
            guard link(temporary, path) == 0 else {
                let code = errno
                throw FileError(path: path, code == EEXIST ? .exists : .system(Errno(rawValue: code)))
            }
            unlink(temporary)
        }
        ok = true
        if let folderFD = try? FileDescriptor.open(FilePath(folder), .readOnly, options: [.directory, .closeOnExec]) {
            fsync(folderFD.rawValue)
            try? folderFD.close()
        }
    }

    /// Creates a directory and its parents, owner-only.
    public static func makeDirectory(_ path: String) throws(FileError) {
        var current = path.hasPrefix("/") ? "" : "."
        for part in path.split(separator: "/") {
            current += "/" + part
            if mkdir(current, 0o700) != 0 && errno != EEXIST {
                throw FileError(path: current, .system(Errno(rawValue: errno)))
            }
        }
    }

    /// Writes text to a descriptor; returns why it could not, or nil.
    @discardableResult
    public static func write(_ text: String, to fd: Int32) -> String? {
        writeAll(Array(text.utf8), to: fd)
    }

    /// Writes every byte, retrying after a signal; returns why it could not
    /// (a full disk, a closed pipe), or nil.
    @discardableResult
    public static func writeAll(_ bytes: [UInt8], to fd: Int32) -> String? {
        do {
            _ = try FileDescriptor(rawValue: fd).writeAll(bytes)
            return nil
        } catch {
            return (error as? Errno).map(reason) ?? "\(error)"
        }
    }
}
