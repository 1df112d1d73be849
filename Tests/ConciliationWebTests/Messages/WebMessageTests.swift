import DialogueKit
import Testing

@testable import ConciliationWeb

/// The page's two catalogues: every text in both languages, each with its own
/// typography, and what a request sent quoted short and inert.
@Suite("The page's words: both languages, each with its typography")
struct WebMessageTests {
    /// A sentence of each kind a page shows, with values.
    let sentences: [WebSentence] = [
        .progress(number: 3, atMost: 12), .answersSetAside(labels: "Date"), .changeAnswer(label: "Date"), .fieldNeeded,
        .chooseAnAnswer, .writeAnAnswer, .fieldTooLong(characters: 200), .pageTitle(page: "Question", site: "Conciliation"),
        .notFound, .forged, .tampered("x"), .tooLarge(kibibytes: 64), .unreadable, .methodNotAllowed, .unexpected,
        .unknownQuestion("q"), .fieldRepeated("f"), .fieldMissing("f"), .unknownButton("b"), .badEncoding, .tooManyFields,
        .noResultYet, .noLetterHere,
    ]

    @Test("Every text has a French and an English wording, and a sentence's differ (but a title made of names)")
    func bothLanguages() {
        for message in WebMessage.allCases {
            let (fr, en) = message.wordings
            #expect(!fr.isEmpty && !en.isEmpty, "\(message)")
        }
        for sentence in sentences {
            let (fr, en) = sentence.wordings
            #expect(!fr.isEmpty && !en.isEmpty, "\(sentence)")
            if case .pageTitle = sentence { continue }
            #expect(fr != en, "\(sentence)")
        }
    }

    @Test("English puts no space before : ; ? ! and French puts one (made non-breaking when the page is drawn)")
    func punctuationSpacing() {
        let wordings = WebMessage.allCases.map(\.wordings) + sentences.map(\.wordings)
        for (fr, en) in wordings {
            for mark in [":", ";", "?", "!"] {
                #expect(!en.contains(" " + mark) && !en.contains("\u{A0}" + mark) && !en.contains("\u{202F}" + mark), "\(en)")
                // A French mark follows a space, or ends a link or a code such as "https:".
                for range in fr.ranges(of: mark) where range.lowerBound > fr.startIndex {
                    let before = fr[fr.index(before: range.lowerBound)]
                    #expect(before == " " || before == "\u{A0}" || before == "\u{202F}" || before.isLetter && mark == ":", "\(fr)")
                }
            }
        }
    }

    @Test("What a request sent comes back at most 40 characters long, its controls written out")
    func quotedShortAndInert() {
        let quoted = WebSentence.quoted(String(repeating: "a", count: 100_000) + "\u{0}\u{1B}\u{202E}")
        #expect(quoted.unicodeScalars.count == 41 && quoted.hasSuffix("…"))
        let inert = WebSentence.quoted("a\u{0}b\u{1B}c\u{202E}d")
        #expect(!inert.unicodeScalars.contains { $0.value < 0x20 || $0 == "\u{202E}" })
    }
}
