import DialogueFixtures
import DialogueKit
import Foundation
import Testing

@testable import ConciliationCLI

/// The runner in process, on files in place of its standard input, output and
/// error: how it frames lines, and that each error names its line alone.
@Suite("triage: cases read line by line, each result or error in the input's order")
struct TriageRunnerTests {
    /// The results, one JSON object each, the error lines, and the runner's count
    /// of invalid cases, for `input` fed through a file descriptor.
    func run(_ input: String) throws -> (results: [[String: Any]], errors: [String], invalid: Int) {
        let dialogue = try loadShipped()
        let dir = temporaryDirectory()
        let (inPath, outPath, errPath) = (dir + "/in.jsonl", dir + "/out.jsonl", dir + "/err.txt")
        try Data(input.utf8).write(to: URL(fileURLWithPath: inPath))
        let input = open(inPath, O_RDONLY)
        let results = open(outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        let errors = open(errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        defer { [input, results, errors].forEach { close($0) } }
        var runner = TriageRunner(
            triage: Triage(dialogue: dialogue, language: .en), formatter: ResultFormatter(dialogue: dialogue, language: .en),
            format: .json, todayOverride: testToday, clockToday: testToday)
        runner.results = results
        runner.errors = errors
        let invalid = runner.run(fd: input, inputName: "in.jsonl")
        let lines = try String(contentsOfFile: outPath, encoding: .utf8).split(separator: "\n")
        let objects = try lines.map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] ?? [:] }
        let said = try String(contentsOfFile: errPath, encoding: .utf8).split(separator: "\n").map(String.init)
        return (objects, said, invalid)
    }

    let functioning = #"{"subject": "functioning", "court_case_pending": false, "complaint_made": false}"#

    @Test("One case per line: a blank line is skipped, each result carries its own line number")
    func jsonLines() throws {
        let (results, errors, invalid) = try run(functioning + "\n\n" + functioning + "\n")
        #expect(results.map { $0["line"] as? Int } == [1, 3])
        #expect(results.allSatisfy { $0["error"] == nil && $0["recommendation"] != nil })
        #expect(errors.isEmpty && invalid == 0)
    }

    @Test("One object spread over several lines is read whole when it is the whole input")
    func oneObjectOverLines() throws {
        let spread = functioning.replacingOccurrences(of: ", ", with: ",\n  ")
        let (results, _, invalid) = try run(spread + "\n")
        #expect(results.count == 1 && results[0]["line"] as? Int == 1 && results[0]["error"] == nil)
        #expect(invalid == 0)
    }

    @Test("An unfinished first line is an error for that line alone: the cases after it are routed")
    func unfinishedLineStaysAlone() throws {
        let (results, errors, invalid) = try run(#"{"subject": "functioning""# + "\n" + functioning + "\n" + functioning + "\n")
        #expect(results.map { $0["line"] as? Int } == [1, 2, 3])
        #expect((results[0]["error"] as? [String: Any])?["message"] as? String == CLIMessage.incompleteJSON.text(.en))
        #expect(results[1]["error"] == nil && results[2]["error"] == nil)
        #expect(errors.count == 1 && errors[0].contains("line 1") && invalid == 1)
    }

    @Test("An input with no case, and one that starts with a byte order mark: one sentence each, on line 1")
    func nothingToRoute() throws {
        let empty = try run("\n  \n")
        #expect((empty.results.first?["error"] as? [String: Any])?["message"] as? String == CLIMessage.noCaseInInput.text(.en))
        #expect(empty.invalid == 1)
        let marked = try run("\u{FEFF}" + functioning + "\n")
        #expect((marked.results.first?["error"] as? [String: Any])?["message"] as? String == CLIMessage.byteOrderMark.text(.en))
        #expect(marked.results.first?["line"] as? Int == 1 && marked.invalid == 1)
    }
}
