import Testing

@testable import DialogueKit

/// The core's catalogue: the words it builds around dates and answers, read in
/// the language chosen and only that one.
@Suite("The core's words")
struct MessageTests {
    @Test(
        "A date counted from today: a last day is passed only after it, a first day is possible from it",
        arguments: [
            (-2, false, "dépassée depuis 2 jours", "passed 2 days ago"),
            (-1, false, "dépassée depuis hier", "passed yesterday"),
            (0, false, "aujourd'hui, dernier jour", "today, the last day"),
            (1, false, "demain", "tomorrow"),
            (14, false, "dans 14 jours", "in 14 days"),
            (-3, true, "possible depuis 3 jours", "possible for 3 days"),
            (-1, true, "possible depuis hier", "possible since yesterday"),
            (0, true, "dès aujourd'hui", "from today"),
            (1, true, "demain", "tomorrow"),
        ])
    func relativeDays(days: Int, opens: Bool, fr: String, en: String) {
        #expect(Message.relativeDays(days, opens: opens).text(.fr) == fr)
        #expect(Message.relativeDays(days, opens: opens).text(.en) == en)
    }

    @Test("Each language has its own punctuation and month names, never the other's")
    func oneLanguageOnly() {
        #expect(Message.colon.text(.fr) == " : " && Message.colon.text(.en) == ": ")
        #expect(Message.listSeparator.text(.fr) == " ; " && Message.listSeparator.text(.en) == "; ")
        let day = Message.noSuchDay(day: 31, month: 4, year: 2026, days: 30)
        #expect(day.text(.fr) == "le 31 avril 2026 n'existe pas : avril 2026 a 30 jours")
        #expect(day.text(.en) == "April 2026 has no day 31: it has 30 days")
        let guess = Message.notAMonthDidYouMean("decembre", guess: "décembre")
        #expect(guess.text(.fr).contains("« decembre »") && !guess.text(.en).contains("«"))
    }

    @Test("An answer's problem is worded from its typed case, as a clause or as a sentence")
    func answerProblems() {
        let error = AnswerError.noSuchDay(day: 29, month: 2, year: 2027, days: 28)
        #expect(error.message(.fr) == Message.noSuchDay(day: 29, month: 2, year: 2027, days: 28).text(.fr))
        #expect(error.sentence(.fr) == "Le 29 février 2027 n'existe pas : février 2027 a 28 jours.")
        #expect(error.sentence(.en) == "February 2027 has no day 29: it has 28 days.")
    }
}
