import DialogueKit
import Files
import LineEditor
import WallClock

/// The driver of `SessionMachine`: reads lines, performs the machine's actions
/// (drawing, saving, writing files) and reports their results back. Every
/// decision is the machine's; every sentence is the catalogue's.
final class InterviewLoop {
    private(set) var machine: SessionMachine
    private(set) var record: SessionRecord
    let settings: InterviewSettings
    let reader: LineReader
    let output: OutputSink
    private let screen: Screen

    init(interview: Interview, record: SessionRecord, settings: InterviewSettings, reader: LineReader, output: OutputSink) {
        self.machine = SessionMachine(
            interview: interview, language: settings.language, audience: settings.audience, saving: settings.store != nil,
            simulated: record.todayOverride != nil)
        self.record = record
        self.settings = settings
        self.reader = reader
        self.output = output
        self.screen = Screen(
            dialogue: interview.dialogue, language: settings.language, audience: settings.audience, style: Style(enabled: settings.colors),
            width: settings.width)
    }

    var interview: Interview { machine.interview }
    var dialogue: Dialogue { machine.dialogue }
    var state: SessionMachine.State { machine.state }

    func run() -> InterviewExit {
        if let exit = perform(machine.start()) { return exit }
        while true {
            let (commands, answers) = machine.completions
            reader.completer = { typed in
                (typed.hasPrefix(":") ? commands : answers).filter { TextFolding.fold($0).hasPrefix(TextFolding.fold(typed)) }
            }
            let prompt = machine.prompt
            let read: LineRead =
                if case .detail(let secret) = prompt {
                    reader.readDetail(prompt: screen.prompt(prompt), secret: secret)
                } else {
                    reader.readLine(prompt: screen.prompt(prompt))
                }
            let actions: [SessionAction] =
                switch read {
                case .line(let text): machine.lineTyped(text)
                case .interrupted: machine.interrupted()
                case .endOfInput: machine.endOfInput(interactive: reader.isInteractive)
                case .terminated: machine.terminated()
                }
            if let exit = perform(actions) { return exit }
        }
    }

    /// Carries out the actions in order, feeding back what saving and writing gave.
    private func perform(_ actions: [SessionAction]) -> InterviewExit? {
        var queue = actions[...]
        while let action = queue.popFirst() {
            switch action {
            case .show(let display): output.write(screen.render(display))
            case .save: queue = machine.saved(save())[...] + queue
            case .write(let request): queue = machine.fileWritten(request, write(request))[...] + queue
            case .forgetHistory: reader.forgetHistory()
            case .newRecord:
                _ = settings.store?.delete(record.id)
                record = record.restarted(id: SessionStore.newID(), now: Timestamp.now())
            case .exit(let exit): return exit
            }
        }
        return nil
    }

    /// Writes the session after every answer; an interview with no answer is not kept.
    private func save() -> SessionMachine.SaveState {
        guard let store = settings.store else { return .notSaving }
        record.update(from: interview, language: settings.language, now: Timestamp.now())
        guard !record.answers.isEmpty else {
            _ = store.delete(record.id)
            return .nothingToSave
        }
        do {
            try store.save(record)
            return .saved
        } catch {
            return .failed(error.text(settings.language))
        }
    }

    private func write(_ request: FileRequest) -> FileRequest.Outcome {
        // A link, a device or a FIFO is refused before anything is asked.
        if let refusal = FileIO.unwritableTarget(request.path) {
            return .failed(FileError(path: request.path, refusal).text(settings.language))
        }
        let exists = FileIO.exists(request.path)
        let readOnly = exists && FileIO.isReadOnly(request.path)
        if exists && (request.replace == .never || (request.replace == .unlessReadOnly && readOnly)) {
            return .exists(readOnly: readOnly)
        }
        let bytes: [UInt8]
        switch request.content {
        case .letter(let letter): bytes = Array(letter.text.utf8)
        case .export(let format):
            let facts = [
                ("session", record.id), ("created", record.created), ("updated", record.updated), ("exported", Timestamp.now()),
                ("audience", record.audience.rawValue),
            ]
            guard let export = machine.export(format, facts: facts) else {
                return .failed(CLIMessage.exportBeforeResult.text(settings.language))
            }
            bytes = export
        }
        do {
            try FileIO.writeAtomically(bytes, to: request.path, overwrite: exists)
            return .written(at: FileIO.fullPath(request.path))
        } catch {
            return .failed(error.text(settings.language))
        }
    }
}
