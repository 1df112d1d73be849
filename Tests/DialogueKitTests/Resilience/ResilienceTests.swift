import DialogueAuthoring
import DialogueFixtures
import Foundation
import Testing

@testable import DialogueKit

@Suite("Resilience: hostile and random input never crashes, and is refused clearly")
struct ResilienceTests {
    static let dialogue = try! loadShipped()
    static let pieces = [
        "0", "1", "2", "9", "31", "12", "2026", "/", "-", ".", " ", "il y a", "jours", "semaines", "mois",
        "février", "févr", "aout", "1er", "hier", "aujourd'hui", "é", "œ", "🙂", "\u{1B}[2J", "\u{0}", "\t",
        "\u{7F}", "\u{202E}", "oui", "non", ":", "?", "je ne sais pas", "99999999999999999999", "-5", "a",
    ]

    func randomText(_ rng: inout SplitMix64) -> String {
        (0..<Int.random(in: 0...8, using: &rng)).map { _ in Self.pieces.randomElement(using: &rng)! }.joined()
    }

    @Test("20,000 random answers to every question: a value, or one clean sentence")
    func answerParserFuzz() {
        var rng = SplitMix64(seed: 2026)
        let parser = AnswerParser(today: date("2026-11-23"), language: .fr)
        for _ in 0..<20_000 {
            let text = randomText(&rng)
            let question = Self.dialogue.questions.randomElement(using: &rng)!
            if case .failure(let error) = parser.parse(text, for: question) {
                #expect(!error.message(.fr).isEmpty)
                #expect(!error.message(.fr).unicodeScalars.contains { $0.value < 0x20 }, "\(error.message(.fr).debugDescription)")
            }
        }
    }

    @Test("Lines of a megabyte are refused quickly, not echoed")
    func megabyteAnswers() {
        let parser = AnswerParser(today: date("2026-11-23"), language: .fr)
        let huge = String(repeating: "é", count: 1 << 20)
        for name in ["subject", "notified_on", "court_case_pending", "department"] {
            guard case .failure(let error) = parser.parse(huge, for: Self.dialogue.question(named: name)!) else {
                Issue.record("\(name) accepted a megabyte"); continue
            }
            #expect(error.message(.fr).count < 300)
        }
    }

    @Test("300 mangled copies of the dialogue: it loads, or every problem is file:line:column")
    func loaderFuzz() throws {
        var rng = SplitMix64(seed: 7)
        let original = try String(contentsOfFile: repositoryRoot + "/dialogues/conciliation.yaml", encoding: .utf8)
        var lines = original.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let pattern = try NSRegularExpression(pattern: "^d\\.yaml:([0-9]+):([0-9]+): .+")
        for round in 0..<300 {
            lines = original.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            for _ in 0..<Int.random(in: 1...3, using: &rng) {
                let i = Int.random(in: 0..<lines.count, using: &rng)
                switch Int.random(in: 0..<5, using: &rng) {
                case 0: lines.remove(at: i)
                case 1: lines.insert(lines[i], at: i)
                case 2: lines.swapAt(i, Int.random(in: 0..<lines.count, using: &rng))
                case 3: lines[i] = String(lines[i].prefix(Int.random(in: 0...lines[i].count, using: &rng)))
                default: lines[i] += randomText(&rng)
                }
            }
            let yaml = lines.joined(separator: "\n")
            do {
                _ = try DialogueLoader.load(yaml: yaml, file: "d.yaml")
            } catch {
                #expect(!error.errors.isEmpty)
                for e in error.errors {
                    let text = e.description
                    let match = pattern.firstMatch(in: text, range: NSRange(text.startIndex..., in: text))
                    #expect(match != nil, "round \(round): \(text)")
                    #expect(e.position.line >= 1 && e.position.line <= lines.count + 1 && e.position.column >= 1)
                }
            }
        }
    }

    @Test("10,000 mangled or random case lines: routed, or refused with a field or a reason")
    func triageFuzz() {
        var rng = SplitMix64(seed: 11)
        let triage = Triage(dialogue: Self.dialogue)
        let base = Array(
            #"{"subject":"decision-admin","notified_on":"2026-10-05","court_case_pending":false,"complaint_made":true,"complaint_on":"2026-11-02","complaint_answer":"none","department":"67","today":"2026-11-23"}"#
                .utf8)
        for _ in 0..<10_000 {
            var bytes = base
            for _ in 0..<Int.random(in: 1...4, using: &rng) {
                let i = Int.random(in: 0..<bytes.count, using: &rng)
                switch Int.random(in: 0..<4, using: &rng) {
                case 0: bytes[i] = UInt8.random(in: 0...255, using: &rng)
                case 1: bytes.remove(at: i)
                case 2: bytes.insert(UInt8.random(in: 0...255, using: &rng), at: i)
                default: bytes = Array(bytes.prefix(i))
                }
                if bytes.isEmpty { bytes = [0x7B] }
            }
            switch bytes.withUnsafeBufferPointer({ CaseJSON.parse($0) }) {
            case .object(let pairs):
                if case .failure(let error) = triage.route(pairs, todayOverride: nil, clockToday: date("2026-11-23")) {
                    #expect(!error.message.isEmpty)
                }
            case .invalid(let message): #expect(!message.isEmpty)
            case .incomplete: break
            }
        }
    }

    @Test("Invalid UTF-8 and a megabyte line in triage input")
    func hostileJSON() {
        var invalid = Array(#"{"subject":"x"#.utf8)
        invalid += [0xC3, 0x28]
        invalid += Array(#"","court_case_pending":false}"#.utf8)
        #expect(invalid.withUnsafeBufferPointer { CaseJSON.parse($0) } == .invalid("a string is not valid UTF-8"))
        let huge =
            #"{"subject":"functioning","department":""# + String(repeating: "9", count: 1 << 20)
            + #"","court_case_pending":false,"complaint_made":false}"#
        guard case .object(let pairs) = CaseJSON.parse(huge) else { Issue.record("not parsed"); return }
        if case .success = Triage(dialogue: Self.dialogue).route(pairs, todayOverride: nil, clockToday: date("2026-11-23")) {
            // département is not on this path; a megabyte in it is ignored, not echoed.
        }
    }

    @Test("Escape sequences never reach an export raw")
    func exportsEscapeControlCharacters() {
        var w = JSONWriter()
        w.string("\u{1B}[2J\u{7}\u{0}fin")
        #expect(w.text == #""\u001b[2J\u0007\u0000fin""#)
    }

    // The two findings of the first libFuzzer run (scripts/fuzz), kept as tests.

    @Test("A control character in a case key is written out in the message, not sent to the terminal")
    func controlCharacterInAKey() {
        let line = #"{"sub\rject":"x"}"#  // JSON's escape for a carriage return
        guard case .object(let pairs) = CaseJSON.parse(line) else { Issue.record("not parsed"); return }
        guard case .failure(let error) = Triage(dialogue: Self.dialogue).route(pairs, todayOverride: nil, clockToday: date("2026-11-23"))
        else { Issue.record("an unknown key was accepted"); return }
        #expect(error.field == #"sub\rject"#)
        #expect(CaseJSON.parse(#"{"a\u001bb" 1}"#) == .invalid(#"expected `:` after "a\u{1B}b" at byte 13"#))
    }

    @Test("A key given twice in a dialogue: one line at its place, not the whole file")
    func duplicateKeyInADialogue() throws {
        let yaml = "dialogue: d\nversion: \"1\"\ndialogue: again\n"
        #expect(throws: DialogueLoadError.self) { try DialogueLoader.load(yaml: yaml, file: "twice.yaml") }
        do {
            _ = try DialogueLoader.load(yaml: yaml, file: "twice.yaml")
        } catch {
            #expect(error.errors.map(\.description) == ["twice.yaml:1:1: `dialogue` appears twice in the same mapping; give each key once"])
        }
    }

    /// Issue 29, point 3: ten anchors of ten aliases each (a « billion laughs »)
    /// stand for 10¹⁰ values in a few hundred bytes.
    static func aliasBomb(levels: Int, width: Int) -> String {
        var yaml = "a0: &a0 [x]\n"
        for level in 1...levels {
            yaml += "a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: width).joined(separator: ", ") + "]\n"
        }
        return yaml
    }

    @Test("A YAML alias bomb is refused once it expands past the bound, as a dialogue and as a case file")
    func aliasBomb() throws {
        let bomb = Self.aliasBomb(levels: 10, width: 10)
        #expect(bomb.utf8.count < 700, "a few hundred bytes")
        for load in [
            { (y: String) throws -> Void in _ = try DialogueLoader.load(yaml: y, file: "bombe.yaml") },
            { (y: String) throws -> Void in _ = try CaseFile.load(yaml: y, file: "bombe.yaml") },
        ] {
            do {
                try load(bomb)
                Issue.record("an alias bomb was accepted")
            } catch {
                let text = "\(error)"
                #expect(text.contains("bombe.yaml:1:1: YAML: the file expands to more than 200000 values"), "\(text)")
            }
        }
        // Aliases that stay small are still read: the bound counts values, it does not refuse `*`.
        let small = try CaseFile.load(
            yaml:
                "name: petit\ncase: &c {subject: functioning, court_case_pending: false, complaint_made: false}\nexpect: {recommendation: reclaim-first, route: caisse}\n",
            file: "petit.yaml")
        #expect(small.name == "petit")
    }

    @Test("A case file whose name would act on a terminal is refused at load, and an answer with a bidirectional override is refused")
    func controlsInCasesAndAnswers() throws {
        let yaml =
            #"name: "Cas \e[2J\u202E""#
            + "\ncase: {subject: functioning, court_case_pending: false, complaint_made: false}\nexpect: {recommendation: reclaim-first, route: caisse}\n"
        #expect(throws: (any Error).self) { try CaseFile.load(yaml: yaml, file: "cas.yaml") }
        do { _ = try CaseFile.load(yaml: yaml, file: "cas.yaml") } catch {
            #expect("\(error)".contains("cas.yaml:1:7: a text holds the control character \\u{1B}"), "\(error)")
        }
        let parser = AnswerParser(today: CivilDate(iso: "2026-11-23")!, language: .fr)
        for control in ["\u{202E}", "\u{2066}", "\u{9B}", "\u{85}"] {
            let question = Self.dialogue.questions[0]
            guard case .failure(let error) = parser.parse("1" + control + "2", for: question) else {
                Issue.record("\(VisibleText.escapingControls(control)) accepted")
                continue
            }
            #expect(error == .controlCharacters)
        }
    }
}
