import Foundation

/// Any bytes as a typed answer to each question of the shipped dialogue, in both
/// languages: every answer is accepted with a value of the question's type, or
/// refused with a clear message. Dates, choices, yes/no, text and commands alike.
public func fuzzAnswer(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let today = CivilDate(iso: "2026-11-23")!
    for language in [Language.fr, .en] {
        let parser = AnswerParser(today: today, language: language)
        for question in shipped.questions {
            switch parser.parse(text, for: question) {
            case .success(let value):
                if let type = value.type, type != question.kind.valueType {
                    finding("`\(question.id)` accepted a \(type) for a \(question.kind.valueType) question")
                }
                if value == .null && question.unknown == nil { finding("`\(question.id)` accepted \"unknown\" without offering it") }
            case .failure(let error):
                checkMessage(error.message(.fr), "answer to `\(question.id)`")
            }
        }
    }
    return 0
}
