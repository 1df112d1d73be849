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
    /// Reads a line that must not be shown back in full (a social security
    /// number): where the reader echoes what it read, it echoes a mask.
    func readSecretLine(prompt: String) -> LineRead
}

extension LineReader {
    /// A reader that never echoes (a terminal shows what the person types, a
    /// script shows nothing) reads a secret line like any other.
    public func readSecretLine(prompt: String) -> LineRead { readLine(prompt: prompt) }
}
