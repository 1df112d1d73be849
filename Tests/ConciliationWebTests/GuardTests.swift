import DialogueAuthoring
import DialogueKit
import Foundation
import HTTPTypes
import Hummingbird
import Logging
import Synchronization
import Testing

@testable import ConciliationWeb

@Suite("Cross-site posts, the page's language, French spacing")
struct GuardTests {
    @Test("The form's token must equal the cookie's, and the post must not come from another site")
    func csrf() {
        let token = CSRFGuard.newToken()
        #expect(CSRFGuard.isWellFormed(token) && token != CSRFGuard.newToken())
        #expect(CSRFGuard.accepts(cookie: token, form: token, fetchSite: nil))
        #expect(CSRFGuard.accepts(cookie: token, form: token, fetchSite: "same-origin"))
        #expect(!CSRFGuard.accepts(cookie: token, form: token, fetchSite: "cross-site"))
        #expect(!CSRFGuard.accepts(cookie: token, form: token, fetchSite: "same-site"))
        #expect(!CSRFGuard.accepts(cookie: nil, form: token, fetchSite: nil))
        #expect(!CSRFGuard.accepts(cookie: token, form: nil, fetchSite: nil))
        #expect(!CSRFGuard.accepts(cookie: token, form: String(token.dropLast()) + "x", fetchSite: nil))
        #expect(!CSRFGuard.accepts(cookie: "abc", form: "abc", fetchSite: nil), "a token this site never gives")
        #expect(CSRFGuard.cookie(token, secure: true).hasSuffix("; HttpOnly; SameSite=Strict; Secure"))
    }

    @Test("The token is read from the Cookie headers as Hummingbird reads a cookie")
    func cookieToken() {
        let token = CSRFGuard.newToken()
        let cases: [[String]] = [
            [], ["csrf=\(token)"], ["a=1; csrf=\(token); b=2"], ["a=1", "  csrf=\(token)"], ["xcsrf=1; csrf=\(token)"],
            ["csrf=first; csrf=second"], ["csrf"], ["csrf="], ["csrf=; csrf=\(token)"], ["a=b;;csrf=\(token)"], ["csrfx=1"],
            ["a=1;\tcsrf=\(token)"], ["é=1; csrf=ü"], ["a=1;\u{A0}csrf=\(token)"], ["a=1;\u{2003}\tcsrf=x"], ["\u{85}csrf=y"],
        ]
        for headers in cases {
            #expect(CSRFGuard.token(inCookies: headers, secure: false) == Cookies(from: headers)["csrf"]?.value, "\(headers)")
            let hosted = headers.map { $0.replacingOccurrences(of: "csrf", with: "__Host-csrf") }
            #expect(CSRFGuard.token(inCookies: hosted, secure: true) == Cookies(from: hosted)["__Host-csrf"]?.value, "\(hosted)")
        }
        #expect(CSRFGuard.token(inCookies: ["a=1; csrf=\(token)"], secure: false) == token)
        #expect(CSRFGuard.token(inCookies: ["a=1; csrf=\(token)"], secure: true) == nil, "over HTTPS a plain cookie is not read")
    }

    @Test("The address names the language, else the browser's first the page speaks, else French")
    func language() {
        #expect(LanguageChoice.choose(named: "en", acceptLanguage: "fr") == .en)
        #expect(LanguageChoice.choose(named: "de", acceptLanguage: "en-GB,en;q=0.8") == .en)
        #expect(LanguageChoice.choose(named: nil, acceptLanguage: "de-DE,en;q=0.5,fr;q=0.7") == .fr)
        #expect(LanguageChoice.choose(named: nil, acceptLanguage: "fr;q=0, en") == .en)
        #expect(LanguageChoice.choose(named: nil, acceptLanguage: "de") == .fr)
        #expect(LanguageChoice.choose(named: nil, acceptLanguage: nil) == .fr)
    }

    @Test("In French, : ; ? ! » keep their space without a break, and so does «")
    func typeset() {
        #expect(
            WebText.typeset("Pourquoi ? Voici : « oui » ; non !", .fr) == "Pourquoi\u{A0}? Voici\u{A0}: «\u{A0}oui\u{A0}»\u{A0}; non\u{A0}!"
        )
        #expect(WebText.typeset("Why? Here: yes", .en) == "Why? Here: yes")
        #expect(WebText.typeset("le 05/11/2026 à 10:00", .fr) == "le 05/11/2026 à 10:00")
    }

    @Test("French spacing found sign by sign is the spacing found space by space, on random texts")
    func typesetAsSpaceBySpace() {
        var generator = SplitMix64(seed: 13)
        let pieces = [" ", " ", ":", ";", "?", "!", "«", "»", "a", "é", "\u{A0}", "Â", "¢"]
        var changed = 0
        for _ in 0..<5_000 {
            let text = (0..<Int(generator.next() % 24)).map { _ in pieces[Int(generator.next() % UInt64(pieces.count))] }.joined()
            let set = WebText.typeset(text, .fr)
            #expect(set == spaceBySpace(text), "\(text.debugDescription)")
            if set != text { changed += 1 }
        }
        #expect(changed > 1_000)
    }

    @Test("A text typeset and escaped in one pass is the text typeset, then escaped, in both languages")
    func escapedInOnePass() {
        var generator = SplitMix64(seed: 29)
        let pieces = [" ", ":", "?", "«", "»", "<", ">", "&", "\"", "'", "a", "é", "\u{A0}", String(repeating: "x", count: 70)]
        var escapedSome = 0
        for _ in 0..<5_000 {
            let text = (0..<Int(generator.next() % 20)).map { _ in pieces[Int(generator.next() % UInt64(pieces.count))] }.joined()
            for language in Language.allCases {
                guard case .escaped(let bytes) = WebText.escaped(text, language) else {
                    Issue.record("not an escaped text")
                    return
                }
                var expected: [UInt8] = []
                HTMLEscaping.append(WebText.typeset(text, language), to: &expected)
                #expect(bytes == expected, "\(text.debugDescription) \(language)")
                if bytes.count > text.utf8.count + 2 { escapedSome += 1 }
            }
        }
        #expect(escapedSome > 1_000)
    }

    @Test("The event loops: one per processor of the affinity mask, within what NIO counts")
    func eventLoops() {
        #expect(EventLoops.allowedProcessors(status: "Name:\tx\nCpus_allowed:\t1\nCpus_allowed_list:\t0\n") == 1)
        #expect(EventLoops.allowedProcessors(status: "Cpus_allowed:\t3\n") == 2)
        #expect(EventLoops.allowedProcessors(status: "Cpus_allowed:\tffffffff,00000000,80000001\n") == 34)
        #expect(EventLoops.allowedProcessors(status: "Cpus_allowed:\t00000000\n") == nil, "an empty mask is not read")
        #expect(EventLoops.allowedProcessors(status: "Cpus_allowed:\tzz\n") == nil)
        #expect(EventLoops.allowedProcessors(status: "Name:\tx\n") == nil)
        #expect(EventLoops.allowedProcessors(status: nil) == nil)
        #expect(EventLoops.count(allowed: 1, available: 8) == 1)
        #expect(EventLoops.count(allowed: 16, available: 4) == 4, "a container's quota is kept")
        #expect(EventLoops.count(allowed: nil, available: 4) == 4)
        #expect(EventLoops.count(allowed: nil, available: 0) == 1)
    }

    @Test("The headers read in one pass are those HTTPFields' subscripts give, on random requests")
    func headersInOnePass() {
        let names: [HTTPField.Name] = [
            .contentType, .contentLength, .acceptLanguage, .secFetchSite, .xForwardedProto, .cookie, .accept, .userAgent,
            HTTPField.Name("content-TYPE")!, HTTPField.Name("COOKIE")!, HTTPField.Name("Accept-language")!,
        ]
        let values = ["", "fr", "en-GB,en;q=0.8", "application/x-www-form-urlencoded", "12", "same-origin", "https", "a=1; csrf=x", "é ü"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            var fields = HTTPFields()
            for _ in 0..<Int.random(in: 0...9, using: &generator) {
                fields.append(HTTPField(name: names.randomElement(using: &generator)!, value: values.randomElement(using: &generator)!))
            }
            let headers = RequestHeaders(fields)
            #expect(headers.contentType == fields[.contentType], "\(fields)")
            #expect(headers.contentLength == fields[.contentLength], "\(fields)")
            #expect(headers.acceptLanguage == fields[.acceptLanguage], "\(fields)")
            #expect(headers.secFetchSite == fields[.secFetchSite], "\(fields)")
            #expect(headers.forwardedProto == fields[.xForwardedProto], "\(fields)")
            #expect(headers.cookies == fields[values: .cookie], "\(fields)")
        }
    }

    @Test("The server's log writes warnings and errors with their metadata, and nothing below")
    func serverLog() {
        let lines = Mutex<[String]>([])
        var logger = Logger(label: "conciliation-serve") { ServerLog(label: $0) { line in lines.withLock { $0.append(line) } } }
        logger[metadataKey: "hb.request.id"] = "7"
        logger.info("not shown")
        logger.debug("not shown either")
        logger.error("request failed", metadata: ["error": "DecodingError", "hb.request.id": "8"])
        logger[metadataKey: "hb.request.id"] = nil
        logger.warning("slow")
        let written = lines.withLock { $0 }
        #expect(written.count == 2, "\(written)")
        #expect(
            written.first?.hasSuffix(" conciliation-serve error: request failed error=DecodingError hb.request.id=8") == true, "\(written)")
        #expect(written.last?.hasSuffix(" conciliation-serve warning: slow") == true, "\(written)")
        #expect(written.first.flatMap { ISO8601DateFormatter().date(from: String($0.prefix { $0 != " " })) } != nil, "\(written)")
    }

    @Test("An error becomes a page with its status; one not expected is logged by its type alone")
    func problemPages() throws {
        struct Unforeseen: Error { let answer = "2026-10-01" }
        let site = try WebSite(dialogue: try shipped(), today: testToday)
        let lines = Mutex<[String]>([])
        let logger = Logger(label: "conciliation-serve") { ServerLog(label: $0) { line in lines.withLock { $0.append(line) } } }
        func request(_ path: String, language: String? = nil) -> Request {
            var head = HTTPRequest(method: .post, scheme: nil, authority: nil, path: path)
            if let language { head.headerFields[.acceptLanguage] = language }
            return Request(head: head, body: .init(buffer: ByteBuffer()))
        }
        let unexpected = ProblemPages.page(for: Unforeseen(), request: request("/", language: "en"), site: site, logger: logger)
        #expect(unexpected.response.status == .internalServerError && unexpected.kind == .problem && unexpected.refusal == .unexpected)
        let logged = lines.withLock { $0 }
        #expect(logged.count == 1 && logged[0].hasSuffix("error: request failed error=Unforeseen"), "\(logged)")
        #expect(!logged.joined().contains("2026-10-01"), "no part of the request or the error's values is logged")
        #expect(
            ProblemPages.page(for: HTTPError(.contentTooLarge), request: request("/"), site: site, logger: logger).response.status
                == .contentTooLarge)
        #expect(ProblemPages.page(for: HTTPError(.notFound), request: request("/x"), site: site, logger: logger).refusal == .notFound)
        #expect(
            ProblemPages.page(for: HTTPError(.badRequest), request: request("/"), site: site, logger: logger).response.status == .badRequest
        )
        #expect(lines.withLock { $0.count } == 1, "an error this site expects is not logged")
    }

    /// Each space looked at in turn: kept before : ; ? ! » and after «.
    private func spaceBySpace(_ text: String) -> String {
        let bytes = Array(text.utf8)
        var out: [UInt8] = []
        for (i, b) in bytes.enumerated() {
            let next = i + 1 < bytes.count ? bytes[i + 1] : 0
            let after = i + 2 < bytes.count ? bytes[i + 2] : 0
            let afterOpening = i >= 2 && bytes[i - 2] == 0xC2 && bytes[i - 1] == 0xAB
            if b == 0x20, afterOpening || [0x3A, 0x3B, 0x3F, 0x21].contains(next) || (next == 0xC2 && after == 0xBB) {
                out += [0xC2, 0xA0]
            } else {
                out.append(b)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}

/// Issue 29, point 9: the page refused only controls below 0x20 in a letter field.
@Suite("The page's letter fields: the one rule for controls")
struct LetterFieldControlTests {
    @Test(
        "A C1 control, DEL or a bidirectional override in a letter field is refused with the field named",
        arguments: ["\u{9B}2J", "Marie\u{7F}", "Marie \u{202E}tnoD", "\u{2066}x\u{2069}"])
    func refused(text: String) {
        var fields = LetterFields()
        fields.values = [.name: text, .address: "3 rue des Lilas", .nir: "184127645108946", .caisse: "CPAM du Bas-Rhin"]
        guard case .problems(let problems) = fields.check(citesADecision: false) else {
            Issue.record("accepted")
            return
        }
        #expect(problems[.name] == .fieldControlCharacters)
        #expect(problems.count == 1)
    }

    @Test("12,000 combining marks make one character shown but 24,000 bytes: refused as too long")
    func combiningMarks() {
        var fields = LetterFields()
        let name = "e" + String(repeating: "\u{301}", count: 12_000)
        #expect(name.count == 1)
        fields.values = [.name: name, .address: "3 rue des Lilas", .nir: "184127645108946", .caisse: "CPAM du Bas-Rhin"]
        guard case .problems(let problems) = fields.check(citesADecision: false) else {
            Issue.record("accepted")
            return
        }
        #expect(problems[.name] == .fieldTooLong(characters: 200))
    }
}
