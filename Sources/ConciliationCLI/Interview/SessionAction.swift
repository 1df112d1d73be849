/// What the driver does after an event of `SessionMachine`, in order.
enum SessionAction: Equatable, Sendable {
    /// Draw this (through `Screen`).
    case show(Display)
    /// Save the answers; the driver reports the result with `saved(_:)`.
    case save
    /// Write a file; the driver reports the result with `fileWritten(_:_:)`.
    case write(FileRequest)
    /// Forget the lines typed so far: ↑ must not bring back the last caller's.
    case forgetHistory
    /// Drop the saved copy and start a new record: a new interview begins.
    case newRecord
    /// Leave the loop.
    case exit(InterviewExit)
}
