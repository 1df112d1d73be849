#if canImport(Glibc)
    import Glibc
#endif

/// Reads lines from standard input without a terminal: one answer per line, the
/// prompt and the line still printed so that a scripted session can be recorded
/// and read back, on standard output or, when that carries a result (a letter),
/// on standard error.
public final class PlainLineReader: LineReader {
    public var completer: (@Sendable (String) -> [String])?
    public let isInteractive = false
    private var buffer: [UInt8] = []
    private var start = 0
    private var ended = false
    private let echo: Int32
    /// How a typed line is shown again: the program's one rule for text on a
    /// terminal (controls made visible), given by the program.
    private let visible: @Sendable (String) -> String

    public init(echoingTo echo: Int32 = 1, visible: @escaping @Sendable (String) -> String) {
        self.echo = echo
        self.visible = visible
        Signals.install()
    }

    public func readLine(prompt: String) -> LineRead { read(prompt: prompt, secret: false) }

    public func readDetail(prompt: String, secret: Bool) -> LineRead { read(prompt: prompt, secret: secret) }

    private func read(prompt: String, secret: Bool) -> LineRead {
        writeOut(prompt, to: echo)
        func shown(_ text: String) -> String {
            secret ? String(repeating: "•", count: min(text.count, 15)) + "\n" : visible(text) + "\n"
        }
        while true {
            if let newline = buffer[start...].firstIndex(of: 0x0A) {
                let line = buffer[start..<newline]
                start = newline + 1
                let text = String(decoding: line.last == 0x0D ? line.dropLast() : line, as: UTF8.self)
                writeOut(shown(text), to: echo)
                return .line(text)
            }
            if ended {
                guard start < buffer.count else { return .endOfInput }
                let text = String(decoding: buffer[start...], as: UTF8.self)
                start = buffer.count
                writeOut(shown(text), to: echo)
                return .line(text)
            }
            if start > 0 {
                buffer.removeFirst(start)
                start = 0
            }
            var chunk = [UInt8](repeating: 0, count: 4096)
            let n = Glibc.read(0, &chunk, chunk.count)
            if terminationPending != 0 { return .terminated }
            if n < 0 && errno == EINTR {
                if interruptPending != 0 {
                    interruptPending = 0
                    return .interrupted
                }
                continue
            }
            if n <= 0 {
                ended = true
            } else {
                buffer.append(contentsOf: chunk[0..<n])
            }
        }
    }
}
