import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Issue 29, point 1: a file the program writes for a user replaces only a
/// regular file, and only when asked; a symbolic link, a FIFO or a device stays
/// what it was.
@Suite("Files written for a user: never a link, a device or a FIFO replaced")
struct HostileFileTests {
    /// A folder holding a symbolic link to a regular file, a FIFO and a
    /// character device (the null device's numbers, made here, never the real one).
    struct Targets {
        let dir: String
        var link: String { dir + "/lien.md" }
        var linked: String { dir + "/vrai.md" }
        var fifo: String { dir + "/tube" }
        var device: String { dir + "/peripherique" }

        init() throws {
            dir = FileManager.default.temporaryDirectory.appendingPathComponent("hostile-files-\(UUID().uuidString)").path
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
            try Data("à garder".utf8).write(to: URL(fileURLWithPath: linked))
            try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: linked)
            #expect(mkfifo(fifo, 0o600) == 0)
            #expect(mknod(device, S_IFCHR | 0o600, (1 << 8) | 3) == 0, "the tests run as root, as CI does")
        }

        func kind(_ path: String) -> mode_t {
            var info = stat()
            guard lstat(path, &info) == 0 else { return 0 }
            return info.st_mode & S_IFMT
        }

        /// Each target is still what it was, and the link's file is untouched.
        func unchanged() throws {
            #expect(kind(link) == S_IFLNK)
            #expect(kind(fifo) == S_IFIFO)
            #expect(kind(device) == S_IFCHR)
            #expect(try String(contentsOfFile: linked, encoding: .utf8) == "à garder")
            let left = try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasPrefix(".conciliation-") }
            #expect(left.isEmpty, "no temporary file left: \(left)")
        }

        func remove() { try? FileManager.default.removeItem(atPath: dir) }
    }

    let details = [
        "--name", "Marie Dupont", "--address", "3 rue des Lilas", "--caisse", "CPAM du Bas-Rhin", "--nir", "184127645108946",
    ]

    @Test("letter --output --force refuses a link, a FIFO and a device, and still writes a regular file")
    func letterOutput() throws {
        let targets = try Targets()
        defer { targets.remove() }
        let caseFile = BinaryRunner.root + "/dialogues/cases/r5-no-complaint.yaml"
        for (path, words) in [
            (targets.link, "lien symbolique"), (targets.fifo, "pas un fichier ordinaire"), (targets.device, "pas un fichier ordinaire"),
        ] {
            let run = try BinaryRunner.run(["letter", caseFile, "--output", path, "--force"] + details)
            #expect(run.status != 0, "\(path)")
            #expect(run.stderr.contains(words), "\(run.stderr)")
            #expect(!run.stdout.contains("Lettre"), "never said written")
        }
        try targets.unchanged()
        let regular = targets.dir + "/lettre.txt"
        #expect(try BinaryRunner.run(["letter", caseFile, "--output", regular] + details).status == 0)
        #expect(try BinaryRunner.run(["letter", caseFile, "--output", regular] + details).status != 0, "not replaced unasked")
        #expect(try BinaryRunner.run(["letter", caseFile, "--output", regular, "--force"] + details).status == 0)
    }

    @Test("quiz --report refuses a link, a FIFO, a device, and an existing file without --force, before the quiz starts")
    func quizReport() throws {
        let targets = try Targets()
        defer { targets.remove() }
        let bank = BinaryRunner.root + "/dialogues/cases/r5-no-complaint.yaml"
        for path in [targets.link, targets.fifo, targets.device, targets.linked] {
            for force in [[], ["--force"]] where !(path == targets.linked && force == ["--force"]) {
                let run = try BinaryRunner.run(["quiz", "--cases", bank, "--report", path] + force, stdin: "1\n")
                #expect(run.status != 0, "\(path) \(force)")
                #expect(!run.stdout.contains("Cas 1 sur"), "refused before the quiz: \(run.stdout)")
                #expect(!run.stdout.contains("Résultats écrits"))
            }
        }
        try targets.unchanged()
        let replaced = try BinaryRunner.run(["quiz", "--cases", bank, "--report", targets.linked, "--force"], stdin: "1\n")
        #expect(replaced.status == 0)
        #expect(try String(contentsOfFile: targets.linked, encoding: .utf8).hasPrefix("# Quiz : résultats"))
    }

    /// Issue 27, point 3: both programs read a dialogue file the same way, within
    /// the same bounds; the page's server used to read any file whole.
    @Test(
        "conciliation and conciliation-serve refuse the same dialogue files with the same reason",
        arguments: ["too large", "a folder", "not UTF-8"])
    func dialogueFileBounds(kind: String) throws {
        let targets = try Targets()
        defer { targets.remove() }
        let path = targets.dir + "/regles.yaml"
        let reason: String
        switch kind {
        case "too large":
            try Data(("# " + String(repeating: "x", count: 1 << 20) + "\n").utf8).write(to: URL(fileURLWithPath: path))
            let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
            for _ in 0..<4 {
                try handle.seekToEnd(); try handle.write(contentsOf: Data(("# " + String(repeating: "y", count: 1 << 20) + "\n").utf8))
            }
            try handle.close()
            reason = "fichier trop grand"
        case "a folder":
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
            reason = "pas un fichier ordinaire"
        default:
            try Data([0x69, 0x64, 0x3A, 0x20, 0xFF, 0xFE, 0x0A]).write(to: URL(fileURLWithPath: path))
            reason = "pas en UTF-8"
        }
        let terminal = try BinaryRunner.run(["graph", "--dialogue", path])
        let server = try BinaryRunner.run(["--dialogue", path, "--port", "0"], executable: BinaryRunner.serveBinary)
        for run in [terminal, server] {
            #expect(run.status != 0)
            #expect(run.stderr.contains(reason), "\(run.stderr)")
            #expect(run.stdout.isEmpty)
        }
    }
}
