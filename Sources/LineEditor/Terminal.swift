#if canImport(Glibc)
import Glibc
#endif

/// Facts about the process's terminal, read once at start.
public enum Terminal {
    /// libedit only when both ends are terminals (see shared/libedit-notes.md).
    public static var isInteractive: Bool { isatty(0) == 1 && isatty(1) == 1 }

    /// Colours only on a terminal, never when NO_COLOR is set (no-color.org).
    public static var colorsEnabled: Bool {
        if let value = getenv("NO_COLOR"), value.pointee != 0 { return false }
        if let term = getenv("TERM"), String(cString: term) == "dumb" { return false }
        return isatty(1) == 1
    }

    /// The best reader for this process.
    public static func makeReader() -> LineReader {
        isInteractive ? EditLineReader() : PlainLineReader()
    }
}
