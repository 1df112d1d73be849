import Files
import Foundation
import SystemPackage
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Runs `body` in a fresh folder of this process, removed after it.
func inScratchFolder(_ body: (String) throws -> Void) throws {
    var template = Array((NSTemporaryDirectory() + "/files-tests-XXXXXX").utf8CString)
    let made = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
    precondition(made != nil, "mkdtemp failed")
    let folder = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    try body(folder)
}

func mode(_ path: String) -> mode_t {
    var info = stat()
    precondition(lstat(path, &info) == 0, "no file at \(path)")
    return info.st_mode & 0o7777
}

/// What the program writes for a user holds health data: written whole or not
/// at all, owner-only, never through a link or into a device, never over a file
/// without being asked; what it reads is bounded and checked.
@Suite("Files: atomic owner-only writes, bounded reads")
struct FileIOTests {
    @Test("A new file is written whole, owner-only, with no temporary left beside it")
    func newFile() throws {
        try inScratchFolder { folder in
            let path = folder + "/dossier.txt"
            try FileIO.writeAtomically(Array("réponses\n".utf8), to: path, overwrite: false)
            #expect(try FileIO.readText(path) == "réponses\n")
            #expect(mode(path) == 0o600)
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["dossier.txt"])
        }
    }

    @Test("A file already there is kept unless overwriting was asked for")
    func existingFile() throws {
        try inScratchFolder { folder in
            let path = folder + "/dossier.txt"
            try FileIO.writeAtomically(Array("à garder".utf8), to: path, overwrite: false)
            #expect(throws: FileError(path: path, .exists)) {
                try FileIO.writeAtomically(Array("autre".utf8), to: path, overwrite: false)
            }
            #expect(try FileIO.readText(path) == "à garder")
            try FileIO.writeAtomically(Array("remplacé".utf8), to: path, overwrite: true)
            #expect(try FileIO.readText(path) == "remplacé")
            #expect(mode(path) == 0o600)
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["dossier.txt"])
        }
    }

    @Test("A link, a FIFO or a folder is never written through nor replaced", arguments: [false, true])
    func refusedTargets(overwrite: Bool) throws {
        try inScratchFolder { folder in
            let target = folder + "/ailleurs.txt", link = folder + "/lien.txt", fifo = folder + "/tube", sub = folder + "/dossier"
            try FileIO.writeAtomically(Array("intact".utf8), to: target, overwrite: false)
            #expect(symlink(target, link) == 0)
            #expect(mkfifo(fifo, 0o600) == 0)
            #expect(mkdir(sub, 0o700) == 0)
            #expect(throws: FileError(path: link, .symbolicLink)) {
                try FileIO.writeAtomically(Array("x".utf8), to: link, overwrite: overwrite)
            }
            #expect(throws: FileError(path: fifo, .special)) {
                try FileIO.writeAtomically(Array("x".utf8), to: fifo, overwrite: overwrite)
            }
            #expect(throws: FileError(path: sub, .system(.isDirectory))) {
                try FileIO.writeAtomically(Array("x".utf8), to: sub, overwrite: overwrite)
            }
            #expect(try FileIO.readText(target) == "intact")
            #expect(FileIO.unwritableTarget(folder + "/nouveau.txt") == nil)
            #expect(FileIO.unwritableTarget(target) == nil)
        }
    }

    @Test("A text is read only from a regular file, within its bound, in UTF-8")
    func boundedReads() throws {
        try inScratchFolder { folder in
            let big = folder + "/gros.yaml", latin = folder + "/latin.yaml", fifo = folder + "/tube"
            try FileIO.writeAtomically([UInt8](repeating: 0x61, count: (1 << 20) + 1), to: big, overwrite: false)
            #expect(throws: FileError(path: big, .tooLarge(bytes: (1 << 20) + 1, mebibytes: 1))) {
                try FileIO.readText(big, limit: 1 << 20)
            }
            #expect(try FileIO.readText(big, limit: 2 << 20).count == (1 << 20) + 1)
            try FileIO.writeAtomically([0x63, 0x61, 0x69, 0x73, 0x73, 0x65, 0xE9], to: latin, overwrite: false)
            #expect(throws: FileError(path: latin, .notUTF8)) { try FileIO.readText(latin) }
            // A FIFO with no writer would block a plain open: it is refused at once.
            #expect(mkfifo(fifo, 0o600) == 0)
            #expect(throws: FileError(path: fifo, .notARegularFile)) { try FileIO.readText(fifo) }
            #expect(throws: FileError(path: folder + "/absent", .system(.noSuchFileOrDirectory))) {
                try FileIO.readText(folder + "/absent")
            }
        }
    }

    @Test("A read-only file is told by its mode, even to root; a path is told from the root")
    func modesAndPaths() throws {
        try inScratchFolder { folder in
            let path = folder + "/lettre.txt"
            try FileIO.writeAtomically(Array("x".utf8), to: path, overwrite: false)
            #expect(!FileIO.isReadOnly(path))
            #expect(chmod(path, 0o400) == 0)
            #expect(FileIO.isReadOnly(path))
            #expect(FileIO.exists(path) && !FileIO.exists(folder + "/absent"))
            #expect(FileIO.fullPath("/tmp/a.txt") == "/tmp/a.txt")
            let cwd = FileManager.default.currentDirectoryPath
            #expect(FileIO.fullPath("./././a.txt") == (cwd == "/" ? "" : cwd) + "/a.txt")
            let nested = folder + "/un/deux/trois"
            try FileIO.makeDirectory(nested)
            #expect(mode(folder + "/un") == 0o700 && mode(nested) == 0o700)
            try FileIO.makeDirectory(nested)  // already there: nothing to do
        }
    }
}
