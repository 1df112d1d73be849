import Foundation
import Testing

@Suite("check, test, diff and graph, through the built binary")
struct AuthoringCommandTests {
    let root = BinaryRunner.root

    /// The shipped 2026 rules are checked by `scripts/test` with the release binary:
    /// a debug build takes hours over them.
    @Test("check passes a shipped dialogue and counts what it explored")
    func checkShipped() throws {
        let run = try BinaryRunner.run(["check", root + "/dialogues/conciliation-2007.yaml"])
        #expect(run.status == 0)
        #expect(run.stdout.contains("conciliation-2007.yaml: ok"))
        #expect(run.stdout.contains(" paths, "))
        #expect(run.stdout.contains("answer classes over 5 todays"))
    }

    @Test("check fails a broken dialogue with file:line:column and status 1")
    func checkBroken() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("gap-\(getpid()).yaml").path
        var yaml = try String(contentsOfFile: root + "/dialogues/conciliation-2007.yaml", encoding: .utf8)
        // Replace the "otherwise" of the amicable route by a guard that never holds
        // there: an unsatisfactory answer nobody routes.
        let otherwise = "      - goto: refer-after-complaint\n        rule: r5-unsatisfactory\n"
        #expect(yaml.contains(otherwise))
        yaml = yaml.replacingOccurrences(
            of: otherwise,
            with:
                "      - when: 'complaint_made and complaint_answer == \"satisfactory\"'\n        goto: refer-after-complaint\n        rule: r5-unsatisfactory\n"
        )
        try yaml.write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let run = try BinaryRunner.run(["check", path])
        #expect(run.status == 1)
        #expect(run.stdout.contains(path + ":"))
        #expect(run.stdout.contains("no transition out of `amicable` applies when"))
        #expect(run.stdout.contains("complaint_answer = \"unsatisfactory\""))
    }

    @Test("check reads a dialogue as every command does: a folder or a file it cannot read is said, and the next file checked")
    func checkUnreadable() throws {
        let folder = FileManager.default.temporaryDirectory.path
        let missing = "/nonexistent-\(getpid()).yaml"
        let run = try BinaryRunner.run(["check", folder, missing, root + "/dialogues/conciliation-2007.yaml"])
        #expect(run.status == 1)
        #expect(run.stderr.contains("conciliation check: lecture impossible du dialogue \(folder) : ce n'est pas un fichier ordinaire"))
        #expect(run.stderr.contains("conciliation check: lecture impossible du dialogue \(missing) : "))
        #expect(run.stdout.contains("conciliation-2007.yaml: ok"), "the next file is still checked")
    }

    @Test("test runs every shipped case and ends with the counts")
    func testCases() throws {
        let run = try BinaryRunner.run(["test"])
        #expect(run.status == 0)
        let last = run.lines.last ?? ""
        #expect(last.hasSuffix("passed, 0 failed"))
        #expect(Int(last.split(separator: " ").first ?? "") ?? 0 >= 80)
    }

    @Test("test reports a failing case with what was expected and what came")
    func testFailure() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("case-\(getpid()).yaml").path
        try """
        name: a wrong expectation
        case: {subject: no-gp, court_case_pending: false, complaint_made: false, today: "2026-11-23"}
        expect: {recommendation: refer-to-conciliator, route: conciliator}
        """.write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let run = try BinaryRunner.run(["test", path])
        #expect(run.status == 1)
        #expect(run.stdout.contains("FAIL \(path)"))
        #expect(run.stdout.contains("reclaim-first / cpts instead of refer-to-conciliator / conciliator"))
        #expect(run.lines.last == "0 passed, 1 failed")
    }

    @Test("diff 2007 → 2026 names the médecin traitant and medical-decision changes")
    func diff2007() throws {
        let run = try BinaryRunner.run(
            ["diff", "dialogues/conciliation-2007.yaml", "dialogues/conciliation.yaml", "dialogues/cases/"],
            directory: root)
        #expect(run.status == 0)
        #expect(run.stdout.contains("conciliation-2007 2007.3 → conciliation 2026.4"))
        #expect(run.stdout.contains("refer-to-conciliator / conciliator → reclaim-first / cpts"))
        #expect(run.stdout.contains("médecin traitant"))
        #expect(run.stdout.contains("contentious-appeal / expertise → contentious-appeal / cmra"))
        // Without the decision's own date, 2007.3 gives the expertise no date to meet (old R. 141-2).
        #expect(run.stdout.contains("Décision médicale : CMRA — aucune date → appeal_deadline 2026-12-07"))
    }

    @Test("diff reads JSON Lines too")
    func diffJSONLines() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("cases-\(getpid()).jsonl").path
        try #"{"subject":"no-gp","court_case_pending":false,"complaint_made":false,"today":"2026-11-23"}"#
            .write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let run = try BinaryRunner.run(["diff", root + "/dialogues/conciliation-2007.yaml", root + "/dialogues/conciliation.yaml", path])
        #expect(run.stdout.contains("1 cas sur 1 change, 0 inchangé"), "French by default")
        let english = try BinaryRunner.run([
            "diff", root + "/dialogues/conciliation-2007.yaml", root + "/dialogues/conciliation.yaml", path, "--lang", "en",
        ])
        #expect(english.stdout.contains("1 of 1 cases change"))
        #expect(!english.stdout.contains("cas sur"))
        #expect(run.stdout.contains("\(path):1"))
    }

    @Test("graph in Graphviz and Mermaid, guards in words")
    func graph() throws {
        let dot = try BinaryRunner.run(["graph"])
        #expect(dot.stdout.hasPrefix("digraph \"conciliation\" {"))
        #expect(
            dot.stdout.contains(
                "\"where\" -> \"court-pending\" [label=\"Tribunal saisi et non (aucune commission\\nsaisie) [r1-court-pending]\"]"))
        #expect(dot.stdout.contains("délai opposable"))
        // Issue 26, point 16: one language at a time, and the agreement right.
        #expect(dot.stdout.contains("Objet du litige\\n(choix)"))
        #expect(!dot.stdout.contains("(choice)") && !dot.stdout.contains("(yes-no)"))
        #expect(!dot.stdout.contains("notification connu"))
        #expect(dot.stdout.contains("Date de notification : valeur connue"))
        let mermaid = try BinaryRunner.run(["graph", "--format", "mermaid", "--lang", "en"])
        #expect(mermaid.stdout.hasPrefix("flowchart TD"))
        #expect(
            mermaid.stdout.contains(
                "where -->|\"Court case pending and not (no appeal to a commission) [r1-court-pending]\"| court_pending"))
    }

    @Test("quiz on a trainer's own bank, with the report written for the class")
    func quizOwnBankAndReport() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("formation-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try """
        name: "Contrainte remise le 16 novembre : opposition au tribunal dans les quinze jours"
        case: {subject: overpayment, overpayment_stage: contrainte, notified_on: "2026-11-16", court_case_pending: false, complaint_made: false, today: "2026-11-28"}
        expect: {recommendation: contentious-appeal, route: court, appeal_deadline: "2026-12-01"}
        """.write(toFile: dir + "/indu.yaml", atomically: true, encoding: .utf8)
        let run = try BinaryRunner.run(["quiz", "--cases", dir, "--report", dir + "/resultats.md"], stdin: "4\n30/11/2026\n")
        #expect(run.status == 0)
        #expect(
            run.stdout.contains("La date juste est le mardi 1er décembre 2026")
                || run.stdout.contains("La date juste est le mardi 1 décembre 2026"))
        let report = try String(contentsOfFile: dir + "/resultats.md", encoding: .utf8)
        #expect(report.contains("Score : 1 point sur 2, pour 1 cas"))
        #expect(report.contains("- Contrainte remise le 16 novembre"))
    }

    /// Issue 26, point 16.
    @Test("diff finds the shipped rule sets by name and, without cases, runs the shipped ones, in French")
    func diffByName() throws {
        let run = try BinaryRunner.run(["diff", "conciliation-2007", "conciliation"], directory: "/")
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("conciliation-2007 2007.3 → conciliation 2026.4 : "))
        #expect(run.stdout.contains("    par ex. "))
        #expect(!run.stdout.contains("e.g.") && !run.stdout.contains("case(s)"))
        let wrong = try BinaryRunner.run(["diff", "conciliation-1999", "conciliation"], directory: "/")
        #expect(wrong.status != 0)
        #expect(
            wrong.stderr.contains("conciliation-2007.yaml, conciliation.yaml")
                || wrong.stderr.contains("conciliation.yaml, conciliation-2007.yaml"))
    }

}

@Suite("Installed like a tool")
struct InstalledTests {
    @Test("--version names the program and each shipped rule set")
    func version() throws {
        let run = try BinaryRunner.run(["--version"])
        #expect(run.status == 0)
        #expect(run.stdout == "conciliation 0.3.0 — règles conciliation 2026.4, conciliation-2007 2007.3\n")
    }

    @Test("Copied alone to another folder, it carries its rules and cases: interview, triage, quiz, test; --dialogue still reads a file")
    func carriesItsRules() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("alone-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let alone = folder + "/conciliation"
        try FileManager.default.copyItem(atPath: BinaryRunner.binary, toPath: alone)
        func run(_ arguments: [String], stdin: String = "") throws -> BinaryRunner.Outcome {
            try BinaryRunner.run(
                arguments, stdin: stdin, environment: ["HOME": folder, "XDG_STATE_HOME": folder + "/state"], directory: "/",
                executable: alone, unset: ["CONCILIATION_DIALOGUES"])
        }
        let triage = try run(
            ["triage", "--today", "2026-11-23", "--format", "json", "-"],
            stdin: #"{"subject":"functioning","court_case_pending":false,"complaint_made":false}"#)
        #expect(triage.status == 0)
        #expect(triage.stdout.contains(#""recommendation":"reclaim-first""#))
        #expect(triage.stdout.contains(#""version":"2026.4""#))
        let interview = try run(["--no-save", "--today", "2026-11-23"], stdin: "4\nnon\nnon\n")
        #expect(interview.stdout.contains("→ Faites d'abord une réclamation à votre caisse"))
        let shippedCases = CaseFilesOnDisk.count(BinaryRunner.root + "/dialogues/cases")
        let test = try run(["test"])
        #expect(test.stdout.hasSuffix("\(shippedCases) passed, 0 failed\n"), "every shipped case, from the binary alone")
        let quiz = try run(["quiz", "--count", "1", "--seed", "3"], stdin: ":quitter\n")
        #expect(quiz.status == 0)
        #expect(quiz.stdout.contains("Quiz : 1 cas."))
        let old = try run(
            ["triage", "--dialogue", BinaryRunner.root + "/dialogues/history/conciliation-2026.1.yaml", "--format", "json", "-"],
            stdin: #"{"subject":"functioning","court_case_pending":false,"complaint_made":false,"today":"2026-11-23"}"#)
        #expect(old.stdout.contains(#""version":"2026.1""#))
    }
}

/// Case files under a folder, as `conciliation test` finds them.
enum CaseFilesOnDisk {
    static func count(_ folder: String) -> Int {
        (FileManager.default.enumerator(atPath: folder)?.allObjects as? [String] ?? []).filter { $0.hasSuffix(".yaml") }.count
    }
}
