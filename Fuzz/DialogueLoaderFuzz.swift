import Foundation

/// Any bytes as a dialogue file: it loads, or every problem is reported at a
/// position inside the text with a message. Seeded with the shipped dialogues.
public func fuzzDialogue(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    do {
        _ = try DialogueLoader.load(yaml: text, file: "fuzz.yaml")
    } catch {
        if error.errors.isEmpty { finding("a dialogue refused without a reason") }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).count
        for problem in error.errors {
            if problem.position.line < 1 || problem.position.line > lines + 1 {
                finding("a problem reported at line \(problem.position.line) of a \(lines)-line file")
            }
            checkMessage(problem.message, "dialogue")
        }
    }
    return 0
}
