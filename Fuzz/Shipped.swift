// Shared by the fuzz targets: the shipped dialogue, loaded once per process. Built
// with the DialogueKit sources into one module by scripts/fuzz, never by SwiftPM.
import Foundation

/// The dialogue the answers and the cases are fuzzed against.
let shipped: Dialogue = {
    let path = ProcessInfo.processInfo.environment["FUZZ_DIALOGUE"] ?? "dialogues/conciliation.yaml"
    guard let text = try? String(contentsOfFile: path, encoding: .utf8),
        let dialogue = try? DialogueLoader.load(yaml: text, file: path)
    else { fatalError("the fuzz targets need FUZZ_DIALOGUE, a dialogue that loads") }
    return dialogue
}()

/// A finding: libFuzzer stops and keeps the input that led here.
func finding(_ what: String) -> Never {
    fatalError("fuzz finding: \(what)")
}

/// A rejection must say, in a sentence, what was expected.
func checkMessage(_ message: String, _ context: String) {
    if message.trimmingCharacters(in: .whitespaces).count < 10 { finding("\(context): no clear message (\(message))") }
    if message.unicodeScalars.contains(where: { $0.value < 0x20 && $0 != "\n" }) {
        finding("\(context): a control character echoed into the message")
    }
}
