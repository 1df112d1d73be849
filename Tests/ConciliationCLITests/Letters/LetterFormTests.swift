import Testing

@testable import ConciliationCLI

/// The letter's details, asked one by one: the same form for `:lettre` and `letter`.
@Suite("The letter's form")
struct LetterFormTests {
    @Test(
        "A letter detail holding a C1 control, DEL or a bidirectional override is refused, as below 0x20",
        arguments: ["\u{9B}2J", "\u{7F}", "Marie \u{202E}tnoD", "\u{2067}x"])
    func detailsWithControls(control: String) {
        var form = LetterForm(needsReference: false, asksWording: false)
        #expect(form.accept(control) == .refused(.controlCharactersInDetail))
        #expect(form.accept("Marie Dupont") == .accepted(notes: []), "the question stays, and a plain answer is taken")
    }
}
