#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import DialogueKit

/// Why a file could not be read or written, in one sentence for the user.
public struct FileError: Error, CustomStringConvertible, Equatable {
    public let path: String
    public let reason: String
    public var description: String { "\(VisibleText.escapingControls(path)) : \(reason)" }
}

/// Files as the project needs them: read whole, written atomically with owner-only
/// permissions (they hold health data), never replacing a file unless asked.
public enum FileIO {
    static func errnoText(_ code: Int32) -> String { String(cString: strerror(code)) }

    public static func read(_ path: String) throws(FileError) -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw FileError(path: path, reason: errnoText(errno)) }
        defer { close(fd) }
        return try readAll(fd, path: path)
    }

    public static func readAll(_ fd: Int32, path: String) throws(FileError) -> [UInt8] {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw FileError(path: path, reason: errnoText(errno))
            }
            if n == 0 { return bytes }
            bytes.append(contentsOf: chunk[0..<n])
        }
    }

    /// A text file of at most `limit` bytes: a regular file, read without
    /// following it into a device or a FIFO, refused past the limit.
    public static func readText(_ path: String, limit: Int = 4 << 20) throws(FileError) -> String {
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { throw FileError(path: path, reason: errnoText(errno)) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw FileError(path: path, reason: errnoText(errno)) }
        guard (info.st_mode & S_IFMT) == S_IFREG else {
            throw FileError(path: path, reason: "ce n'est pas un fichier ordinaire ; donnez un fichier de texte")
        }
        guard info.st_size <= limit else {
            throw FileError(path: path, reason: "fichier trop grand (\(info.st_size) octets, \(limit / (1 << 20)) Mio au plus)")
        }
        let bytes = try readAll(fd, path: path)
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw FileError(path: path, reason: "le fichier n'est pas en UTF-8")
        }
        return text
    }

    public static func exists(_ path: String) -> Bool { access(path, F_OK) == 0 }

    /// Whether a file has no write permission bit set (someone protected it):
    /// read from its mode, since `access` grants everything to root.
    public static func isReadOnly(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && info.st_mode & 0o222 == 0
    }

    /// Writes through a temporary file in the same directory, flushed, then renamed
    /// into place: a reader sees the old file or the new one, never half of one.
    /// Without `overwrite`, an existing file is left alone and an error says so.
    public static func writeAtomically(_ bytes: [UInt8], to path: String, overwrite: Bool) throws(FileError) {
        let directory = path.contains("/") ? String(path[..<path.lastIndex(of: "/")!]) : "."
        var template = Array(((directory.isEmpty ? "/" : directory) + "/.conciliation-XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw FileError(path: path, reason: errnoText(errno)) }
        let temporary = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var ok = false
        defer {
            if !ok { unlink(temporary) }
        }
        fchmod(fd, 0o600)
        var written = 0
        while written < bytes.count {
            let n = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + written, $0.count - written) }
            if n < 0 {
                if errno == EINTR { continue }
                let code = errno
                close(fd)
                throw FileError(path: path, reason: errnoText(code))
            }
            written += n
        }
        if fsync(fd) != 0 {
            let code = errno
            close(fd)
            throw FileError(path: path, reason: errnoText(code))
        }
        close(fd)
        if overwrite {
            guard rename(temporary, path) == 0 else { throw FileError(path: path, reason: errnoText(errno)) }
        } else {
            // link() refuses to replace an existing file, atomically.
            guard link(temporary, path) == 0 else {
                let code = errno
                throw FileError(path: path, reason: code == EEXIST
                    ? "ce fichier existe déjà ; choisissez un autre nom ou ajoutez --force pour le remplacer"
                    : errnoText(code))
            }
            unlink(temporary)
        }
        ok = true
        let dfd = open(directory.isEmpty ? "/" : directory, O_RDONLY | O_DIRECTORY)
        if dfd >= 0 {
            fsync(dfd)
            close(dfd)
        }
    }

    /// Creates a directory and its parents, owner-only.
    public static func makeDirectory(_ path: String) throws(FileError) {
        var current = path.hasPrefix("/") ? "" : "."
        for part in path.split(separator: "/") {
            current += "/" + part
            if mkdir(current, 0o700) != 0 && errno != EEXIST {
                throw FileError(path: current, reason: errnoText(errno))
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
        var written = 0
        while written < bytes.count {
            let n = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + written, $0.count - written) }
            if n < 0 {
                if errno == EINTR { continue }
                return errnoText(errno)
            }
            written += n
        }
        return nil
    }
}
