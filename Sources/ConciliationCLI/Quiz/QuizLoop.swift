import DialogueKit
import LineEditor

/// The driver of `QuizMachine`: reads lines, shows what the machine says.
final class QuizLoop {
    typealias Item = QuizMachine.Item

    private(set) var machine: QuizMachine
    let reader: LineReader
    let output: OutputSink

    init(dialogue: Dialogue, items: [Item], language: Language, reader: LineReader, output: OutputSink) {
        self.machine = QuizMachine(dialogue: dialogue, items: items, language: language)
        self.reader = reader
        self.output = output
    }

    var points: Int { machine.points }
    var possible: Int { machine.possible }
    func report() -> String { machine.report() }
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

    private func show(_ outputs: [QuizMachine.Output]) {
        for out in outputs {
            switch out {
            case .message(let message): output.write(message.text(machine.language) + "\n")
            case .text(let text): output.write(text + "\n")
            case .blank: output.write("\n")
            }
        }
    }
}
