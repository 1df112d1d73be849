import Testing

@testable import ConciliationWeb

@Suite("The page's language")
struct LanguageChoiceTests {
    @Test("The address names the language, else the browser's first the page speaks, else French")
    func language() {
        #expect(LanguageChoice.choose(named: "en", acceptLanguage: "fr") == .en)
        #expect(LanguageChoice.choose(named: "de", acceptLanguage: "en-GB,en;q=0.8") == .en)
        #expect(LanguageChoice.choose(named: nil, acceptLanguage: "de-DE,en;q=0.5,fr;q=0.7") == .fr)
        #expect(LanguageChoice.choose(named: nil, acceptLanguage: "fr;q=0, en") == .en)
        #expect(LanguageChoice.choose(named: nil, acceptLanguage: "de") == .fr)
        #expect(LanguageChoice.choose(named: nil, acceptLanguage: nil) == .fr)
    }
}
