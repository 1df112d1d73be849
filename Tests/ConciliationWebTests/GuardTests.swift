import DialogueKit
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
}
