import DialogueFixtures
import Testing

@testable import DialogueAuthoring
@testable import DialogueKit

@Suite("conciliation check: every combination of answers")
struct CheckerTests {
    func check(_ yaml: String) throws -> Checker.Report {
        Checker.check(try DialogueLoader.load(yaml: yaml, file: "mini.yaml"))
    }

    /// The 2026 rules (2026.4) take seconds to check optimised, many minutes in
    /// a debug build: `scripts/test` checks them with the release binary
    /// (`conciliation check`), and the 2007 rules are checked here.
    @Test func theShippedDialoguesPass() throws {
        for name in ["conciliation-2007.yaml"] {
            let report = Checker.check(try loadShipped(name))
            #expect(report.errors.isEmpty, "\(name): \(report.errors.map(\.description))")
            #expect(report.paths > 1_000)
            #expect(report.todays == Checker.todays.count)
        }
    }

    @Test func theMiniDialoguePasses() throws {
        let report = try check(miniDialogue)
        #expect(report.errors.isEmpty, "\(report.errors)")
    }

    /// Issue 29, point 8: a documented parameter pushed a date past 9999, where it
    /// read as unknown.
    @Test("A date a rule can compute past the calendar is found, up to the last day it can hold")
    func datesPastTheCalendar() throws {
        func withWait(_ value: String) -> String {
            replacing(
                "wait_until: {type: date, label: {fr: W, en: W}}",
                with: "wait_until: {type: date, label: {fr: W, en: W}, value: '\(value)'}"
            )
            .replacingOccurrences(of: "start: topic\n", with: "start: topic\nparameters: {wait: 366, year: 365}\n")
        }
        #expect(try check(withWait("add_days(today, year)")).errors.isEmpty, "9998-12-31 + 365 days is 9999-12-31")
        let past = try check(withWait("add_days(today, wait)")).errors.map(\.description)
        #expect(past.count == 1, "\(past)")
        #expect(past.first?.contains("can compute a date past 31 December 9999: up to 366 days") == true, "\(past)")
        #expect(past.first?.hasPrefix("mini.yaml:") == true)
        // Months count 31 days, a carried deadline 10 more: 12 months reach 382.
        #expect(try check(withWait("deadline_months(today, 12, \"75\")")).errors.first?.description.contains("up to 382 days") == true)
        #expect(try check(withWait("if today > 2026-01-01 then add_days(today, 10) else add_days(today, wait)")).errors.count == 1)
        // Inside a guard too: a date computed only to be compared.
        let guarded = replacing("- when: 'topic == \"a\"'", with: "- when: 'topic == \"a\" and add_days(today, 3000) > today'")
        #expect(try check(guarded).errors.first?.description.contains("up to 3000 days") == true)
        // A number past the parameters' bound is refused when the file loads.
        let literal = loadErrors(
            replacing("- when: 'topic == \"a\"'", with: "- when: 'topic == \"a\" and add_days(today, 4000000) > today'"))
        #expect(literal.first?.contains("`4000000` is too large: a number of days or months goes from 0 to 3660") == true, "\(literal)")
    }

    @Test("Every date the shipped rules compute stays in the calendar (the bound itself, without the whole check)")
    func shippedDatesStayInTheCalendar() throws {
        for name in ["conciliation.yaml", "conciliation-2007.yaml"] {
            let dialogue = try loadShipped(name)
            #expect(DateReach.problems(in: dialogue).isEmpty, "\(name): \(DateReach.problems(in: dialogue))")
            let farthest = dialogue.expressions.compactMap { DateReach(dialogue: dialogue).farthest($0.tree) }.max() ?? 0
            #expect(farthest > 60 && farthest <= DateReach.headroom, "\(name): \(farthest) days")
        }
    }

    @Test("A gap, an unreachable question and a value read before it is set: three precise messages")
    func threeDeliberateProblems() throws {
        let broken = """
            dialogue: broken
            version: "1"
            title: {fr: Cassé, en: Broken}
            start: topic
            outputs:
              appeal_deadline: {type: date, label: {fr: A, en: A}}
              wait_until: {type: date, label: {fr: W, en: W}}
              conciliator_from: {type: date, label: {fr: C, en: C}}
            questions:
              topic:
                kind: choice
                label: {fr: Sujet, en: Topic}
                ask: {agent: {fr: Sujet ?, en: Topic?}, self: {fr: Sujet ?, en: Topic?}}
                help: {fr: Aide, en: Help}
                choices: {a: {fr: A, en: A}, b: {fr: B, en: B}, c: {fr: C, en: C}}
                next:
                  - when: 'topic == "a"'
                    goto: done
                  - when: 'topic == "b"'
                    goto: when_q
              when_q:
                kind: date
                label: {fr: Date, en: Date}
                ask: {agent: {fr: Quand ?, en: When?}, self: {fr: Quand ?, en: When?}}
                help: {fr: Aide, en: Help}
                next:
                  - when: 'extra'
                    goto: done
                  - goto: done
              extra:
                kind: yes-no
                label: {fr: En plus, en: Extra}
                ask: {agent: {fr: Et ?, en: And?}, self: {fr: Et ?, en: And?}}
                help: {fr: Aide, en: Help}
                next: done
            outcomes:
              done:
                recommendation: reclaim-first
                route: caisse
                title: {fr: Fini, en: Done}
                summary: {fr: Résumé, en: Summary}
            """
        let report = try check(broken)
        #expect(
            report.errors.map(\.description) == [
                "mini.yaml:10:3: no transition out of `topic` applies when topic = \"c\", today 2026-11-23",
                "mini.yaml:27:16: `extra` reads `extra` before it is set, when topic = \"b\", when_q = 2024-09-14, today 2026-11-23",
                "mini.yaml:30:3: question `extra` is never asked: no combination of answers leads to it",
            ])
    }

    /// A choice, a date with a two-month deadline, then a yes/no: what happens
    /// after the yes/no depends on the date, through a computed value, only on the
    /// path where the choice was "a". `guards` are the transitions out of `late`.
    func deadlineDialogue(_ guards: String) -> String {
        """
        dialogue: deadline
        version: "1"
        title: {fr: Délai, en: Deadline}
        start: topic
        outputs:
          appeal_deadline: {type: date, label: {fr: A, en: A}}
          wait_until: {type: date, label: {fr: W, en: W}}
          conciliator_from: {type: date, label: {fr: C, en: C}}
        computed:
          limit: 'add_months(notified, 2)'
        questions:
          topic:
            kind: choice
            label: {fr: Sujet, en: Topic}
            ask: {agent: {fr: Sujet ?, en: Topic?}, self: {fr: Sujet ?, en: Topic?}}
            help: {fr: Aide, en: Help}
            choices: {a: {fr: A, en: A}, b: {fr: B, en: B}}
            next: notified
          notified:
            kind: date
            label: {fr: Date, en: Date}
            ask: {agent: {fr: Quand ?, en: When?}, self: {fr: Quand ?, en: When?}}
            help: {fr: Aide, en: Help}
            next:
              - when: 'topic == "a"'
                goto: late
              - goto: done
          late:
            kind: yes-no
            label: {fr: Retard, en: Late}
            ask: {agent: {fr: Et ?, en: And?}, self: {fr: Et ?, en: And?}}
            help: {fr: Aide, en: Help}
            next:
        \(guards)
        outcomes:
          done:
            recommendation: reclaim-first
            route: caisse
            title: {fr: Fini, en: Done}
            summary: {fr: Résumé, en: Summary}
        """
    }

    /// Guards that overlap on the deadline day only.
    let bothOnTheDeadlineDay = """
              - when: 'today <= limit'
                goto: done
              - when: 'today >= limit'
                goto: done
        """

    @Test("A gap behind an earlier choice, for an old date only, is found with its counterexample")
    func gapForAnOldDateOnly() throws {
        let report = try check(
            deadlineDialogue(
                """
                      - when: 'late and today <= limit'
                        goto: done
                      - when: 'not late'
                        goto: done
                """))
        #expect(
            report.errors.map(\.description) == [
                "mini.yaml:28:3: no transition out of `late` applies when topic = \"a\", notified = 2024-09-14, late = true, today 2026-11-23"
            ])
    }

    @Test("Two guards that both hold on the deadline day itself: the overlap names that day")
    func overlapOnTheDeadlineDay() throws {
        let report = try check(deadlineDialogue(bothOnTheDeadlineDay))
        #expect(
            report.errors.map(\.description) == [
                "mini.yaml:36:9: transitions 1 and 2 out of `late` both apply when topic = \"a\", notified = 2026-09-23, late = true, today 2026-11-23"
            ])
    }

    @Test(
        "A transition no answer can take splits nothing: what only it leads to is not kept apart",
        arguments: [
            ["late", "not late"], ["late == true", "late == false"], ["late and topic == \"a\"", "not late and topic == \"a\""],
        ])
    func exhaustiveGuardsEndTheList(guards: [String]) throws {
        let covering = guards.map { "      - when: '\($0)'\n        goto: done" }.joined(separator: "\n")
        let plain = try check(deadlineDialogue(covering))
        #expect(plain.errors.isEmpty)
        // The same, and a last transition to a question that reads the date: no
        // answer takes it, so it is never asked and must not split `late` by date.
        let trap = [
            covering, "      - goto: trap", "  trap:", "    kind: yes-no", "    label: {fr: Piège, en: Trap}",
            "    ask: {agent: {fr: Et ?, en: And?}, self: {fr: Et ?, en: And?}}", "    help: {fr: Aide, en: Help}", "    next:",
            "      - when: 'today > add_months(notified, 5)'", "        goto: done", "      - goto: done",
        ].joined(separator: "\n")
        let trapped = try check(deadlineDialogue(trap))
        #expect(
            trapped.errors.map(\.description) == ["mini.yaml:39:3: question `trap` is never asked: no combination of answers leads to it"])
        #expect(trapped.classes == plain.classes)
    }

    @Test("On a path where no guard can read the deadline any more, the date has the classes of a date nothing computes from")
    func deadlineNoGuardReadsSplitsNothing() throws {
        /// The classes that asking the date on topic "b" too adds, with `guards`
        /// out of `late` (asked on topic "a" only).
        func topicBsDate(_ guards: String) throws -> Int {
            let both = try check(deadlineDialogue(guards))
            let onlyA = try check(
                deadlineDialogue(guards).replacingOccurrences(
                    of: "    next: notified\n",
                    with: "    next:\n      - when: 'topic == \"a\"'\n        goto: notified\n      - goto: done\n"))
            #expect(both.errors.isEmpty && onlyA.errors.isEmpty)
            return both.classes - onlyA.classes
        }
        // With the deadline compared with today after `late`, and with no
        // comparison at all: on topic "b" the date has the same classes.
        let readsTheDeadline = try topicBsDate("      - when: 'today <= limit'\n        goto: done\n      - goto: done")
        #expect(readsTheDeadline > 0)
        #expect(readsTheDeadline == (try topicBsDate("      - goto: done")))
    }

    @Test(
        "A text shown, or a condition failing, only on the deadline day is still tried on that day where no guard reads the deadline any more",
        arguments: [
            ("limit == today", "Retard : {late}", "shows `{late}`, which has no value when topic = \"b\""),
            ("limit == today and late", "En retard", "reads `late` before it is set, when topic = \"b\""),
        ])
    func deadlineReadByATextOnly(condition: String, text: String, problem: String) throws {
        let guards = "      - when: 'today <= limit'\n        goto: done\n      - goto: done"
        // On topic "b" `late` is never asked, and no guard reads `limit` after
        // the date; a step of the outcome reads both, on the deadline day only
        // (showing `late`, or reading it in its condition).
        let yaml = deadlineDialogue(guards).replacingOccurrences(
            of: "    summary: {fr: Résumé, en: Summary}",
            with: "    summary: {fr: Résumé, en: Summary}\n    steps:\n      - when: '\(condition)'\n"
                + "        text: {fr: \"\(text)\", en: \"\(text)\"}")
        #expect(yaml.contains(condition))
        let report = try check(yaml)
        #expect(report.errors.contains { $0.description.contains(problem) }, "\(report.errors.map(\.description))")
    }

    /// A yes/no question's lines under `questions:`, with `rest` (its `next`…).
    func yesNo(_ id: String, _ rest: String) -> String {
        """
          \(id):
            kind: yes-no
            label: {fr: \(id), en: \(id)}
            ask: {agent: {fr: \(id) ?, en: \(id)?}, self: {fr: \(id) ?, en: \(id)?}}
            help: {fr: Aide, en: Help}
        \(rest)
        """
    }

    /// The small dialogue's header and its one outcome, with these yes/no
    /// questions (the first is asked first), computed values and steps.
    func yesNoDialogue(_ questions: [String], computed: String = "", steps: String) -> String {
        let first = questions[0].split(separator: ":")[0].trimmingCharacters(in: .whitespaces)
        let header = miniDialogue.components(separatedBy: "questions:\n")[0].replacingOccurrences(
            of: "start: topic", with: "start: \(first)")
        let outcomes = miniDialogue.components(separatedBy: "outcomes:\n")[1]
        return header + (computed.isEmpty ? "" : "computed:\n\(computed)\n") + "questions:\n" + questions.joined(separator: "\n")
            + "\noutcomes:\n" + outcomes + "\n    steps:\n" + steps
    }

    /// A yes/no asked first (with "I don't know"), one asked after "no" only,
    /// one asked after both, and the outcome's `steps` given.
    func textsDialogue(_ steps: String) -> String {
        let unknown = "    unknown: {fr: je ne sais pas, en: I don't know}\n"
        return yesNoDialogue(
            [
                yesNo("sure", unknown + "    next:\n      - when: 'known(sure) and not sure'\n        goto: detail\n      - goto: extra"),
                yesNo("detail", "    next: extra"), yesNo("extra", "    next: done"),
            ], steps: steps)
    }

    @Test("A text's condition splits states only where it decides whether a value is shown, or may fail")
    func textConditionsSplitOnlyWhatTheyShow() throws {
        let plain = try check(textsDialogue("      - text: {fr: Toujours, en: Always}"))
        #expect(plain.errors.isEmpty, "\(plain.errors)")
        // Shown on one answer only, and showing nothing: `extra` is asked alike
        // after "yes" and after "no" (each state leads to the same texts).
        let conditioned = try check(
            textsDialogue("      - when: 'known(sure) and sure'\n        text: {fr: Sûr, en: Sure}"))
        #expect(conditioned.errors.isEmpty, "\(conditioned.errors)")
        #expect(conditioned.classes == plain.classes)
        // Showing a value still to come: the condition keeps its states apart,
        // since the value is shown (and must have one) on one side only.
        let showing = try check(
            textsDialogue("      - when: 'known(sure) and sure'\n        text: {fr: \"En plus : {extra}\", en: \"Extra: {extra}\"}"))
        #expect(showing.errors.isEmpty, "\(showing.errors)")
        #expect(showing.classes > plain.classes)
        // Showing a value given before, under a condition on an answer still to
        // come: what the value is ("yes", "no", unknown) changes nothing.
        func underExtra(_ text: String) throws -> Int {
            let report = try check(textsDialogue("      - when: 'extra'\n        text: {fr: \"\(text)\", en: \"\(text)\"}"))
            #expect(report.errors.isEmpty, "\(report.errors)")
            return report.classes
        }
        #expect(try underExtra("Sûr : {sure}") == (try underExtra("Sûr")))
    }

    @Test("A condition that fails on one answer only is still evaluated on it, though the others lead to the same texts")
    func aTextsConditionFailingOnOneAnswer() throws {
        // "I don't know" is explored last; "yes" reaches `extra` with the same
        // texts to show, but `sure` is unknown there.
        let report = try check(textsDialogue("      - when: 'sure'\n        text: {fr: Sûr, en: Sure}"))
        #expect(
            report.errors.map(\.description).contains {
                $0.contains("`sure` compares `sure` while it is unknown (null), when sure = null")
            },
            "\(report.errors.map(\.description))")
    }

    @Test("A value shown under a condition is found missing where the condition holds, though it is missing everywhere")
    func aValueMissingWhereItsTextIsShown() throws {
        // `detail` is asked only after "no"; the step shows it after "I don't
        // know" only, where it was never asked. "Yes" reaches `extra` first with
        // `detail` missing too, but the step is not shown there.
        let report = try check(
            textsDialogue("      - when: 'not known(sure)'\n        text: {fr: \"Détail : {detail}\", en: \"Detail: {detail}\"}"))
        #expect(
            report.errors.map(\.description).contains { $0.contains("shows `{detail}`, which has no value when sure = null") },
            "\(report.errors.map(\.description))")
    }

    @Test("A side of `and` that stands for the whole is tested: an unknown there fails, though read alone it would not")
    func aSideOfAndIsTested() throws {
        // `v` is `q and ((not r) or s)`. After "yes" to `r`, `s` is reached with
        // the step hidden; after "no" to `r` and `q` unknown, with the step
        // shown and `v` failing at once: the right side of `and` is true, and
        // what is left, `q` tested, fails on an unknown. Read as a value, `q`
        // would be null, and both states would share their key.
        let yaml = yesNoDialogue(
            [
                yesNo("r", "    next:\n      - when: 'r'\n        goto: s\n      - goto: q"),
                yesNo("q", "    unknown: {fr: je ne sais pas, en: I don't know}\n    next: s"), yesNo("s", "    next: done"),
            ], computed: "  v: 'q and ((not r) or s)'", steps: "      - when: 'not r'\n        text: {fr: \"V : {v}\", en: \"V: {v}\"}")
        let report = try check(yaml)
        #expect(
            report.errors.contains { $0.description.contains("shows `{v}`, which has no value when r = false, q = null") },
            "\(report.errors.map(\.description))")
    }

    @Test("The same report on every run, though the todays are checked at once")
    func sameReportEveryRun() throws {
        let dialogue = try DialogueLoader.load(yaml: deadlineDialogue(bothOnTheDeadlineDay), file: "mini.yaml")
        let first = Checker.check(dialogue)
        for _ in 0..<5 {
            let again = Checker.check(dialogue)
            #expect(again.errors == first.errors)
            #expect(again.paths == first.paths)
            #expect(again.classes == first.classes)
        }
    }
}
