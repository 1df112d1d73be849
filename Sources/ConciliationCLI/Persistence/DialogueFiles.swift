import ArgumentParser
import DialogueKit

/// Finds and loads dialogue files, printing every problem as `file:line:column: …`.
enum DialogueFiles {
    static func defaultPath(_ name: String = "conciliation.yaml") -> String? {
        ProcessEnvironment.dialoguesDirectory().map { $0 + "/" + name }
    }

    static func load(_ path: String?) throws -> Dialogue {
        guard let path = path ?? defaultPath() else {
            throw ValidationError(
                "the shipped dialogues were not found: set CONCILIATION_DIALOGUES to the dialogues/ folder, or give --dialogue FILE")
        }
        let text: String
        do {
            text = try FileIO.readText(path)
        } catch {
            throw ValidationError("cannot read the dialogue \(error)")
        }
        do {
            return try DialogueLoader.load(yaml: text, file: path)
        } catch {
            FileIO.write(error.description + "\n", to: 2)
            throw ExitCode(1)
        }
    }
}
