import DialogueKit
import Foundation
import Testing

@testable import ConciliationCLI

@Suite("Word wrap for the terminal")
struct WordWrapTests {
    @Test func breaksBetweenWordsAndKeepsListIndentation() {
        let text = "  1. Écrivez à la commission de recours amiable de votre caisse au plus tard le lundi 7 décembre 2026."
        let wrapped = WordWrap.wrap(text, width: 40)
        #expect(
            wrapped == """
                  1. Écrivez à la commission de recours
                     amiable de votre caisse au plus
                     tard le lundi 7 décembre 2026.
                """)
        #expect(wrapped.split(separator: "\n").allSatisfy { $0.count <= 40 })
    }

    @Test func aColouredNumberStillIndentsItsChoice() {
        let line = "  \u{1B}[36m1\u{1B}[0m. Une décision administrative (refus de remboursement ou de prise en charge)"
        let wrapped = WordWrap.wrap(line, width: 40).split(separator: "\n")
        #expect(wrapped.count > 1)
        #expect(wrapped.dropFirst().allSatisfy { $0.hasPrefix("     ") && !$0.hasPrefix("      ") })
    }

    @Test func colourCodesDoNotCount() {
        let coloured = "\u{1B}[1mQuestion\u{1B}[0m"
        #expect(WordWrap.wrap(coloured, width: 20) == coloured)
    }
    @Test("Display columns: a combining accent takes none, a wide character or an emoji two")
    func displayColumns() {
        #expect(DisplayWidth.columns("de\u{301}cision") == 8)
        #expect(DisplayWidth.columns("décision") == 8)
        #expect(DisplayWidth.columns("日本語") == 6)
        #expect(DisplayWidth.columns("🙂 ok") == 5)
        #expect(DisplayWidth.columns("👨‍👩‍👧") == 2)
        #expect(DisplayWidth.columns("\u{1B}[36m1\u{1B}[0m.") == 2)
    }

    @Test("Lines with combining accents or wide characters are wrapped by the columns they take")
    func wrapsByColumns() {
        let decomposed = String(repeating: "de\u{301}cision ", count: 8)  // 9 columns a word with its space
        let lines = WordWrap.wrap(decomposed, width: 40).split(separator: "\n")
        #expect(lines.count == 2, "72 columns wrap once at 40, not by the 88 scalars")
        #expect(lines.allSatisfy { DisplayWidth.columns($0) <= 40 })
        let wide = String(repeating: "日本語 ", count: 10)  // 7 columns a word with its space
        #expect(WordWrap.wrap(wide, width: 40).split(separator: "\n").allSatisfy { DisplayWidth.columns($0) <= 40 })
    }

    @Test("On a wide terminal, prose stops at 100 columns")
    func readableWidth() {
        let long = String(repeating: "mot ", count: 60)
        let lines = WordWrap.wrap(long, width: 160).split(separator: "\n")
        #expect(lines.count > 1)
        #expect(lines.allSatisfy { DisplayWidth.columns($0) <= 100 })
    }

    @Test("« is never left alone at a line end, and ? never starts a line", arguments: [40, 41, 42, 43, 44, 45, 46, 47, 48, 60])
    func frenchPunctuationStaysWithItsWord(width: Int) {
        let text = "Répondez « je ne sais pas » si vous ne savez pas : la question revient ensuite ; est-ce clair ? oui !"
        for line in WordWrap.wrap(text, width: width).split(separator: "\n") {
            #expect(!line.hasSuffix("«"), "\(line)")
            #expect(!line.trimmingCharacters(in: .whitespaces).hasPrefix("?"), "\(line)")
            #expect(!line.trimmingCharacters(in: .whitespaces).hasPrefix(":"), "\(line)")
            #expect(!line.trimmingCharacters(in: .whitespaces).hasPrefix("»"), "\(line)")
        }
        #expect(!WordWrap.wrap(text, width: width).contains("\u{E000}"))
        #expect(WordWrap.wrap(text, width: width).replacingOccurrences(of: "\n", with: " ").contains("« je ne sais pas »"))
    }

    @Test("A command is a word, not punctuation: the line may break before « :aide »")
    func aCommandStartsALine() {
        // 34 columns up to "ou": ":aide" goes to the next line rather than
        // dragging "ou" with it or overflowing.
        let wrapped = WordWrap.wrap("tapez une réponse, ou encore bien :aide pour de l'aide", width: 36)
        #expect(wrapped == "tapez une réponse, ou encore bien\n:aide pour de l'aide")
        #expect(WordWrap.wrap("Entrée : non, ou encore bien d'autres", width: 20) == "Entrée : non, ou\nencore bien d'autres")
    }
}
