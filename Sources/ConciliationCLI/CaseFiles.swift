#if canImport(Glibc)
import Glibc
#endif
import ArgumentParser
import DialogueKit

/// Finds case files (a file, or every .yaml below a folder) and the dialogue each
/// one is for.
enum CaseFiles {
    static func paths(_ arguments: [String]) throws -> [String] {
        var found: [String] = []
        for argument in arguments {
            var info = stat()
            guard stat(argument, &info) == 0 else {
                throw ValidationError("cannot read \(argument): \(FileIO.errnoText(errno)); give case files or folders of them")
            }
            if (info.st_mode & S_IFMT) == S_IFDIR {
                let folder = argument.count > 1 && argument.hasSuffix("/") ? String(argument.dropLast()) : argument
                found += yamlFiles(below: folder)
            } else {
                found.append(argument)
            }
        }
        return found
    }

    static func yamlFiles(below directory: String) -> [String] {
        guard let dir = opendir(directory) else { return [] }
        defer { closedir(dir) }
        var files: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            if name.hasPrefix(".") { continue }
            let path = directory + "/" + name
            if entry.pointee.d_type == UInt8(DT_DIR) { files += yamlFiles(below: path) }
            else if name.hasSuffix(".yaml") || name.hasSuffix(".yml") { files.append(path) }
        }
        return files.sorted()
    }

    static func load(_ path: String) throws -> CaseFile {
        do {
            return try CaseFile.load(yaml: FileIO.readText(path), file: path)
        } catch let error as DialogueLoadError {
            FileIO.write(error.description + "\n", to: 2)
            throw ExitCode(1)
        }
    }

    /// The dialogues by id: the one given with --dialogue, and the shipped ones.
    final class Dialogues {
        let explicit: Dialogue?
        private var cache: [String: Dialogue] = [:]

        init(explicit path: String?) throws {
            explicit = try path.map { try DialogueFiles.load($0) }
        }

        /// The dialogue for a case: --dialogue when given, else the shipped one the
        /// case names (`dialogue: conciliation-2007`), else the default.
        func dialogue(for id: String?) throws -> Dialogue {
            if let explicit { return explicit }
            let name = (id ?? "conciliation") + ".yaml"
            if let known = cache[name] { return known }
            let loaded = try DialogueFiles.load(DialogueFiles.defaultPath(name))
            cache[name] = loaded
            return loaded
        }
    }
}

/// `conciliation test`: runs case files and says, for each failure, what was
/// expected and what came.
struct TestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Run case files (expected results) against their dialogue.",
        discussion: "Without arguments, runs every case under the shipped dialogues/cases/. Ends with the line 'N passed, N failed'; exit status 1 when any failed.")

    @Argument(help: "Case files, or folders of them.")
    var files: [String] = []

    @Option(name: .long, help: ArgumentHelp("Run every case against this dialogue instead of the one it names.", valueName: "FILE"))
    var dialogue: String?

    func run() throws {
        let defaultFolder = ProcessEnvironment.dialoguesDirectory().map { $0 + "/cases" }
        guard let arguments = files.isEmpty ? defaultFolder.map({ [$0] }) : files else {
            throw ValidationError("the shipped cases were not found: give case files or folders")
        }
        let dialogues = try CaseFiles.Dialogues(explicit: dialogue)
        var passed = 0, failed = 0
        let paths = try CaseFiles.paths(arguments)
        guard !paths.isEmpty else {
            throw ValidationError("no case file (.yaml) in \(arguments.map { VisibleText.escapingControls($0) }.joined(separator: ", ")): give case files or folders that hold them")
        }
        for path in paths {
            let file = try CaseFiles.load(path)
            let d = try dialogues.dialogue(for: file.dialogueID)
            if let problem = file.check(with: d, clockToday: ProcessEnvironment.clockToday()) {
                failed += 1
                print("FAIL \(path)\n     \(file.name)\n     \(problem)")
            } else {
                passed += 1
            }
        }
        print("\(passed) passed, \(failed) failed")
        if failed > 0 { throw ExitCode(1) }
    }
}
