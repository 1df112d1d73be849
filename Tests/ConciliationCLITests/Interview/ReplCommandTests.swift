import DialogueKit
import Foundation
import Testing

@testable import ConciliationCLI

@Suite("Commands typed with a colon")
struct ReplCommandTests {
    @Test(arguments: [
        (":aide", ReplCommand.help), (":help", .help), (":retour", .back), (":back", .back),
        (":modifier 3", .edit(3)), (":edit", .edit(nil)), (":réponses", .answers), (":reponses", .answers),
        (":answers", .answers), (":pourquoi", .why), (":why", .why), (":résumé", .summary), (":summary", .summary),
        (":exporter a.txt", .export(path: "a.txt", force: false)), (":export --force a.md", .export(path: "a.md", force: true)),
        (":recommencer", .restart), (":restart", .restart), (":quitter", .quit), (":quit", .quit), ("  :QUIT ", .quit),
    ])
    func parses(line: String, command: ReplCommand) {
        #expect(ReplCommand.parse(line) == .success(command))
    }

    @Test func notACommand() {
        #expect(ReplCommand.parse("oui") == nil)
        #expect(ReplCommand.parse(":nope") == .failure(.unknown(":nope")))
        #expect(ReplCommand.parse(":modifier x") == .failure(.badNumber("x")))
    }
}
