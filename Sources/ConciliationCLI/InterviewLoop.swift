import DialogueKit
import LineEditor

/// The interview on a line reader: asks, parses, shows. All decisions are the
/// state machine's (`Interview`); this loop only talks.
public struct InterviewLoop {
    var interview: Interview
    let language: Language
    let audience: Audience
    let reader: LineReader
    let output: OutputSink
    let formatter: ResultFormatter

    public init(dialogue: Dialogue, today: CivilDate, language: Language, audience: Audience, reader: LineReader, output: OutputSink) {
        self.interview = Interview(dialogue: dialogue, today: today)
        self.language = language
        self.audience = audience
        self.reader = reader
        self.output = output
        self.formatter = ResultFormatter(dialogue: dialogue, language: language)
    }

    public mutating func run() {
        var action = interview.replay()
        while true {
            switch action {
            case .ask(let q, let progress, let rejection, _):
                let question = interview.dialogue.questions[q]
                if let rejection { output.write(rejection.text(language) + "\n") }
                output.write("\nquestion \(progress.number) (\(progress.atMost) au plus)\n")
                output.write(question.prompt(audience, language) + "\n")
                if case .choice(let choices) = question.kind {
                    for (i, c) in choices.enumerated() { output.write("  \(i + 1). \(c.label.text(language))\n") }
                }
                switch reader.readLine(prompt: "> ") {
                case .endOfInput: return
                case .interrupted: continue
                case .line(let text):
                    switch AnswerParser(today: interview.today, language: language).parse(text, for: question) {
                    case .success(let value): action = interview.answer(value)
                    case .failure(let error): output.write(error.message + "\n")
                    }
                }
            case .conclude(let result):
                output.write("\n" + formatter.text(RoutedCase(result: result, today: interview.today)) + "\n")
                return
            case .report(let fault):
                output.write("\(fault)\n")
                return
            case .none:
                return
            }
        }
    }
}
