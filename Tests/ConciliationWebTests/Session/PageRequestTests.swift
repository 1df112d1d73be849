import DialogueAuthoring
import DialogueKit
import Testing

@testable import ConciliationWeb

@Suite("A request read back: the session its cookie carries and the button pressed")
struct PageRequestTests {
    let parser = AnswerParser(today: testToday, language: .fr)

    /// The session's fields in the cookie, the others in the form posted.
    func request(_ pairs: [(String, String)], _ dialogue: Dialogue) throws(PageRefusal) -> PageRequest {
        try PageRequest(
            session: form(pairs.filter { PageRequest.session($0.0) != nil }), form: form(pairs.filter { PageRequest.session($0.0) == nil }),
            dialogue: dialogue, parser: parser)
    }

    func refusal(_ pairs: [(String, String)]) throws -> WebSentence? {
        let dialogue = try shipped()
        do throws(PageRefusal) {
            _ = try request(pairs, dialogue)
            return nil
        } catch {
            return error.reason
        }
    }

    @Test("Each answer of the session goes through the answer parser; one that does not hold refuses the request")
    func sessionAnswersAreParsed() throws {
        #expect(try refusal([("a.notified_on", "2026-10-01"), ("do", "show")]) == nil)
        #expect(try refusal([("a.notified_on", "2026-13-45"), ("do", "show")]) != nil)
        #expect(try refusal([("a.subject", "nuclear"), ("do", "show")]) != nil)
        #expect(try refusal([("a.evil", "1"), ("do", "show")]) == .unknownQuestion("evil"))
        #expect(try refusal([("s.evil", "1"), ("do", "show")]) == .unknownQuestion("evil"))
        #expect(try refusal([("a.subject", "decision-admin")]) == .fieldMissing("do"))
        #expect(try refusal([("do", "next"), ("answer", "x")]) == .fieldMissing("q"))
        #expect(try refusal([("do", "explode")]) == .unknownButton("explode"))
        #expect(try refusal([("do", "edit:nowhere")]) == .unknownQuestion("nowhere"))
    }

    @Test("A session field's name read by bytes as by its prefixes, on random names")
    func sessionFieldNames() {
        var generator = SplitMix64(seed: 41)
        let pieces = ["a", "s", ".", "a.", "s.", "é", "x", "subject", " ", "A.", "\u{301}", "-"]
        var read = 0
        for _ in 0..<10_000 {
            let name = (0..<Int(generator.next() % 5)).map { _ in pieces[Int(generator.next() % UInt64(pieces.count))] }.joined()
            // By scalars: a combining mark after the prefix's "." does not hide the prefix.
            let scalars = name.unicodeScalars
            let expected: (String, Bool)? =
                scalars.starts(with: SessionCookie.answerPrefix.unicodeScalars)
                ? (String(scalars.dropFirst(2)), true)
                : scalars.starts(with: SessionCookie.setAsidePrefix.unicodeScalars) ? (String(scalars.dropFirst(2)), false) : nil
            let got = PageRequest.session(name)
            #expect(got?.id == expected?.0 && got?.isAnswer == expected?.1, "\(name.debugDescription)")
            if got != nil { read += 1 }
        }
        #expect(read > 1_000)
        let empty = PageRequest.session("a.")
        #expect(empty?.id == "" && empty?.isAnswer == true, "an empty id is read, then refused as unknown")
    }

    @Test("The buttons")
    func buttons() throws {
        let dialogue = try shipped()
        func event(_ pairs: [(String, String)]) throws -> PageEvent {
            try request(pairs, dialogue).event
        }
        #expect(try event([("do", "start")]) == .show)
        #expect(try event([("do", "lang-en")]) == .show)
        #expect(try event([("do", "back")]) == .back(question: nil))
        #expect(try event([("do", "back"), ("q", "notified_on")]) == .back(question: 4))
        #expect(
            try event([("do", "next"), ("q", "subject"), ("answer", "4"), ("mode", "edit")])
                == .answer(question: 0, text: "4", unknown: false, editing: true))
        #expect(try event([("do", "unknown"), ("q", "notified_on")]) == .answer(question: 4, text: "", unknown: true, editing: false))
        #expect(try event([("do", "edit:subject")]) == .edit(question: 0))
        #expect(try event([("do", "export-json")]) == .export(.json))
        #expect(try event([("do", "export-md")]) == .export(.markdown))
        #expect(try event([("do", "letter-md"), ("name", "A")]) == .letterDownload(LetterFields(values: [.name: "A"]), markdown: true))
    }
}

@Suite("The session cookie")
struct SessionCookieTests {
    @Test("Read back as written: the answers, those set aside, the language, the flash; no byte a cookie cannot carry")
    func roundTrip() throws {
        let dialogue = try shipped()
        var m = try walk(dialogue, craPath)
        _ = m.back()
        let q = try #require(m.interview.answeredPath.first).question
        let flash = PageFlash(attempt: .init(question: q, text: "é ;,\"=&+%", unknown: true, editing: true), setAside: [1, 2])
        let cookie = SessionCookie(interview: m.interview, language: .en, flash: flash)
        #expect(
            cookie.value.utf8.allSatisfy {
                $0 > 0x20 && $0 < 0x7F && ![UInt8(ascii: ";"), UInt8(ascii: ","), UInt8(ascii: "\"")].contains($0)
            })
        let read = try SessionCookie.read(cookie.value)
        #expect(read.languageName == "en" && read.flash(dialogue) == flash)
        let (again, _) = try machine(dialogue, [("do", "show")], session: read.fields.map { ($0.name, $0.value) })
        #expect(again.interview.answeredPath.map(\.question) == m.interview.answeredPath.map(\.question))
        #expect(again.interview.setAside.count == m.interview.setAside.count && !m.interview.setAside.isEmpty)
        #expect(cookie.setCookie(secure: false).hasSuffix("; Path=/; HttpOnly; SameSite=Strict"))
        #expect(cookie.setCookie(secure: true).hasPrefix("__Host-session=") && cookie.setCookie(secure: true).hasSuffix("; Secure"))
    }

    @Test("Every question answered and as many set aside, with a long text refused: the answers always fit a cookie")
    func bounded() throws {
        let dialogue = try shipped()
        let widest: [(question: Int, value: Value)] = dialogue.questions.map { q in
            switch q.kind {
            case .date: return (q.slot, .date(testToday))
            case .yesNo: return (q.slot, .bool(true))
            case .text: return (q.slot, .string("2A"))
            case .choice(let choices): return (q.slot, .string(choices.map(\.value).max { $0.utf8.count < $1.utf8.count }!))
            }
        }
        let interview = Interview(dialogue: dialogue, today: testToday, answers: widest, setAside: widest)
        let long = PageFlash(attempt: .init(question: 0, text: String(repeating: "é", count: 1_000), unknown: false, editing: false))
        let cookie = SessionCookie(interview: interview, language: .fr, flash: long)
        #expect(cookie.setCookie(secure: true).utf8.count < 4_096)
        let kept = Set(cookie.fields.map(\.name))
        for (q, _) in widest where interview.answers[q] != nil {
            #expect(kept.contains(SessionCookie.answerPrefix + dialogue.questions[q].id), "an answer is never left out")
        }
    }
}

@Suite("A form's fields, read with bounds")
struct FormFieldsTests {
    @Test("Escapes, spaces as +, UTF-8")
    func decoding() throws {
        let fields = try FormFields(urlEncoded: Array("a=1+2&b=%C3%A9t%C3%A9&c&d=".utf8))
        #expect(fields["a"] == "1 2" && fields["b"] == "été" && fields["c"] == "" && fields["d"] == "")
        let raw = try FormFields(urlEncoded: Array("é=ü😀".utf8))
        #expect(raw["é"] == "ü😀")
    }

    @Test("A broken escape, bytes that are not UTF-8, a name twice, too many fields")
    func refusals() {
        #expect(throws: FormFields.Problem.badEncoding) { try FormFields(urlEncoded: Array("a=%4".utf8)) }
        #expect(throws: FormFields.Problem.badEncoding) { try FormFields(urlEncoded: Array("a=%zz".utf8)) }
        #expect(throws: FormFields.Problem.badEncoding) { try FormFields(urlEncoded: Array("a=%FF".utf8)) }
        // Bytes that decoding would mend into as many bytes (a cut four-byte character), escaped or not.
        #expect(throws: FormFields.Problem.badEncoding) { try FormFields(urlEncoded: Array("a=%F0%90%80".utf8)) }
        #expect(throws: FormFields.Problem.badEncoding) { try FormFields(urlEncoded: Array("a=".utf8) + [0xF0, 0x90, 0x80]) }
        #expect(throws: FormFields.Problem.badEncoding) { try FormFields(urlEncoded: [0xED, 0xA0, 0x80] + Array("=1".utf8)) }
        #expect(throws: FormFields.Problem.repeated("a")) { try FormFields(urlEncoded: Array("a=1&a=2".utf8)) }
        let many = (0...FormFields.maximumCount).map { "f\($0)=1" }.joined(separator: "&")
        #expect(throws: FormFields.Problem.tooManyFields) { try FormFields(urlEncoded: Array(many.utf8)) }
    }
}
