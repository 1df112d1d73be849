import Files

/// Where the interview writes. Standard output in use; a buffer in tests.
public protocol OutputSink: AnyObject {
    func write(_ text: String)
}

/// Standard output, checked: the first failed write (a full disk, a closed pipe)
/// is kept, later writes are skipped, and the command that owns it exits non-zero
/// with a sentence (`CheckedExit`).
public final class StandardOutput: OutputSink {
    public private(set) var failure: String?
    public init() {}
    public func write(_ text: String) {
        guard failure == nil else { return }
        failure = FileIO.write(text, to: 1)
    }
}

/// Questions asked while the result goes to standard output.
public final class StandardError: OutputSink {
    public init() {}
    public func write(_ text: String) { FileIO.write(text, to: 2) }
}
