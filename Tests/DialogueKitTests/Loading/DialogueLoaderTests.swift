import DialogueFixtures
import Testing

@testable import DialogueKit

@Suite("Dialogue loader: every problem as file:line:column")
struct DialogueLoaderTests {
    @Test func miniDialogueLoads() throws {
        let d = try DialogueLoader.load(yaml: miniDialogue, file: "mini.yaml")
        #expect(d.questions.map(\.id) == ["topic", "when_q"])
        #expect(d.remainingQuestions == [2, 1])
    }

    @Test("Messages name what is wrong in words, never a closure (they are built only on error)")
    func contextsInWords() {
        #expect(
            loadErrors(replacing("help: {fr: Aide, en: Help}\n    choices", with: "help: [Aide]\n    choices")).first?
                .hasSuffix("the help of `topic` must be a mapping of `key: value` lines") == true)
        #expect(
            loadErrors(replacing("    kind: date\n", with: "    kind: date\n    kind: text\n")).first?.contains("appears twice") == true)
    }

    @Test("The shipped dialogue from its built-in form is the dialogue its text gives")
    func nodeStreamGivesTheSameDialogue() throws {
        let path = repositoryRoot + "/dialogues/conciliation.yaml"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let fromText = try DialogueLoader.load(yaml: text, file: path)
        let stream = try NodeStream.encode(yaml: text, file: path)
        let fromStream = try stream.withUnsafeBufferPointer { try DialogueLoader.load(nodeStream: $0, file: path) }
        #expect(fromStream.questions.map(\.id) == fromText.questions.map(\.id))
        #expect(fromStream.outcomes.map(\.id) == fromText.outcomes.map(\.id))
        #expect(fromStream.rules.map(\.id) == fromText.rules.map(\.id))
        #expect(fromStream.questions[3].label.position == fromText.questions[3].label.position, "positions kept")
        #expect(fromStream.outcomes.last?.title.text(.en) == fromText.outcomes.last?.title.text(.en))
        var damaged = stream
        damaged.removeLast()
        #expect(throws: DialogueLoadError.self) {
            try damaged.withUnsafeBufferPointer { try DialogueLoader.load(nodeStream: $0, file: path) }
        }
    }

    @Test func shippedDialogueLoads() throws {
        let d = try loadShipped()
        #expect(d.id == "conciliation")
        #expect(d.questions.first?.id == "subject")
    }

    @Test func unknownTopLevelKey() {
        #expect(
            loadErrors(miniDialogue + "\nauthor: me\n") == [
                "mini.yaml:46:1: unknown key `author` in the dialogue; allowed here: dialogue, version, title, languages, start, parameters, sources, rules, computed, outputs, questions, branches, outcomes, recommendations, letters, routes"
            ])
    }

    @Test(
        "A text that would act on a terminal is refused where it stands: an escape, a C1 control, a bidirectional override",
        // As a YAML double-quoted string writes them (libyaml refuses them raw).
        arguments: [#"\e]0;pwned\a"#, #"\x9B31m"#, #"\u202Eevil"#, #"\u2066x\u2069"#, #"\x7F"#, #"\N"#])
    func controlsInTexts(control: String) {
        let errors = loadErrors(replacing("self: {fr: Quoi ?, en: What?}", with: "self: {fr: \"Quoi \(control)?\", en: What?}"))
        #expect(errors.count == 1, "\(errors)")
        #expect(errors.first?.hasPrefix("mini.yaml:22:18: a text holds the control character \\u{") == true, "\(errors)")
        #expect(errors.first?.unicodeScalars.contains { VisibleText.forbiddenCharacter(in: String($0)) != nil } == false, "shown visibly")
    }

    @Test("The era's words in letters: stated whole, or today's law when the section is absent")
    func letterTerms() throws {
        #expect(try DialogueLoader.load(yaml: miniDialogue, file: "mini.yaml").letterTerms == .currentLaw)
        // The rules of 2007 state theirs (and ask what the letters read).
        let stated = try loadShipped("conciliation-2007.yaml")
        #expect(stated.letterTerms.amicableBody == "conciliateur")
        #expect(stated.letterTerms.writtenComplaintAuthority == nil)
        let errors = loadErrors(miniDialogue + "\nletters: {amicable_body: conciliateur}\n")
        #expect(errors.count == 1)
        #expect(errors.first?.hasPrefix("mini.yaml:46:10: ") == true, "\(errors)")
        #expect(errors.first?.contains("notice_article") == true, "\(errors)")
    }

    @Test func unknownKeyInQuestion() {
        let errors = loadErrors(replacing("    kind: date\n", with: "    kind: date\n    colour: red\n"))
        #expect(errors.count == 1)
        #expect(errors.first?.hasPrefix("mini.yaml:34:5: unknown key `colour` in question `when_q`") == true)
    }

    @Test func missingLanguage() {
        #expect(
            loadErrors(replacing("help: {fr: Aide, en: Help}\n    choices", with: "help: {fr: Aide}\n    choices")) == [
                "mini.yaml:23:11: the help of `topic` has no `en` text"
            ])
    }

    @Test func gotoNowhere() {
        #expect(
            loadErrors(replacing("    next: done\n", with: "    next: dne\n")) == [
                "mini.yaml:39:11: `dne` is no question, branch or outcome of this dialogue"
            ])
    }

    @Test func otherwiseMustBeLast() {
        let yaml = replacing("      - goto: when_q\n", with: "      - goto: when_q\n      - when: 'true'\n        goto: done\n")
        #expect(loadErrors(yaml).first == "mini.yaml:31:9: a transition without `when` means \"otherwise\" and must come last")
    }

    @Test func cycleIsRejected() {
        #expect(
            loadErrors(replacing("    next: done\n", with: "    next: topic\n")) == [
                "mini.yaml:39:11: going from `when_q` back to `topic` makes a cycle; an interview must always end"
            ])
    }

    @Test func yamlSyntaxError() {
        let errors = loadErrors(replacing("title: {fr: Mini, en: Mini}", with: "title: {fr: Mini, en: Mini"))
        #expect(errors.count == 1)
        #expect(errors.first?.hasPrefix("mini.yaml:4:") == true)
        #expect(errors.first?.contains("YAML:") == true)
    }

    @Test func unknownRuleAndSource() {
        let errors = loadErrors(
            replacing("        rule: r1\n", with: "        rule: r9\n")
                .replacingOccurrences(of: "sources: [s1]", with: "sources: [s2]"))
        #expect(
            errors == [
                "mini.yaml:11:15: rule `r1` cites `s2`, which is not in `sources`",
                "mini.yaml:30:15: rule `r9` is not in `rules`",
            ])
    }

    @Test func badRecommendation() {
        #expect(
            loadErrors(replacing("recommendation: reclaim-first", with: "recommendation: complain")) == [
                "mini.yaml:42:21: `complain` is not a recommendation; write one of reclaim-first, wait-for-answer, refer-to-conciliator, contentious-appeal, no-action"
            ])
    }

    @Test func templateNamesMustExist() {
        #expect(
            loadErrors(replacing("summary: {fr: Résumé, en: Summary}", with: "summary:\n      fr: Résumé {nowhere}\n      en: Summary"))
                == [
                    "mini.yaml:46:11: the summary of `done` shows `{nowhere}`, which is not a question, computed value, output or parameter"
                ])
    }

    @Test func severalErrorsAreAllReported() {
        let yaml = replacing("recommendation: reclaim-first", with: "recommendation: complain")
            .replacingOccurrences(of: #"'topic == "a"'"#, with: #"'topc == "a"'"#)
        #expect(loadErrors(yaml).count == 2)
    }

    @Test("What the quiz calls each recommendation comes from the dialogue: the conciliator in 2007, the médiateur in 2026")
    func recommendationLabels() throws {
        let now = try loadShipped()
        let then = try loadShipped("conciliation-2007.yaml")
        #expect(now.recommendationLabels.map(\.recommendation) == Recommendation.allCases)
        #expect(now.recommendationLabels[2].label.text(.fr) == "Saisir le médiateur")
        #expect(then.recommendationLabels[2].label.text(.fr) == "Saisir le conciliateur")
        let mini = try DialogueLoader.load(yaml: miniDialogue, file: "mini.yaml")
        #expect(mini.recommendationLabels[0].label.text(.fr) == "reclaim-first", "a file without the section shows the codes")
    }

    @Test("A dialogue that writes letters must ask what they read: a renamed question is an error at `letters:`")
    func lettersReadWhatTheDialogueAsks() throws {
        let letters = """

            letters:
              amicable_body: médiateur
              notice_article: article R. 142-1-A
              court: le pôle social du tribunal judiciaire
            """
        let errors = loadErrors(miniDialogue + letters)
        #expect(
            errors.contains { $0.hasPrefix("mini.yaml:") && $0.contains("`notified_on`, which this dialogue does not ask") }, "\(errors)")
        #expect(!errors.contains { $0.contains("appeal_notice_states_deadline") }, "the rules of 2007 did not ask it")
        #expect(errors.contains { $0.contains("the computed value `cites_written_complaint`") })
        // The shipped rules of both times have what the letters read; a question renamed in them does not load.
        let text = try String(contentsOfFile: repositoryRoot + "/dialogues/conciliation.yaml", encoding: .utf8)
        for dialogue in ["conciliation.yaml", "conciliation-2007.yaml"] { _ = try loadShipped(dialogue) }
        let renamed = text.replacingOccurrences(of: "complaint_channel", with: "complaint_route")
        do {
            _ = try DialogueLoader.load(yaml: renamed, file: "dialogues/conciliation.yaml")
            Issue.record("a dialogue without `complaint_channel` loaded")
        } catch {
            let line = try #require(text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.hasPrefix("letters:") })
            #expect(
                error.errors.map(\.description) == [
                    "dialogues/conciliation.yaml:\(line + 2):3: the letters read the question `complaint_channel`, which this dialogue does not ask"
                ])
        }
        // A choice the letters tell apart must be offered.
        let noCareRefusal = text.replacingOccurrences(of: "care-refusal", with: "care-refused")
        #expect(throws: DialogueLoadError.self) { try DialogueLoader.load(yaml: noCareRefusal, file: "c.yaml") }
    }

    @Test("The route codes come from the dialogue's `routes`: an outcome names one of them, each is taken by an outcome")
    func routesFromTheDialogue() throws {
        let listed = miniDialogue.replacingOccurrences(of: "outcomes:\n", with: "routes: [caisse, court]\noutcomes:\n")
        let errors = loadErrors(listed)
        #expect(errors.count == 1 && errors[0].contains("the route `court` is listed in `routes`, but no outcome takes it"), "\(errors)")
        let unknown = loadErrors(listed.replacingOccurrences(of: "route: caisse", with: "route: tribunal"))
        #expect(
            unknown.contains { $0.contains("`tribunal` is not a route of this dialogue; write one of caisse, court (`routes`) or null") })
        // A file without the list (an earlier version kept for `diff`) names any identifier.
        #expect(loadErrors(replacing("route: caisse", with: "route: tribunal")).isEmpty)
        #expect(loadErrors(replacing("route: caisse", with: "route: tri bunal")).count == 1)
        // The shipped rules list exactly the routes their outcomes take.
        let now = try loadShipped(), then = try loadShipped("conciliation-2007.yaml")
        #expect(Set(now.outcomes.compactMap(\.route)) == ["caisse", "cpts", "conciliator", "cra", "cmra", "court"])
        #expect(Set(then.outcomes.compactMap(\.route)) == ["caisse", "conciliator", "cra", "court", "expertise"])
    }
}
