import DialogueKit

/// Something to draw, with everything it shows: `Screen` turns it into lines
/// without reading the machine back.
enum Display: Equatable, Sendable {
    /// An empty line, between blocks.
    case blank
    /// The opening line; it says the answers stay on this computer only when they
    /// are saved, and names the day of a training scenario (`--today`).
    case welcome(saving: Bool, simulatedDay: CivilDate?)
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
    /// A question, with the progress line when not `brief`, and the answer Enter
    /// keeps (given before going back or editing).
    case question(Int, progress: Interview.Progress?, brief: Bool, enterKeeps: Value?)
    /// An answer read back: a date in words, a choice by its label.
    case echo(question: Int, value: Value)
    /// The result, in full.
    case result(ResultSections)
    /// The case note, to paste into a case file: its lines.
    case caseNote(String)
    /// The answers given, numbered (empty: none yet).
    case answers([String])
    /// Why this question, or why this result; `decided`: whether any answer is given.
    case why(Explanation, decided: Bool)
    /// Help on the question being asked, then the commands.
    case help(question: Int?)
}
