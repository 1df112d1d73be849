import DialogueAuthoring
import DialogueKit
import Testing

@testable import ConciliationWeb

@Suite("French spacing and escaping on the page")
struct WebTextTests {
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
