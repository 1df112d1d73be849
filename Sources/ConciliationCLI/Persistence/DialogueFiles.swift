import ArgumentParser
import DialogueKit
import Files

/// The terminal program's dialogues: those of `DialogueSource` (the rules built in,
/// a file with `--dialogue`), with the shipped files of the folder named by
/// `CONCILIATION_DIALOGUES` in place of the built-in ones. Every problem is printed
/// as `file:line:column: …`.
enum DialogueFiles {
    /// How a session names the shipped dialogue it follows: its file name alone
    /// (`conciliation.yaml`), never a path, so that it resumes on another build.
    static let shippedName = "conciliation.yaml"

    /// The shipped dialogue of this name, from the override folder or built in.
    static func loadShipped(_ name: String = shippedName) throws -> Dialogue {
        do {
            return try DialogueSource.shipped(named: name, overriddenBy: ProcessEnvironment.dialoguesOverride())
        } catch {
            throw worded(error)
        }
    }

    /// `--dialogue FILE` when given, else the shipped dialogue.
    static func load(_ path: String?) throws -> Dialogue {
        guard let path else { return try loadShipped() }
        do {
            return try DialogueSource.load(file: path)
        } catch {
            throw worded(error)
        }
    }

    /// The error to throw for a failure: a sentence for ArgumentParser to print,
    /// or the loader's problems printed here, one per line, and exit status 1.
    private static func worded(_ failure: DialogueSource.Failure) -> any Error {
        switch failure {
        case .unreadable(let error):
            return ValidationError(CLIMessage.dialogueUnreadable(error).text(HelpLanguage.current))
        case .invalid(let error):
            FileIO.write(error.description + "\n", to: 2)
            return ExitCode(1)
        case .notShipped(let name, let shipped):
            let asked = VisibleText.escapingControls(name), names = shipped.joined(separator: ", ")
            return ValidationError(CLIMessage.noShippedDialogue(asked: asked, shipped: names).text(HelpLanguage.current))
        }
    }
}
