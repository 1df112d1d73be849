import DialogueFixtures
import Foundation
import Testing

@testable import DialogueAuthoring
@testable import DialogueKit

/// Every shipped case file, as one test each: the routing of the 2026 dialogue
/// over every rule and boundary of its legal notes lives in dialogues/cases/
/// (the README's "For the people who keep the rules" lists what they cover).
let shippedCaseFiles: [String] = {
    let folder = repositoryRoot + "/dialogues/cases"
    let names = FileManager.default.enumerator(atPath: folder)?.allObjects as? [String] ?? []
    return names.filter { $0.hasSuffix(".yaml") }.map { folder + "/" + $0 }.sorted()
}()

@Suite("Shipped case files")
struct CaseFileTests {
    static func dialogue(_ id: String?) throws -> Dialogue {
        try loadShipped((id ?? "conciliation") + ".yaml")
    }

    @Test func thereAreEnoughCases() {
        #expect(shippedCaseFiles.count >= 60)
    }

    @Test(arguments: shippedCaseFiles)
    func caseGivesItsExpectedResult(_ path: String) throws {
        let file = try CaseFile.load(yaml: String(contentsOfFile: path, encoding: .utf8), file: path)
        let problem = file.check(with: try Self.dialogue(file.dialogueID), clockToday: date("2000-01-01"))
        #expect(problem == nil, "\(file.name): \(problem ?? "")")
    }

    @Test("A wrong expectation is reported with what came instead")
    func wrongExpectationFails() throws {
        let yaml = """
            name: wrong on purpose
            case: {subject: functioning, court_case_pending: false, complaint_made: false, today: "2026-11-23"}
            expect:
              recommendation: no-action
              route: null
              wait_until: "2026-11-30"
              rules: [r2-satisfied]
            """
        let file = try CaseFile.load(yaml: yaml, file: "wrong.yaml")
        let problem = try #require(file.check(with: try Self.dialogue(nil), clockToday: date("2000-01-01")))
        #expect(problem.contains("reclaim-first / caisse instead of no-action / null"))
        #expect(problem.contains("wait_until null instead of 2026-11-30"))
        #expect(problem.contains("rule r2-satisfied not applied (applied: r5-reclaim-first)"))
    }

    @Test("A case file with an unknown key is refused with its position")
    func unknownKey() {
        do {
            _ = try CaseFile.load(yaml: "name: x\ncase: {}\nexpect: {error: null}\nexpected: 1\n", file: "bad.yaml")
            Issue.record("accepted")
        } catch {
            #expect(error.description.hasPrefix("bad.yaml:4:1: unknown key `expected`"))
        }
    }
}
