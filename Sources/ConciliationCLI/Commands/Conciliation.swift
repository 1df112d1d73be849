import ArgumentParser

/// The `conciliation` command. With no subcommand it starts the interview.
public struct Conciliation: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "conciliation",
        abstract: HelpLanguage.text(
            "Litige avec l'Assurance Maladie : quelle démarche ?", "Dispute with the Assurance Maladie: which route?"),
        subcommands: [
            InterviewCommand.self, TriageCommand.self, ResumeCommand.self, PurgeCommand.self,
            TestCommand.self, CheckCommand.self, DiffCommand.self,
            GraphCommand.self, LetterCommand.self, QuizCommand.self, ServeCommand.self,
        ],
        defaultSubcommand: InterviewCommand.self)

    public init() {}
}
