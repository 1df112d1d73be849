import DialogueKit
import Foundation

/// One interview as saved on disk: where it came from, its answers in the order
/// given, and whether it ended. Written after every answer (`SessionStore`).
///
/// Encoded with Foundation's JSON coders. Each answer keeps the form `triage`
/// reads (a string, true/false, or null), so that it is read back through the
/// same checks as a case; `format` says which layout a file has, so that a file
/// of another version is refused with a sentence instead of misread.
struct SessionRecord: Codable, Equatable {
    /// The layout written now. Version 1 was a flat object written by hand.
    static let currentFormat = 2

    /// An answer as `triage` would read it.
    enum AnswerValue: Codable, Equatable {
        case text(String)
        case flag(Bool)
        case unknown

        init(_ value: Value) {
            switch value {
            case .null: self = .unknown
            case .bool(let b): self = .flag(b)
            case .int(let i): self = .text(String(i))
            case .string(let s): self = .text(s)
            case .date(let d): self = .text(d.iso)
            }
        }

        var caseValue: CaseValue {
            switch self {
            case .text(let s): return .string(s)
            case .flag(let b): return .bool(b)
            case .unknown: return .null
            }
        }

        init(from decoder: Decoder) throws {
            let container = try decoder.singleValueContainer()
            if container.decodeNil() {
                self = .unknown
            } else if let b = try? container.decode(Bool.self) {
                self = .flag(b)
            } else {
                self = .text(try container.decode(String.self))
            }
        }

        func encode(to encoder: Encoder) throws {
            var container = encoder.singleValueContainer()
            switch self {
            case .text(let s): try container.encode(s)
            case .flag(let b): try container.encode(b)
            case .unknown: try container.encodeNil()
            }
        }
    }

    struct Answer: Codable, Equatable {
        var question: String
        var value: AnswerValue
    }

    var format = SessionRecord.currentFormat
    var id: String
    var dialogueFile: String
    var dialogueID: String
    var dialogueVersion: String
    var language: Language
    var audience: Audience
    /// The day given with --today, kept so a training scenario resumes on its day;
    /// nil means "the real today", re-read on resume.
    var todayOverride: CivilDate?
    var created: String
    var updated: String
    var finished: Bool
    var outcome: String?
    var answers: [Answer]
    /// A few words for the list of interviews: the subject chosen, then the last
    /// question reached or the result.
    var subjectLabel: String?
    var progressLabel: String?

    enum CodingKeys: String, CodingKey {
        case format, id, created, updated, finished, outcome, answers, language = "lang", audience
        case dialogueFile = "dialogue_file", dialogueID = "dialogue", dialogueVersion = "version", todayOverride = "today"
        case subjectLabel = "subject_label", progressLabel = "progress_label"
    }

    init(
        id: String, dialogueFile: String, dialogueID: String, dialogueVersion: String, language: Language,
        audience: Audience, todayOverride: CivilDate?, created: String, updated: String, finished: Bool,
        outcome: String?, answers: [Answer]
    ) {
        self.id = id
        self.dialogueFile = dialogueFile
        self.dialogueID = dialogueID
        self.dialogueVersion = dialogueVersion
        self.language = language
        self.audience = audience
        self.todayOverride = todayOverride
        self.created = created
        self.updated = updated
        self.finished = finished
        self.outcome = outcome
        self.answers = answers
    }

    func json() -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Encoding plain strings, booleans and arrays cannot fail.
        return Array((try? encoder.encode(self)) ?? Data()) + [0x0A]
    }

    /// Why a file is not a session this program can take up (the listing
    /// leaves such a file out; nothing words it).
    enum ReadError: Error, Equatable {
        /// Not a JSON object.
        case notJSON
        /// A JSON object without a format: not written by this program.
        case noFormat
        /// Saved by another version of the program, in this format.
        case otherFormat(Int)
        /// This program's format, but a field is missing or of the wrong kind.
        case badField
    }

    /// Reads a session file; answers stay raw until a dialogue checks them.
    static func read(_ bytes: [UInt8]) throws(ReadError) -> SessionRecord {
        /// Version 1 wrote its format as a string; any other layout has none.
        struct Probe: Decodable {
            let format: Int?
            enum Keys: String, CodingKey { case format }
            init(from decoder: Decoder) throws {
                let c = try decoder.container(keyedBy: Keys.self)
                if let n = try? c.decode(Int.self, forKey: .format) {
                    format = n
                } else if (try? c.decode(String.self, forKey: .format)) != nil {
                    format = 1
                } else {
                    format = nil
                }
            }
        }
        let data = Data(bytes)
        guard let probe = try? JSONDecoder().decode(Probe.self, from: data) else {
            throw .notJSON
        }
        guard let format = probe.format else { throw .noFormat }
        guard format == currentFormat else { throw .otherFormat(format) }
        do {
            return try JSONDecoder().decode(SessionRecord.self, from: data)
        } catch {
            throw .badField
        }
    }

    var rawAnswers: [(String, CaseValue)] { answers.map { ($0.question, $0.value.caseValue) } }
}

extension Language: Codable {}
extension Audience: Codable {}

extension CivilDate: Codable {
    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let date = CivilDate(iso: text), CivilDate.supported.contains(date) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a date YYYY-MM-DD in range"))
        }
        self = date
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(iso)
    }
}

extension SessionRecord {
    /// Brings the record up to the interview: its answers in the order given, and
    /// what `resume` lists (the subject, the last question or the result).
    mutating func update(from interview: Interview, language: Language, now: String) {
        let dialogue = interview.dialogue
        answers = interview.order.compactMap { q in
            interview.answers[q].map { Answer(question: dialogue.questions[q].id, value: .init($0)) }
        }
        updated = now
        let renderer = TextRenderer(dialogue: dialogue, language: language)
        subjectLabel = interview.answeredPath.first.map { renderer.format($0.value, question: dialogue.questions[$0.question]) }
        finished = false
        outcome = nil
        switch interview.state {
        case .finished(let result):
            finished = true
            outcome = dialogue.outcomes[result.outcome].id
            progressLabel = renderer.fill(dialogue.outcomes[result.outcome].title, result: result, today: interview.today)
        case .asking(let q):
            progressLabel = dialogue.questions[q].label.text(language)
        case .stuck:
            break
        }
    }

    /// A new interview in the same settings: a new id, no answer.
    func restarted(id: String, now: String) -> SessionRecord {
        SessionRecord(
            id: id, dialogueFile: dialogueFile, dialogueID: dialogueID, dialogueVersion: dialogueVersion, language: language,
            audience: audience, todayOverride: todayOverride, created: now, updated: now, finished: false, outcome: nil, answers: [])
    }
}
