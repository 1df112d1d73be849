import DialogueKit
import Testing

@testable import ConciliationCLI

/// The terminal's catalogue: what it words its own way.
@Suite("The terminal's words")
struct CLIMessageTests {
    @Test("A refusal in the terminal's words: its command and its Tab key where they help, the core's words elsewhere")
    func refusalInTheTerminalsWords() {
        #expect(CLIMessage.refused(.empty).text(.fr) == "Tapez une réponse, ou :aide pour de l'aide.")
        #expect(CLIMessage.refused(.needed).text(.en).contains(":help"))
        #expect(CLIMessage.refused(.choiceExpected(count: 4)).text(.fr).contains("(Tab complète)"))
        let day = AnswerError.noSuchDay(day: 31, month: 4, year: 2026, days: 30)
        #expect(CLIMessage.refused(day).text(.fr) == day.sentence(.fr))
    }
}
