import DialogueKit
import Foundation
import LineEditor
@testable import ConciliationCLI

/// Lines typed in advance, as a person would type them; Ctrl-C and Ctrl-D too.
final class ScriptedReader: LineReader {
    var completer: (@Sendable (String) -> [String])?
    let isInteractive = false
    private var script: [LineRead]
    private(set) var prompts: [String] = []

    init(_ lines: [String]) {
        script = lines.map { line in
            switch line {
            case "^C": return .interrupted
            case "^D": return .endOfInput
            default: return .line(line)
            }
        }
    }

    func readLine(prompt: String) -> LineRead {
        prompts.append(prompt)
        return script.isEmpty ? .endOfInput : script.removeFirst()
    }
}

/// Everything the interview wrote.
final class Transcript: OutputSink {
    private(set) var text = ""
    func write(_ text: String) { self.text += text }
}

let repositoryRoot: String = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<3 { url.deleteLastPathComponent() }
    return url.path
}()

func shippedDialogue() throws -> Dialogue {
    let path = repositoryRoot + "/dialogues/conciliation.yaml"
    return try DialogueLoader.load(yaml: String(contentsOfFile: path, encoding: .utf8), file: path)
}
