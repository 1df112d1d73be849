import ArgumentParser
import DialogueKit
import ShippedRules

/// Finds and loads dialogues: the rules built into the binary by default, a file
/// with `--dialogue`, or the shipped files of a folder named by
/// `CONCILIATION_DIALOGUES` (to try an edit without rebuilding). Every problem is
/// printed as `file:line:column: …`.
enum DialogueFiles {
    /// How a session names the shipped dialogue it follows: its file name alone
    /// (`conciliation.yaml`), never a path, so that it resumes on another build.
    static let shippedName = "conciliation.yaml"

    /// The shipped dialogue of this name, from the override folder or built in.
    static func loadShipped(_ name: String = shippedName) throws -> Dialogue {
        if let folder = ProcessEnvironment.dialoguesOverride() { return try load(folder + "/" + name) }
        guard let shipped = ShippedRules.dialogue(named: name) else {
            let asked = VisibleText.escapingControls(name), shipped = ShippedRules.dialogues.map(\.name).joined(separator: ", ")
            throw ValidationError(
                HelpLanguage.text(
                    "aucun dialogue livré « \(asked) » : ceux livrés sont \(shipped) ; sinon, donnez --dialogue FICHIER",
                    "no shipped dialogue “\(asked)”: the shipped ones are \(shipped); give --dialogue FILE"))
        }
        do {
            return try shipped.load()
        } catch {
            FileIO.write(error.description + "\n", to: 2)
            throw ExitCode(1)
        }
    }

    /// `--dialogue FILE` when given, else the shipped dialogue.
    static func load(_ path: String?) throws -> Dialogue {
        guard let path else { return try loadShipped() }
        let text: String
        do {
            text = try FileIO.readText(path)
        } catch {
            throw ValidationError(HelpLanguage.text("lecture impossible du dialogue \(error)", "cannot read the dialogue \(error)"))
        }
        do {
            return try DialogueLoader.load(yaml: text, file: path)
        } catch {
            FileIO.write(error.description + "\n", to: 2)
            throw ExitCode(1)
        }
    }
}
