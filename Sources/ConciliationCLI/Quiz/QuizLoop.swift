import DialogueKit
import LineEditor

/// The driver of `QuizMachine`: reads lines, shows what the machine says.
final class QuizLoop {
    typealias Item = QuizMachine.Item

    private(set) var machine: QuizMachine
    let reader: LineReader
    let output: OutputSink
    /// The terminal's width, to wrap the feedback between words; nil when not a terminal.
    let width: Int?

    init(dialogue: Dialogue, items: [Item], language: Language, reader: LineReader, output: OutputSink, width: Int? = nil) {
        self.machine = QuizMachine(dialogue: dialogue, items: items, language: language)
        self.reader = reader
        self.output = output
        self.width = width
    }

    var points: Int { machine.points }
    var possible: Int { machine.possible }
    func report(day: CivilDate, seed: UInt64) -> String { machine.report(day: day, seed: seed) }
    func diagnosis(said: CivilDate, expected: CivilDate, extendedToWorkingDay: Bool) -> String {
        machine.diagnosis(said: said, expected: expected, extendedToWorkingDay: extendedToWorkingDay)
    }

    func run() {
        show(machine.start())
        while machine.state != .over {
            let candidates = machine.completions
            reader.completer = { typed in candidates.filter { TextFolding.fold($0).hasPrefix(TextFolding.fold(typed)) } }
            switch reader.readLine(prompt: "> ") {
            case .line(let text): show(machine.lineTyped(text))
            case .interrupted: continue
            case .endOfInput, .terminated: show(machine.endOfInput())
            }
        }
    }

    private func wrapped(_ text: String) -> String { width.map { WordWrap.wrap(text, width: $0) } ?? text }

    private func show(_ outputs: [QuizMachine.Output]) {
        for out in outputs {
            switch out {
            case .message(let message): output.write(wrapped(message.text(machine.language)) + "\n")
            case .text(let text): output.write(wrapped(text) + "\n")
            case .blank: output.write("\n")
            }
        }
    }
}
