import Foundation

/// Any bytes as a dialogue file: it loads, or every problem is reported at a
/// position inside the text with a message. Seeded with the shipped dialogues.
public func fuzzDialogue(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    do {
        _ = try DialogueLoader.load(yaml: text, file: "fuzz.yaml")
    } catch {
        if error.errors.isEmpty { finding("a dialogue refused without a reason") }
        let lines = yamlLineCount(text)
        for problem in error.errors {
            if problem.position.line < 1 || problem.position.line > lines + 1 {
                finding("a problem reported at line \(problem.position.line) of a \(lines)-line file")
            }
            checkMessage(problem.message, "dialogue")
        }
    }
    return 0
}

/// Lines as YAML counts them, which is what positions report: `\r\n`, a lone `\r`
/// and `\n` each end a line, and so do NEL, LS and PS (YAML 1.1), as in an
/// editor that shows old Mac or Unicode line ends.
func yamlLineCount(_ text: String) -> Int {
    var lines = 1
    var previousCR = false
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\r": lines += 1
        case "\n": if !previousCR { lines += 1 }
        case "\u{85}", "\u{2028}", "\u{2029}": lines += 1
        default: break
        }
        previousCR = scalar == "\r"
    }
    return lines
}
