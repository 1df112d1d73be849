/// A place in a dialogue file. Every complaint about a file is given as
/// `file:line:column: what is wrong`, the form editors jump to.
public struct SourcePosition: Sendable, Hashable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    public var description: String { "\(file):\(line):\(column)" }

    func advanced(by columns: Int) -> SourcePosition {
        SourcePosition(file: file, line: line, column: column + columns)
    }
}

/// A problem found in a dialogue file, located to the character.
public struct DialogueError: Error, Sendable, CustomStringConvertible, Equatable {
    public let position: SourcePosition
    public let message: String

    public init(_ position: SourcePosition, _ message: String) {
        self.position = position
        self.message = VisibleText.escapingControls(message)
    }

    public var description: String { "\(position): \(message)" }
}
