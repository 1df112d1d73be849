import DialogueAuthoring
import DialogueFixtures
import Testing

@testable import DialogueKit

/// The short ways taken for speed (the page renders at every request) must give
/// what the long ways give, on every input they take.
@Suite("Short ways, same answers")
struct FastPathTests {
    @Test("ASCII is folded as Foundation folds it, every character and mixed texts")
    func asciiFolding() {
        var texts = (0..<128).map { String(UnicodeScalar(UInt8($0))) }
        texts += ["Je Ne Sais Pas", "OUI", "2026-10-01", "Decision-Admin", "I DON'T KNOW", "  MiXeD 42 ?!", ""]
        for text in texts {
            #expect(TextFolding.fold(text) == TextFolding.unicodeFold(text), "\(Array(text.utf8))")
        }
        // And what is not ASCII still takes Foundation's way.
        #expect(TextFolding.fold("Médiateur ŒUVRE l’été") == "mediateur oeuvre l'ete")
    }

    @Test(
        "A canonical answer read at once means what the typed-answer reading makes of it",
        arguments: ["conciliation.yaml", "conciliation-2007.yaml"])
    func canonicalAnswers(file: String) throws {
        let dialogue = try loadShipped(file)
        var generator = SplitMix64(seed: 11)
        let alphabet = Array("abcdefghijklmnopqrstuvwxyz0123456789-_ ")
        var fixed = ["oui", "non", "o", "n", "yes", "1", "2", "0", "12", "je ne sais pas", "inconnu", "jsp", "sais pas", "2026-10-01"]
        fixed += [
            "2026-02-30", "1899-12-31", "1900-01-01", "9999-01-01", "33", "2a", "974", "oui ", " non", "", "   ", "hier", "2 semaines",
        ]
        var taken: Set<String> = []
        for language in Language.allCases {
            let parser = AnswerParser(today: date("2026-11-23"), language: language)
            for question in dialogue.questions {
                var texts = fixed
                if case .choice(let choices) = question.kind { texts += choices.map(\.value) + choices.map { $0.value + "x" } }
                for _ in 0..<30 {
                    texts.append(
                        String((0..<Int(generator.next() % 12)).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] }))
                }
                for text in texts {
                    let fast = parser.parse(text, for: question), typed = parser.parseTyped(text, for: question)
                    #expect(fast == typed, "\(question.id): “\(text)”")
                    if AnswerParser.canonical(text, for: question) != nil { taken.insert(question.id) }
                }
            }
        }
        // The short way was taken on every question that has one (all but free text, unless it may be unknown).
        let withShortWay = dialogue.questions.filter { if case .text = $0.kind { $0.unknown != nil } else { true } }.map(\.id)
        #expect(Set(withShortWay) == taken)
    }

    @Test("A date written from its digits is the date the interpolation wrote, and reads back")
    func isoDates() {
        var days = Array(-800_000...(-700_000)) + Array(-1_000...1_000)
        days += stride(from: -720_000, through: 3_000_000, by: 37).map { $0 }
        for dayNumber in days {
            let date = CivilDate(dayNumber: dayNumber)
            #expect(date.iso == CivilDate.paddedISO(date.year, date.month, date.day), "\(dayNumber)")
            if (1...9999).contains(date.year) { #expect(CivilDate(iso: date.iso) == date, "\(date.iso)") }
        }
        #expect(CivilDate(year: 2026, month: 1, day: 5)!.iso == "2026-01-05")
        #expect(CivilDate(dayNumber: 0).iso == "1970-01-01")
    }

    @Test("A choice's note wording is its label up to “ (”, read by bytes as before by Foundation")
    func noteText() throws {
        for file in ["conciliation.yaml", "conciliation-2007.yaml"] {
            for question in try loadShipped(file).questions {
                guard case .choice(let choices) = question.kind else { continue }
                for choice in choices where choice.note == nil {
                    for language in Language.allCases {
                        let full = choice.label.text(language)
                        let expected = full.range(of: " (").map { String(full[..<$0.lowerBound]) } ?? full
                        #expect(choice.noteText(language) == expected)
                    }
                }
            }
        }
    }

    @Test(
        "Slots are filled at a result as the character-by-character reading filled them",
        arguments: ["conciliation.yaml", "conciliation-2007.yaml"])
    func slotFilling(file: String) throws {
        let dialogue = try loadShipped(file)
        let today = date("2026-11-23")
        var generator = SplitMix64(seed: 5)
        var names = ["today", "nope", ""] + dialogue.slotNames + dialogue.outputs.map(\.name)
        names.shuffle(using: &generator)
        var filled = 0
        for _ in 0..<40 {
            var interview = Interview(dialogue: dialogue, today: today)
            while case .asking(let q) = interview.state { _ = interview.answer(sample(dialogue.questions[q], &generator)) }
            guard case .finished(let result) = interview.state else { continue }
            for language in Language.allCases {
                let renderer = TextRenderer(dialogue: dialogue, language: language)
                let chunk = names.prefix(6).map { "é {\($0)} " }.joined() + "fin {ouvert"
                names.shuffle(using: &generator)
                let text = LocalizedText([language.rawValue: chunk], position: SourcePosition(file: "t", line: 1, column: 1))
                // The reading before: Character by Character.
                var expected = ""
                var rest = Substring(chunk)
                while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
                    expected += rest[..<open]
                    expected += renderer.slotValue(String(rest[rest.index(after: open)..<close]), result: result, today: today) ?? "?"
                    rest = rest[rest.index(after: close)...]
                }
                expected += rest
                #expect(renderer.fill(text, result: result, today: today) == expected)
                filled += 1
            }
        }
        #expect(filled > 40)
    }

    /// The rules a question's "why" lists, with answers given (random, a third left
    /// out, a quarter of the unknowns unknown), as the part-by-part reading finds them.
    @Test(
        "The rules reading a question are those the part-by-part reading finds", arguments: ["conciliation.yaml", "conciliation-2007.yaml"])
    func rulesReading(file: String) throws {
        let dialogue = try loadShipped(file)
        let today = date("2026-11-23")
        var generator = SplitMix64(seed: 7)
        for _ in 0..<300 {
            var answers = [Value?](repeating: nil, count: dialogue.questions.count)
            for question in dialogue.questions where generator.next() % 3 != 0 {
                answers[question.slot] = sample(question, &generator)
            }
            for q in dialogue.questions.indices {
                let found = dialogue.rulesReading(question: q, answers: answers, today: today).map(\.id)
                #expect(found == reference(dialogue, q, answers, today), "question \(dialogue.questions[q].id)")
            }
        }
    }

    /// An interview rebuilt from answers (random, some set aside, some dates to
    /// come that a rule refuses), then walked a few answers on: what it shows as
    /// it stands is what walking its answers again shows.
    @Test("What an interview shows as it stands is what replaying it shows", arguments: ["conciliation.yaml", "conciliation-2007.yaml"])
    func currentIsReplay(file: String) throws {
        let dialogue = try loadShipped(file)
        let today = date("2026-11-23")
        var generator = SplitMix64(seed: 11)
        var kinds: Set<String> = []
        for _ in 0..<300 {
            var given: [(question: Int, value: Value)] = []
            var aside: [(question: Int, value: Value)] = []
            for question in dialogue.questions where generator.next() % 3 != 0 {
                var value = sample(question, &generator)
                if case .date = question.kind, generator.next() % 5 == 0 { value = .date(today.adding(days: 30)) }
                if generator.next() % 4 == 0 { aside.append((question.slot, value)) } else { given.append((question.slot, value)) }
            }
            var interview = Interview(dialogue: dialogue, today: today, answers: given, setAside: aside)
            for step in 0..<4 {
                var copy = interview
                let expected = String(describing: copy.replay())
                #expect(String(describing: interview.current) == expected)
                kinds.insert(String(expected.prefix(while: { $0 != "(" })))
                guard step < 3, case .asking(let q) = interview.state else { break }
                _ = interview.answer(sample(dialogue.questions[q], &generator))
            }
        }
        #expect(kinds.isSuperset(of: ["ask", "conclude"]), "\(kinds)")
    }

    /// `rulesReading` as it was before the condition's own test was tried first.
    private func reference(_ dialogue: Dialogue, _ q: Int, _ answers: [Value?]?, _ today: CivilDate?) -> [String] {
        var memo: [Int: Bool] = [:]
        func reads(_ slots: [Int]) -> Bool {
            slots.contains { slot in
                if slot == q { return true }
                guard slot >= dialogue.questions.count else { return false }
                if let known = memo[slot] { return known }
                memo[slot] = false
                let result = reads(dialogue.computed[slot - dialogue.questions.count].expression.reads)
                memo[slot] = result
                return result
            }
        }
        // Only what can still be reached from this question, and only the ways out
        // that the answers already given have not ruled out.
        var reachable: Set<NodeRef> = []
        var queue: [NodeRef] = [.question(q)]
        while let node = queue.popLast() {
            guard reachable.insert(node).inserted else { continue }
            switch node {
            case .question(let i): queue += dialogue.questions[i].next.map(\.target)
            case .branch(let i): queue += dialogue.branches[i].next.map(\.target)
            case .outcome: break
            }
        }
        let values = answers.flatMap { a in today.map { PathValues(dialogue: dialogue, today: $0, answers: a) } }
        func ruledOut(_ expr: Expr) -> Bool {
            guard let values else { return false }
            if case .binary(.and, let a, let b) = expr { return ruledOut(a) || ruledOut(b) }
            guard let test = try? ExpressionCompiler.test(expr)(values) else { return false }
            return !test
        }
        var transitions: [Transition] = []
        for node in reachable {
            switch node {
            case .question(let i): transitions += dialogue.questions[i].next
            case .branch(let i): transitions += dialogue.branches[i].next
            case .outcome: break
            }
        }
        var found: [Int] = []
        for t in transitions {
            guard let index = t.ruleIndex, let condition = t.condition, !found.contains(index), reads(condition.reads),
                !ruledOut(condition.tree)
            else { continue }
            found.append(index)
        }
        return found.sorted().map { dialogue.rules[$0].id }
    }

    private func sample(_ question: Question, _ generator: inout SplitMix64) -> Value {
        if question.unknown != nil, generator.next() % 4 == 0 { return .null }
        switch question.kind {
        case .choice(let choices): return .string(choices[Int(generator.next() % UInt64(choices.count))].value)
        case .yesNo: return .bool(generator.next() % 2 == 0)
        case .date: return .date(date("2026-11-23").adding(days: -Int(generator.next() % 900)))
        case .text: return .string(["33", "2A", "974", "75"][Int(generator.next() % 4)])
        }
    }
}
