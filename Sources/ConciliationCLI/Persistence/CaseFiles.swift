import ArgumentParser
import DialogueAuthoring
import DialogueKit
import Files
import ShippedRules

#if canImport(Glibc)
    import Glibc
#endif

/// Finds case files (a file, or every .yaml below a folder) and the dialogue each
/// one is for.
enum CaseFiles {
    static func paths(_ arguments: [String]) throws -> [String] {
        var found: [String] = []
        for argument in arguments {
            var info = stat()
            guard stat(argument, &info) == 0 else {
                throw ValidationError(
                    CLIMessage.caseFileUnreadable(path: argument, reason: FileIO.errnoText(errno)).text(HelpLanguage.current))
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
            if entry.pointee.d_type == UInt8(DT_DIR) {
                files += yamlFiles(below: path)
            } else if name.hasSuffix(".yaml") || name.hasSuffix(".yml") {
                files.append(path)
            }
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

    /// The shipped cases: those of the override folder's `cases/`, else the built-in ones.
    static func shipped() throws -> [CaseFile] {
        if let folder = ProcessEnvironment.dialoguesOverride() { return try paths([folder + "/cases"]).map(load) }
        return try ShippedRules.cases.map { shipped in
            do {
                return try CaseFile.load(yaml: shipped.yaml(), file: shipped.path)
            } catch {
                FileIO.write("\(error)\n", to: 2)
                throw ExitCode(1)
            }
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
            let loaded = try DialogueFiles.loadShipped(name)
            cache[name] = loaded
            return loaded
        }
    }
}
