/// How the next line is read.
enum Prompt: Equatable {
    /// An answer to a question.
    case answer
    /// A command, once the result is shown.
    case command
    /// Yes or no.
    case yesNo
    /// A letter's detail: never kept in the history, and a `secret` one never
    /// echoed in full.
    case detail(secret: Bool)
}
