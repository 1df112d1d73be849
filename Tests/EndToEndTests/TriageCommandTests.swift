import Foundation
import Testing

@Suite("conciliation triage, through the built binary")
struct TriageCommandTests {
    let example =
        #"{"subject":"decision-admin","notified_on":"2026-10-05","court_case_pending":false,"complaint_made":false,"today":"2026-11-23"}"#

    @Test("The issue's example: CRA by 7 December 2026")
    func issueExample() throws {
        let run = try BinaryRunner.run(["triage", "--format", "json", "-"], stdin: example + "\n")
        #expect(run.status == 0)
        #expect(run.lines.count == 1)
        let result = BinaryRunner.json(run.lines[0])
        #expect(result["recommendation"] as? String == "contentious-appeal")
        #expect(result["route"] as? String == "cra")
        #expect(result["appeal_deadline"] as? String == "2026-12-07")
        #expect(result["wait_until"] is NSNull)
        #expect(result["conciliator_from"] is NSNull)
        let dialogue = result["dialogue"] as? [String: Any]
        #expect(dialogue?["id"] as? String == "conciliation")
        #expect(dialogue?["version"] as? String == "2026.4")
        let reasons = result["reasons"] as? [[String: Any]] ?? []
        #expect(reasons.map { $0["rule"] as? String } == ["r3-within-deadline", "r3-cra"])
        #expect(reasons.allSatisfy { !(($0["sources"] as? [Any]) ?? []).isEmpty })
        #expect(run.stderr.isEmpty)
    }

    @Test("JSON Lines: an invalid case keeps its place, exit status 2")
    func jsonLinesWithAnError() throws {
        let input = [
            example,
            #"{"subject":"functioning","court_case_pending":false,"complaint_made":true,"complaint_answer":"none"}"#,
            "",
            #"{"subject":"care-refusal","court_case_pending":false,"complaint_made":false}"#,
            #"{"subject": "functioning", "court_case_pending": false"#,
        ].joined(separator: "\n")
        let run = try BinaryRunner.run(["triage", "--format", "json", "--today", "2026-11-23"], stdin: input)
        #expect(run.status == 2)
        #expect(run.lines.count == 4)
        let second = BinaryRunner.json(run.lines[1])
        #expect(second["line"] as? Int == 2)
        let error = second["error"] as? [String: Any]
        #expect(error?["field"] as? String == "complaint_on")
        #expect((error?["message"] as? String)?.isEmpty == false)
        #expect(BinaryRunner.json(run.lines[2])["line"] as? Int == 4)
        // A refusal of care of unknown kind: the complaint to the CPAM's director first (rules 2026.4).
        #expect(BinaryRunner.json(run.lines[2])["recommendation"] as? String == "reclaim-first")
        let truncated = BinaryRunner.json(run.lines[3])
        #expect(truncated["line"] as? Int == 5)
        #expect((truncated["error"] as? [String: Any])?["field"] is NSNull)
        #expect(run.stderr.contains("ligne 2, champ « complaint_on »"))
        #expect(run.stderr.contains("ligne 5"))
    }

    @Test("One object written over several lines")
    func prettyPrintedObject() throws {
        let input = """
            {
              "subject": "functioning",
              "court_case_pending": false,
              "complaint_made": true,
              "complaint_on": "2026-11-02",
              "complaint_answer": "none"
            }
            """
        let run = try BinaryRunner.run(["triage", "--format", "json", "--today", "2026-11-23", "-"], stdin: input)
        #expect(run.status == 0)
        let result = BinaryRunner.json(run.lines.first ?? "")
        #expect(result["recommendation"] as? String == "wait-for-answer")
        #expect(result["wait_until"] as? String == "2026-11-23")
        #expect(result["conciliator_from"] as? String == "2026-11-24")
    }

    @Test("Unknown keys, bad dates and future dates name the field")
    func invalidCases() throws {
        let input = [
            #"{"subject":"functioning","court_case_pending":false,"complaint_made":false,"colour":"red"}"#,
            #"{"subject":"decision-admin","notified_on":"2026-02-31","court_case_pending":false,"complaint_made":false}"#,
            #"{"subject":"decision-admin","notified_on":"2026-12-24","court_case_pending":false,"complaint_made":false}"#,
        ].joined(separator: "\n")
        let run = try BinaryRunner.run(["triage", "--format", "json", "--today", "2026-11-23", "--lang", "en"], stdin: input)
        #expect(run.status == 2)
        let fields = run.lines.map { (BinaryRunner.json($0)["error"] as? [String: Any])?["field"] as? String }
        #expect(fields == ["colour", "notified_on", "notified_on"])
        #expect(run.stderr.contains("line 2, field \"notified_on\": February 2026 has no day 31"))
        #expect(run.stderr.contains("future"))
    }

    @Test("A file argument, text and Markdown output")
    func fileAndFormats() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("cases-\(getpid()).jsonl").path
        try (example + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let text = try BinaryRunner.run(["triage", path])
        #expect(text.status == 0)
        #expect(text.stdout.contains("lundi 7 décembre 2026"))
        #expect(text.stdout.contains("Recommandation : contentious-appeal ; voie : cra"))
        #expect(text.stdout.contains("https://www.legifrance.gouv.fr"))
        let markdown = try BinaryRunner.run(["triage", "--format", "markdown", "--lang", "en", path])
        #expect(markdown.stdout.hasPrefix("## Contest the decision"))
        #expect(markdown.stdout.contains("Monday 7 December 2026"))
    }

    @Test("Works from any directory, and says what to type on a bad option")
    func usageErrors() throws {
        let elsewhere = try BinaryRunner.run(["triage", "--format", "json", "-"], stdin: example, directory: "/")
        #expect(elsewhere.status == 0)
        let badToday = try BinaryRunner.run(["triage", "--today", "23/11/2026"], stdin: example)
        #expect(badToday.status == 64)
        #expect(badToday.stderr.contains("--today"))
        let missing = try BinaryRunner.run(["triage", "/nonexistent/cases.jsonl"])
        #expect(missing.status == 64)
        #expect(missing.stderr.contains("/nonexistent/cases.jsonl"))
        let empty = try BinaryRunner.run(["triage", "--format", "json"], stdin: "\n\n")
        #expect(empty.status == 2)
        #expect(empty.stderr.contains("aucun cas"))
    }

    @Test("A malformed dialogue file is reported as file:line:column")
    func malformedDialogue() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("bad-\(getpid()).yaml").path
        var yaml = try String(contentsOfFile: BinaryRunner.root + "/dialogues/conciliation.yaml", encoding: .utf8)
        yaml = yaml.replacingOccurrences(of: #"'subject == "decision-unsure"'"#, with: #"'subject == "decision-unsur"'"#)
        try yaml.write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let run = try BinaryRunner.run(["triage", "--dialogue", path], stdin: example)
        #expect(run.status == 1)
        #expect(run.stderr.contains(path + ":"))
        #expect(run.stderr.contains("\"decision-unsur\" is not one of the choices"))
    }
}
