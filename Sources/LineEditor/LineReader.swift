/// What reading a line gave.
public enum LineRead: Sendable, Equatable {
    case line(String)
    /// Ctrl-C: the line being typed is abandoned, not the session.
    case interrupted
    /// Ctrl-D on an empty line, or the end of piped input.
    case endOfInput
    /// SIGTERM or SIGHUP arrived: save and leave.
    case terminated
}

/// A source of lines: libedit on a terminal, plain reads when piped, a script in
/// tests. The interview loop depends on this protocol only.
public protocol LineReader: AnyObject {
    /// Reads one line after showing `prompt`.
    func readLine(prompt: String) -> LineRead
    /// Candidates for Tab: given the text before the cursor, whole replacements
    /// for it (a choice's label, a command name).
    var completer: (@Sendable (String) -> [String])? { get set }
    /// Whether a person is typing at a terminal (colours, line editing).
    var isInteractive: Bool { get }
    /// Reads a letter's detail (a name, an address, a social security number):
    /// never kept in the history, so that ↑ cannot show it to the next caller;
    /// a `secret` one is never echoed in full where the reader echoes.
    func readDetail(prompt: String, secret: Bool) -> LineRead
    /// Forgets the lines typed so far: a new interview starts with an empty ↑.
    func forgetHistory()
}

extension LineReader {
    /// A reader without history or echo (a script) reads a detail like any line.
    public func readDetail(prompt: String, secret: Bool) -> LineRead { readLine(prompt: prompt) }
    public func forgetHistory() {}
}
