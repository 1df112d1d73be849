import Foundation

extension CaseExport {
    /// The form name the JSON export carries, written and read here.
    static let jsonFormat = "conciliation-export-1"

    /// A JSON export (`:exporter x.json`, the page's `.json` download) read back:
    /// the interview's own answers, by question (not triage's keys, which leave
    /// out what a date implies, such as "documents sent"), and the day its result
    /// was counted from. Each answer goes through `parser`, as the page's session
    /// does. Nil for any other JSON, a question this dialogue does not ask, or an
    /// answer it would not take.
    public static func answers(
        fromJSON text: String, dialogue: Dialogue, parser: AnswerParser
    ) -> (answers: [(question: Int, value: Value)], today: CivilDate?)? {
        guard let export = try? JSONDecoder().decode(ExportRead.self, from: Data(text.utf8)), export.format == jsonFormat else {
            return nil
        }
        var answers: [(question: Int, value: Value)] = []
        for (id, answer) in export.answers.sorted(by: { $0.key < $1.key }) {
            guard let question = dialogue.question(named: id), let value = answer.value(for: question, parser) else { return nil }
            answers.append((question.slot, value))
        }
        return (answers, export.result?.today.flatMap(CivilDate.init(iso:)))
    }
}

/// The parts of a JSON export that make a case again.
private struct ExportRead: Decodable {
    let format: String
    let answers: [String: Answer]
    let result: Result?

    struct Result: Decodable {
        let today: String?
    }

    /// An answer as the export writes it: a text (a choice, a date), yes or no,
    /// or null for "je ne sais pas".
    enum Answer: Decodable {
        case text(String)
        case yesNo(Bool)
        case unknown

        init(from decoder: any Decoder) throws {
            let value = try decoder.singleValueContainer()
            if value.decodeNil() {
                self = .unknown
            } else if let b = try? value.decode(Bool.self) {
                self = .yesNo(b)
            } else {
                self = .text(try value.decode(String.self))
            }
        }

        /// The value, read as the page reads its session back.
        func value(for question: Question, _ parser: AnswerParser) -> Value? {
            let text: String
            switch self {
            case .text(let s): text = s
            case .yesNo(let b): text = AnswerParser.canonicalText(.bool(b))
            case .unknown:
                guard question.unknown != nil else { return nil }
                return .null
            }
            if case .success(let value) = parser.parse(text, for: question) { return value }
            return nil
        }
    }
}
