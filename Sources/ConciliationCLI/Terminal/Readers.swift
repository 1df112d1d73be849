import DialogueKit
import LineEditor

extension Terminal {
    /// The reader for this process, showing a piped line again by the one rule
    /// for text on a terminal: controls and bidirectional overrides made visible.
    static func reader(echoingTo echo: Int32 = 1) -> LineReader {
        makeReader(echoingTo: echo, visible: { VisibleText.escapingControls($0) })
    }
}
