import DialogueKit
import Foundation
import LineEditor

@testable import ConciliationCLI

/// Lines typed in advance, as a person would type them; Ctrl-C and Ctrl-D too.
final class ScriptedReader: LineReader {
    var completer: (@Sendable (String) -> [String])?
    let isInteractive: Bool
    private var script: [LineRead]
    private(set) var prompts: [String] = []

    init(_ lines: [String], interactive: Bool = false) {
        isInteractive = interactive
        script = lines.map { line in
            switch line {
            case "^C": return .interrupted
            case "^D": return .endOfInput
            case "^TERM": return .terminated
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

/// A fresh, private folder for one test's files.
func temporaryDirectory() -> String {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("conciliation-test-\(UUID().uuidString)").path
    try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}

let testToday = CivilDate(iso: "2026-11-23")!

func newRecord(_ dialogue: Dialogue, audience: Audience = .self, language: Language = .fr) -> SessionRecord {
    SessionRecord(
        id: "test-\(UUID().uuidString.prefix(8))", dialogueFile: repositoryRoot + "/dialogues/conciliation.yaml",
        dialogueID: dialogue.id, dialogueVersion: dialogue.version, language: language, audience: audience,
        todayOverride: testToday, created: "2026-11-23T09:00:00Z", updated: "2026-11-23T09:00:00Z",
        finished: false, outcome: nil, answers: [])
}

/// Runs the interview on typed lines; returns the transcript and the loop.
@discardableResult
func runInterview(
    _ lines: [String], audience: Audience = .self, language: Language = .fr, store: String? = nil,
    interactive: Bool = false, answers: [(question: Int, value: Value)] = [],
    record: SessionRecord? = nil, width: Int? = nil
) throws -> (text: String, loop: InterviewLoop, exit: InterviewExit) {
    let dialogue = try shippedDialogue()
    let transcript = Transcript()
    let settings = InterviewSettings(
        language: language, audience: audience, colors: false, width: width,
        store: store.map(SessionStore.init(directory:)))
    let loop = InterviewLoop(
        interview: Interview(dialogue: dialogue, today: testToday, answers: answers),
        record: record ?? newRecord(dialogue, audience: audience, language: language),
        settings: settings, reader: ScriptedReader(lines, interactive: interactive), output: transcript)
    let exit = loop.run()
    return (transcript.text, loop, exit)
}
