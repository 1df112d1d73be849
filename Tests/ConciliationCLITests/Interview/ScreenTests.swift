import DialogueFixtures
import DialogueKit
import Testing

@testable import ConciliationCLI

@Suite("The terminal's drawing of a question")
struct ScreenTests {
    let dialogue: Dialogue

    init() throws { dialogue = try loadShipped() }

    func screen(_ language: Language, width: Int?) -> Screen {
        Screen(dialogue: dialogue, language: language, audience: .self, style: Style(enabled: false), width: width)
    }

    @Test(
        "What to type for « I don't know » and for help is never cut in two, at any width; the line breaks between hints",
        arguments: [Language.fr, .en])
    func shortHintsStayWhole(language: Language) {
        let help = CLIMessage.hintHelp.text(language)
        var questionsSeen = 0
        for (q, question) in dialogue.questions.enumerated() {
            guard let unknown = question.unknown else { continue }
            questionsSeen += 1
            let quoted = CLIMessage.quoted(unknown.text(language)).text(language)
            for width in stride(from: 40, through: 100, by: 3) {
                let text = screen(language, width: width).render(.question(q, progress: nil, brief: false, enterKeeps: nil))
                #expect(text.contains(quoted), "\(question.id) at \(width) columns:\n\(text)")
                #expect(text.contains(help), "\(question.id) at \(width) columns:\n\(text)")
                #expect(!text.contains(WordWrap.glue))
                for line in text.split(separator: "\n") {
                    #expect(DisplayWidth.columns(line) <= width, "\(question.id) at \(width) columns: \(line)")
                }
            }
            let unwrapped = screen(language, width: nil).render(.question(q, progress: nil, brief: false, enterKeeps: nil))
            #expect(unwrapped.contains(quoted) && unwrapped.contains(help) && !unwrapped.contains(WordWrap.glue))
        }
        #expect(questionsSeen > 10)
    }
}
