import DialogueKit

/// Something to draw. `Screen` turns it into lines, reading the machine's state
/// at that moment (the goodbye says what the last save gave).
enum Display: Equatable, Sendable {
    /// An empty line, between blocks.
    case blank
    /// The dialogue's title and how to answer, for a new interview.
    /// The opening line; it says the answers stay on this computer only when they are saved.
    case welcome(saving: Bool)
    /// A new interview after `:recommencer`: on a terminal, the screen and its
    /// scrollback are cleared first, so the next caller never sees the last one's
    /// answers, name or NIR.
    case newInterview
    /// A sentence of the catalogue.
    case message(CLIMessage)
    /// A sentence of the catalogue, shown as an error.
    case error(CLIMessage)
    /// A sentence of the catalogue, shown dimmed.
    case note(CLIMessage)
    /// A sentence of the catalogue, shown in bold.
    case heading(CLIMessage)
    /// Why an answer was refused, from the answer parser.
    case refused(AnswerError)
    /// Why an answer no longer holds, from the dialogue.
    case rejection(String)
    /// A text of the dialogue shown as it is.
    case text(String)
    /// A question, with the progress line when not `brief`.
    case question(Int, progress: Interview.Progress?, brief: Bool)
    /// An answer read back: a date in words, a choice by its label.
    case echo(question: Int, value: Value)
    /// The result, in full.
    case result
    /// The case note, to paste into a case file.
    case caseNote
    /// The answers given, numbered.
    case answers
    /// Why this question, or why this result.
    case why
    /// Help on the question being asked, then the commands.
    case help(question: Int?)
    /// "Leave?", with what leaving costs.
    case quitQuestion
    /// The goodbye, saying what is saved.
    case goodbye
    /// After SIGTERM: what is saved.
    case terminatedNotice
}
