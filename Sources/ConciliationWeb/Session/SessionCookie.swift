import DialogueKit

/// The session of one browser, in a cookie: the language, the answers, the
/// answers set aside, and what the last post left to show once (`PageFlash`).
///
/// Every post is answered by a redirect (303) to an address that names a step and
/// no answer (`?step=3`), and that page is drawn from this cookie. The browser's
/// history then holds only such addresses: its Back button shows the previous
/// question again instead of asking to send a form again, and no answer ever
/// appears in an address. The cookie has no expiry, so the browser keeps it in
/// memory only and forgets it when it closes; no script reads it (`HttpOnly`); no
/// other site's page sends it (`SameSite=Strict`); over HTTPS it is
/// `__Host-session`, as the form token is. The server keeps nothing: any
/// instance draws any page, and the cookie's answers go through the answer parser
/// as a typed answer does.
struct SessionCookie {
    /// The fields, as a form names them.
    let fields: [(name: String, value: String)]

    /// The cookie's name over plain HTTP and over HTTPS.
    static func name(secure: Bool) -> String { secure ? "__Host-session" : "session" }

    /// Browsers keep a cookie of 4,096 bytes, its name included: past this, what
    /// a flash repeats (the text refused) and then the answers set aside are left
    /// out, never an answer. The longest path of the shipped rules takes 1.3 kB.
    static let maximumLength = 3_900

    /// The prefixes of the fields: an answer, an answer set aside; and the names
    /// of the language and of the flash.
    static let answerPrefix = "a."
    static let setAsidePrefix = "s."
    static let language = "lang"
    enum FlashField: String, CaseIterable {
        case question = "f.q", text = "f.text", unknown = "f.unknown", editing = "f.edit", setAside = "f.setaside"
    }

    init(fields: [(name: String, value: String)]) {
        self.fields = fields
    }

    /// The session of `interview` in `language`, with what the page it leads to
    /// shows once.
    init(interview: Interview, language: Language, flash: PageFlash) {
        let dialogue = interview.dialogue
        var fields: [(name: String, value: String)] = [(Self.language, language.rawValue)]
        for question in dialogue.questions {
            if let value = interview.answers[question.slot] {
                fields.append((Self.answerPrefix + question.id, AnswerParser.canonicalText(value)))
            }
        }
        let answers = fields
        var setAside: [(name: String, value: String)] = []
        for question in dialogue.questions where interview.answers[question.slot] == nil {
            if let value = interview.setAside[question.slot] {
                setAside.append((Self.setAsidePrefix + question.id, AnswerParser.canonicalText(value)))
            }
        }
        var flashFields: [(name: String, value: String)] = []
        if let attempt = flash.attempt {
            flashFields.append((FlashField.question.rawValue, dialogue.questions[attempt.question].id))
            if attempt.unknown { flashFields.append((FlashField.unknown.rawValue, "1")) }
            if attempt.editing { flashFields.append((FlashField.editing.rawValue, "1")) }
        }
        if !flash.setAside.isEmpty {
            flashFields.append((FlashField.setAside.rawValue, flash.setAside.map { dialogue.questions[$0].id }.joined(separator: " ")))
        }
        let text = flash.attempt.map { [(name: FlashField.text.rawValue, value: $0.text)] } ?? []
        // The whole first; then without the text refused; then without what is only offered again.
        let candidates = [answers + setAside + flashFields + text, answers + setAside + flashFields, answers + flashFields]
        self.fields = candidates.first { Self.encode($0).utf8.count <= Self.maximumLength } ?? answers
    }

    /// The cookie's value: the fields as a form encodes them, every byte but
    /// letters, digits and `-._~` escaped, so that no `;`, `,`, space or quote
    /// reaches the header.
    var value: String { Self.encode(fields) }

    /// The `Set-Cookie` value; `secure` when the page is served over HTTPS.
    func setCookie(secure: Bool) -> String {
        "\(Self.name(secure: secure))=\(value); Path=/; HttpOnly; SameSite=Strict" + (secure ? "; Secure" : "")
    }

    /// The fields of a cookie's value, read as a posted form is.
    static func read(_ value: String) throws(FormFields.Problem) -> SessionCookie {
        SessionCookie(fields: try FormFields(urlEncoded: Array(value.utf8)).pairs)
    }

    /// The answers and answers set aside, as `PageRequest` reads them.
    var form: FormFields { FormFields(pairs: fields) }

    /// The language the session was in.
    var languageName: String? { fields.first { $0.name == Self.language }?.value }

    /// The flash, read back; a field that names no question of the dialogue is dropped.
    func flash(_ dialogue: Dialogue) -> PageFlash {
        func field(_ f: FlashField) -> String? { fields.first { $0.name == f.rawValue }?.value }
        var flash = PageFlash()
        if let id = field(.question), let question = dialogue.question(named: id) {
            flash.attempt = PageFlash.Attempt(
                question: question.slot, text: field(.text) ?? "", unknown: field(.unknown) == "1", editing: field(.editing) == "1")
        }
        flash.setAside = (field(.setAside) ?? "").split(separator: " ").compactMap { dialogue.question(named: String($0))?.slot }
        return flash
    }

    private static func encode(_ fields: [(name: String, value: String)]) -> String {
        fields.map { escape($0.name) + "=" + escape($0.value) }.joined(separator: "&")
    }

    private static func escape(_ text: String) -> String {
        var out = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let digits = Array("0123456789ABCDEF")
                out += "%" + String(digits[Int(byte >> 4)]) + String(digits[Int(byte & 15)])
            }
        }
        return out
    }
}
