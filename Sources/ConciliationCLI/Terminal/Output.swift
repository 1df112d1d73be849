/// Where the interview writes. Standard output in use; a buffer in tests.
public protocol OutputSink: AnyObject {
    func write(_ text: String)
}

public final class StandardOutput: OutputSink {
    public init() {}
    public func write(_ text: String) { FileIO.write(text, to: 1) }
}

/// Questions asked while the result goes to standard output.
public final class StandardError: OutputSink {
    public init() {}
    public func write(_ text: String) { FileIO.write(text, to: 2) }
}
