import DialogueKit

/// One interview as saved on disk: where it came from, its answers in the order
/// given, and whether it ended. Written after every answer (`SessionStore`).
///
/// The file is one flat JSON object; each answer is stored under `answer:ID` in
/// the same form `triage` reads, so that it is read back by the same checks.
struct SessionRecord: Equatable {
    static let format = "conciliation-session-1"

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
    var answers: [(question: String, value: Value)]

    static func == (a: SessionRecord, b: SessionRecord) -> Bool {
        a.json() == b.json()
    }

    func json() -> [UInt8] {
        var w = JSONWriter()
        func field(_ key: String, _ value: Value, first: Bool = false) {
            if !first { w.raw(",") }
            w.key(key)
            w.value(value)
        }
        w.raw("{")
        field("format", .string(SessionRecord.format), first: true)
        field("id", .string(id))
        field("dialogue_file", .string(dialogueFile))
        field("dialogue", .string(dialogueID))
        field("version", .string(dialogueVersion))
        field("lang", .string(language.rawValue))
        field("audience", .string(audience.rawValue))
        field("today", todayOverride.map(Value.date) ?? .null)
        field("created", .string(created))
        field("updated", .string(updated))
        field("finished", .bool(finished))
        field("outcome", outcome.map(Value.string) ?? .null)
        for (question, value) in answers {
            w.raw("\n,")
            w.key("answer:" + question)
            w.value(value)
        }
        w.raw("}\n")
        return w.bytes
    }

    enum ReadError: Error, Equatable {
        case notASession(String)
    }

    /// Reads a session file; answers stay raw until a dialogue checks them.
    static func read(_ bytes: [UInt8]) throws(ReadError) -> (record: SessionRecord, rawAnswers: [(String, CaseValue)]) {
        guard case .object(let pairs) = bytes.withUnsafeBufferPointer({ CaseJSON.parse($0) }) else {
            throw .notASession("not a JSON object")
        }
        var fields: [String: CaseValue] = [:]
        var raw: [(String, CaseValue)] = []
        for (key, value) in pairs {
            if key.hasPrefix("answer:") {
                raw.append((String(key.dropFirst(7)), value))
            } else {
                fields[key] = value
            }
        }
        func string(_ key: String) throws(ReadError) -> String {
            guard case .string(let s)? = fields[key] else { throw .notASession("missing \(key)") }
            return s
        }
        guard try string("format") == format else { throw .notASession("unknown format") }
        var today: CivilDate?
        if case .string(let s)? = fields["today"] { today = CivilDate(iso: s) }
        var outcome: String?
        if case .string(let s)? = fields["outcome"] { outcome = s }
        let record = SessionRecord(
            id: try string("id"), dialogueFile: try string("dialogue_file"), dialogueID: try string("dialogue"),
            dialogueVersion: try string("version"), language: Language(rawValue: try string("lang")) ?? .fr,
            audience: Audience(rawValue: try string("audience")) ?? .self, todayOverride: today,
            created: try string("created"), updated: try string("updated"),
            finished: fields["finished"] == .bool(true), outcome: outcome, answers: [])
        return (record, raw)
    }
}
