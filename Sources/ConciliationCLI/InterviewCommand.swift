import ArgumentParser
import DialogueKit
import LineEditor

/// `conciliation` (or `conciliation interview`): the interview, question by question.
struct InterviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "interview",
        abstract: "Start the interview (the default command).")

    @OptionGroup var options: DialogueOptions

    @Option(name: .long, help: "Who reads the questions: agent (read out on the phone) or self (the insured person).")
    var audience: Audience = .self

    func run() throws {
        let dialogue = try options.loadDialogue()
        let today = options.today ?? ProcessEnvironment.clockToday()
        let reader = Terminal.makeReader()
        var repl = InterviewLoop(
            dialogue: dialogue, today: today, language: options.lang, audience: audience, reader: reader,
            output: StandardOutput())
        repl.run()
    }
}
