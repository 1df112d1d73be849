import DialogueKit

/// A file the interview asks to write, owner-only and atomically.
struct FileRequest: Equatable, Sendable {
    /// What goes in it.
    enum Content: Equatable {
        /// The case as `:exporter` writes it, rendered by the machine
        /// (`SessionMachine.export`) once the driver gives the session's times.
        case export(ExportFormat)
        /// A letter, ready, with the passages it leaves to complete.
        case letter(LetterWriter.Letter)
    }

    /// When an existing file may be replaced.
    enum Replace: Equatable {
        /// Never: a file there is reported.
        case never
        /// With --force, unless it is read-only: someone protected it, so it is asked about.
        case unlessReadOnly
        /// After a yes.
        case always
    }

    /// What writing gave.
    enum Outcome: Equatable {
        /// Written, at this full path (what the person is told, wherever they ran the program from).
        case written(at: String)
        /// A file is there and was not replaced.
        case exists(readOnly: Bool)
        /// The reason, in a few words.
        case failed(String)
    }

    let path: String
    let content: Content
    var replace: Replace
    /// How many files of the same request (a letter's `.txt` and `.md`) are written
    /// after this one: a question about files already there waits for the last.
    var followedBy = 0
}
