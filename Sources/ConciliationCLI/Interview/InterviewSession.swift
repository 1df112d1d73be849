import ArgumentParser
import DialogueKit
import LineEditor

/// Starts the loop on the best reader for this process and maps how it ended to
/// an exit status.
enum InterviewSession {
    /// `output` is the one checked writer of the command, which may have written
    /// before (`resume`'s lines come before the first question).
    static func run(
        interview: Interview, record: SessionRecord, noSave: Bool, heldLock: Int32? = nil, output: StandardOutput = StandardOutput()
    ) throws {
        var store = noSave ? nil : SessionStore.defaultDirectory().map(SessionStore.init)
        var refusal: String?
        if let candidate = store {
            do {
                try candidate.secure()
                candidate.removeLeftovers()
            } catch {
                refusal = error.text(record.language)
                store = nil
            }
        }
        // A new interview holds its own lock too, so that `resume` elsewhere waits.
        let lock = heldLock ?? store.flatMap { $0.lock(record.id) }
        defer { if heldLock == nil, let lock, let store { store.unlock(record.id, lock) } }
        let settings = InterviewSettings(
            language: record.language, audience: record.audience, colors: Terminal.colorsEnabled,
            width: Terminal.width, store: store)
        let loop = InterviewLoop(
            interview: interview, record: record, settings: settings,
            reader: Terminal.reader(), output: output)
        if let refusal {
            loop.output.write(CLIMessage.stateFolderRefused(VisibleText.escapingControls(refusal)).text(record.language) + "\n")
        } else if store == nil && !noSave {
            loop.output.write(CLIMessage.noStateFolder.text(record.language) + "\n")
        }
        switch loop.run() {
        case .quit, .endOfInput: try CheckedExit.check(output, record.language)
        case .terminated: throw ExitCode(143)
        }
    }
}
