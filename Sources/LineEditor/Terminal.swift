#if canImport(Glibc)
    import Glibc
#endif

/// Facts about the process's terminal, read once at start.
public enum Terminal {
    /// libedit only when both ends are terminals: on a pipe it would echo and
    /// buffer what it reads, and a script or CI gives no terminal.
    public static var isInteractive: Bool { isatty(0) == 1 && isatty(1) == 1 }

    /// Colours only on a terminal, never when NO_COLOR is set (no-color.org).
    public static var colorsEnabled: Bool {
        if let value = getenv("NO_COLOR"), value.pointee != 0 { return false }
        if let term = getenv("TERM"), String(cString: term) == "dumb" { return false }
        return isatty(1) == 1
    }

    /// The best reader for this process. `echoingTo` is where a reader without a
    /// terminal shows what it read: standard error when standard output carries
    /// a result.
    /// `visible` is how a piped line is shown again (libedit shows what is typed
    /// on a terminal itself).
    public static func makeReader(echoingTo echo: Int32 = 1, visible: @escaping @Sendable (String) -> String) -> LineReader {
        isInteractive ? EditLineReader() : PlainLineReader(echoingTo: echo, visible: visible)
    }
}

extension Terminal {
    /// The width of the terminal on standard output, or nil when it is not one.
    public static var width: Int? {
        var size = winsize()
        guard isatty(1) == 1, ioctl(1, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
        return Int(size.ws_col)
    }
}
