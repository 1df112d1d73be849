import DialogueFixtures
import Foundation
import Testing

@testable import DialogueKit

@Suite("Hostile input, second round: slow paths and limits (issue 11)")
struct SlowPathTests {
    static let dialogue = try! loadShipped()

    @Test("An accent typed as a combining mark, and letters beyond French, fold like their plain letters")
    func foldingByNormalisation() throws {
        #expect(TextFolding.fold("de\u{301}cision") == "decision")
        #expect(TextFolding.fold("ÿ ñ ŷ Ø") == "y n y o" || TextFolding.fold("ÿ ñ ŷ Ø") == "y n y ø")
        #expect(TextFolding.fold("MÉDIATEUR") == "mediateur")
        #expect(TextFolding.fold("Œuvre d’art") == "oeuvre d'art")
        let parser = AnswerParser(today: date("2026-11-23"), language: .fr)
        #expect(
            try parser.parse("une de\u{301}cision adm", for: Self.dialogue.question(named: "subject")!).get() == .string("decision-admin"))
    }

    @Test("A megabyte answer is refused with the limit, without folding it")
    func answerLengthLimit() {
        let parser = AnswerParser(today: date("2026-11-23"), language: .fr)
        guard case .failure(let e) = parser.parse(String(repeating: "a", count: 1 << 20), for: Self.dialogue.question(named: "subject")!)
        else {
            Issue.record("accepted"); return
        }
        #expect(e == .tooLong)
    }

    @Test("A case with thousands of keys is refused at the key limit")
    func tooManyKeys() {
        let keys = (0..<100_000).map { "\"k\($0)\":1" }.joined(separator: ",")
        guard case .invalid(let message) = CaseJSON.parse("{" + keys + "}") else { Issue.record("accepted"); return }
        #expect(message.contains("more than 64 keys"))
    }

    @Test("A parameter out of range is refused where it stands", arguments: ["9223372036854775807", "-1", "100000"])
    func parameterRange(value: String) {
        let errors = loadErrors(replacing("start: topic\n", with: "start: topic\nparameters:\n  months: \(value)\n"))
        #expect(errors.first?.hasPrefix("mini.yaml:6:") == true)
        #expect(errors.first?.contains("from 0 to 3660") == true || errors.first?.contains("too large") == true)
    }
}
