import DialogueKit
import Hummingbird
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
            #expect(CSRFGuard.token(inCookies: headers) == Cookies(from: headers)["csrf"]?.value, "\(headers)")
        }
        #expect(CSRFGuard.token(inCookies: ["a=1; csrf=\(token)"]) == token)
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
