import Testing

@testable import ConciliationWeb

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
