import DialogueKit
import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// The second round of hostile input (issue 11): each finding as the adversary
/// sent it, through the built binary.
@Suite("Hostile input: dates out of range, lost results, line framing, failed writes")
struct HostileInputTests {
    static let valid = #"{"subject":"functioning","court_case_pending":false,"complaint_made":false,"today":"2026-11-23"}"#

    @Test(
        "Dates past year 9999 or before 1900 are refused with a sentence, never a crash",
        arguments: [
            (
                #"{"subject":"decision-medical","notified_on":"9999-12-01","appeal_filed":"cmra","appeal_received_on":"9999-12-31","appeal_answer":"none","court_case_pending":false,"complaint_made":false,"today":"9999-12-31"}"#,
                "hors des dates traitées"
            ),
            (
                #"{"subject":"decision-admin","notified_on":"0000-01-01","court_case_pending":false,"complaint_made":false}"#,
                "hors des dates traitées"
            ),
            (
                #"{"subject":"decision-admin","notified_on":"+026-10-05","court_case_pending":false,"complaint_made":false}"#,
                "au format \"AAAA-MM-JJ\""
            ),
            (
                #"{"subject":"decision-admin","notified_on":"2026-10-05","court_case_pending":false,"complaint_made":false,"today":"9999-12-31"}"#,
                "hors des dates traitées"
            ),
        ])
    func datesOutOfRange(line: String, message: String) throws {
        let run = try BinaryRunner.run(["triage", "--format", "json", "-"], stdin: line + "\n")
        #expect(run.status == 2)
        #expect(run.stderr.contains(message))
        #expect(!run.stderr.contains("n'existe pas : ce mois a"))
        #expect(!run.stdout.contains(":000"))
        #expect(!run.stdout.contains("10000-"))
    }

    @Test("The interview refuses a --today it cannot count from, and a relative date that leaves the range")
    func interviewRange() throws {
        let early = try BinaryRunner.run(["--today", "0001-01-15", "--no-save"], stdin: "")
        #expect(early.status == 64)
        #expect(early.stderr.contains("du 1900-01-01 au 9998-12-31"))
        #expect(early.stderr.contains("Erreur : La valeur '0001-01-15' ne convient pas à"))
        let run = try BinaryRunner.run(["--today", "1900-01-15", "--no-save"], stdin: "1\nil y a 13 mois\nhier\n")
        #expect(run.stdout.contains("Cette date est hors des dates traitées, du 1er janvier 1900 au 31 décembre 9998."))
        #expect(run.stdout.contains("→ dimanche 14 janvier 1900"))
    }

    @Test("An unfinished first line is an error for that line only; the lines after it are routed")
    func unfinishedFirstLine() throws {
        let run = try BinaryRunner.run(["triage", "--format", "json", "-"], stdin: "{\"x\":[\n\(Self.valid)\n\(Self.valid)\n")
        #expect(run.status == 2)
        let lines = run.lines
        #expect(lines.count == 3)
        #expect(lines.first?.contains(#""line":1,"error""#) == true)
        #expect(lines.dropFirst().allSatisfy { $0.contains(#""recommendation":"reclaim-first""#) })
        #expect(lines.last?.hasPrefix(#"{"line":3,"#) == true)
    }

    @Test("A first line missing its } loses no later line, however many follow")
    func manyLinesAfterABadOne() throws {
        let input = "{\"x\":[\n" + String(repeating: Self.valid + "\n", count: 3000)
        let run = try BinaryRunner.run(["triage", "--format", "json", "-"], stdin: input)
        #expect(run.lines.count == 3001)
        #expect(run.lines.last?.hasPrefix(#"{"line":3001,"#) == true)
    }

    /// Issue 29, point 2: pending lines grew by a copy per line (quadratic), and
    /// a line without end grew without bound. The time limit guards a hang; the
    /// speed itself is measured in `scripts/bench`.
    @Test(
        "A « { » followed by a million blank lines is read in linear time, and the case after it is routed",
        .timeLimit(.minutes(5)))
    func manyBlankLinesAfterAnOpenBrace() throws {
        let input = "{" + String(repeating: "\n", count: 1_000_000) + Self.valid + "\n"
        let run = try BinaryRunner.run(["triage", "--format", "json", "-"], stdin: input)
        #expect(run.lines.first?.contains(#""line":1,"error""#) == true)
        #expect(run.lines.last?.hasPrefix(#"{"line":1000001,"recommendation":"reclaim-first""#) == true)
    }

    @Test("A line longer than 1 MiB is an error for that line alone, its bytes skipped, and the next line is routed")
    func lineWithoutEnd() throws {
        for head in ["", "{\"subject\":\""] {
            let input = head + String(repeating: "a", count: 3 << 20) + "\n" + Self.valid + "\n"
            let run = try BinaryRunner.run(["triage", "--format", "json", "-"], stdin: input)
            #expect(run.status == 2)
            #expect(run.lines.count == 2)
            #expect(run.lines.first?.contains(#""line":1,"error""#) == true)
            #expect(run.stderr.contains("ligne trop longue (plus de 1 Mio)"), "\(run.stderr.prefix(300))")
            #expect(run.lines.last?.hasPrefix(#"{"line":2,"recommendation":"reclaim-first""#) == true)
        }
    }

    @Test("One object spread over lines is still read when it is the whole input")
    func oneObjectOverLines() throws {
        let run = try BinaryRunner.run(
            ["triage", "--format", "json", "--today", "2026-11-23", "-"],
            stdin: "{\n  \"subject\": \"functioning\",\n  \"court_case_pending\": false,\n  \"complaint_made\": false\n}\n")
        #expect(run.status == 0)
        #expect(run.lines.count == 1)
        #expect(run.lines.first?.hasPrefix(#"{"line":1,"recommendation":"reclaim-first""#) == true)
    }

    @Test("A byte order mark is named as such")
    func byteOrderMark() throws {
        let run = try BinaryRunner.run(["triage", "-"], stdin: "\u{FEFF}" + Self.valid + "\n")
        #expect(run.status == 2)
        #expect(run.stderr.contains("marque d'ordre des octets (BOM)"))
    }

    @Test("A result is written as soon as its case is routed, before the next line arrives")
    func resultsAreWrittenAtOnce() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: BinaryRunner.binary)
        process.arguments = ["triage", "--format", "json", "-"]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }
        input.fileHandleForWriting.write(Data((Self.valid + "\n").utf8))
        // The input stays open: the result must come without more input, and stay
        // written when the process is then killed.
        let fd = output.fileHandleForReading.fileDescriptor
        var pollFD = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        let ready = poll(&pollFD, 1, 20_000)
        #expect(ready == 1, "no result while the input is still open")
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(text.hasPrefix(#"{"line":1,"recommendation":"reclaim-first""#))
        #expect(text.hasSuffix("}\n"))
    }

    @Test(
        "A failed write of the results exits non-zero with a sentence", arguments: [["triage", "-"], ["triage", "--format", "json", "-"]])
    func triageToAFullDevice(arguments: [String]) throws {
        let run = try Self.runToFull(arguments, stdin: Self.valid + "\n")
        #expect(run.status == 1)
        #expect(run.stderr.contains("n'ont pas pu être écrits (plus de place sur le disque)"))
    }

    /// Issue 29, point 4: every command's output, ArgumentParser's help included,
    /// goes through a checked writer.
    @Test(
        "Every command whose output cannot be written exits 1 with a sentence",
        arguments: [
            ["graph"], ["test", "dialogues/cases/2007"],
            ["diff", "dialogues/conciliation-2007.yaml", "dialogues/conciliation.yaml", "dialogues/cases/2007"],
            ["check", "dialogues/conciliation-2007.yaml"], ["--version"], ["--help"], ["quiz", "--help"], ["resume", "--list"], ["purge"],
            ["quiz", "--count", "1", "--seed", "1"], ["--no-save", "--today", "2026-11-23"],
        ])
    func everyCommandToAFullDevice(arguments: [String]) throws {
        let state = FileManager.default.temporaryDirectory.appendingPathComponent("full-state-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: state) }
        let run = try Self.runToFull(arguments, stdin: "4\nnon\nnon\n", directory: BinaryRunner.root, state: state)
        #expect(run.status == 1, "\(arguments)")
        #expect(run.stderr.contains("la sortie n'a pas pu être écrite (plus de place sur le disque)"), "\(arguments): \(run.stderr)")
    }

    /// Issue 29, point 5: `ulimit -f` sends SIGXFSZ at the first write past it.
    @Test("A file size limit gives a sentence, not a silent death, and leaves no temporary file")
    func fileSizeLimit() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("xfsz-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let cases = String(repeating: Self.valid + "\n", count: 200)
        try cases.write(toFile: dir + "/cases.jsonl", atomically: true, encoding: .utf8)
        // `env --default-signal`: the test runner may ignore SIGXFSZ, and an
        // ignored signal stays ignored across exec; the program must do it itself.
        let triage = try BinaryRunner.run(
            ["-c", "ulimit -f 4; exec env --default-signal=XFSZ \"$0\" triage --format json cases.jsonl > out.jsonl", BinaryRunner.binary],
            directory: dir, executable: "/bin/bash")
        #expect(triage.status == 1, "killed by SIGXFSZ gives 153: \(triage.status)")
        #expect(triage.stderr.contains("fichier trop grand"), "\(triage.stderr)")
        // The autosave under a limit of 0: every save fails; what is shown goes
        // through a pipe, which the limit does not touch.
        let interview = try BinaryRunner.run(
            ["-c", "( ulimit -f 0; exec env --default-signal=XFSZ \"$0\" --today 2026-11-23 2>&1 ) | cat", BinaryRunner.binary],
            stdin: "4\nnon\nnon\n",
            environment: ["XDG_STATE_HOME": dir + "/state"], directory: dir, executable: "/bin/bash")
        #expect(!interview.stdout.isEmpty)
        #expect(interview.stdout.contains("Faites d'abord une réclamation"), "the interview goes on to its result")
        #expect(interview.stdout.contains("fichier trop grand"), "the failed autosave is said: \(interview.stdout.suffix(400))")
        let left = (try? FileManager.default.contentsOfDirectory(atPath: dir + "/state/conciliation")) ?? []
        #expect(!left.contains { $0.hasPrefix(".conciliation-") }, "no temporary file left: \(left)")
    }

    @Test("A letter that cannot be written exits non-zero with a sentence")
    func letterToAFullDevice() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("letter-case-\(getpid()).json").path
        try Self.valid.write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let run = try Self.runToFull(
            [
                "letter", path, "--name", "Marie Dupont", "--address", "3 rue des Lilas",
                "--nir", "184127645108946", "--caisse", "CPAM du Bas-Rhin",
            ], stdin: "")
        #expect(run.status == 1)
        #expect(run.stderr.contains("la lettre n'a pas pu être écrite"))
    }

    /// Runs the binary with standard output on /dev/full (every write fails with ENOSPC).
    static func runToFull(
        _ arguments: [String], stdin: String, directory: String? = nil, state: String? = nil
    ) throws -> (status: Int32, stderr: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: BinaryRunner.binary)
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        if let state { process.environment = ProcessInfo.processInfo.environment.merging(["XDG_STATE_HOME": state]) { $1 } }
        let input = Pipe(), errors = Pipe()
        process.standardInput = input
        process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: "/dev/full"))
        process.standardError = errors
        try process.run()
        input.fileHandleForWriting.write(Data(stdin.utf8))
        try input.fileHandleForWriting.close()
        let text = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, text)
    }
}

@Suite("Leaks to the screen and minor refusals (issue 11)")
struct LeakTests {
    static let functioning = #"{"subject":"functioning","court_case_pending":false,"complaint_made":false,"today":"2026-11-23"}"#

    @Test("letter with its details piped in: standard output is the letter alone, the number never echoed in full")
    func letterOnStdoutIsTheLetterAlone() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("leak-case-\(getpid()).json").path
        try Self.functioning.write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        // Piped, nothing is read from standard input: the missing options are named.
        let piped = try BinaryRunner.run(
            ["letter", path], stdin: "Marie Dupont\n3 rue des Lilas, 67000 Strasbourg\n184127645108946\nCPAM du Bas-Rhin\n")
        #expect(piped.status == 64)
        #expect(piped.stdout.isEmpty)
        #expect(!piped.stderr.contains("184127645108946"))
        let run = try BinaryRunner.run([
            "letter", path, "--name", "Marie Dupont", "--address", "3 rue des Lilas, 67000 Strasbourg",
            "--nir", "184127645108946", "--caisse", "CPAM du Bas-Rhin", "--reference", "",
        ])
        #expect(run.status == 0)
        #expect(run.stdout.hasPrefix("Marie Dupont\n3 rue des Lilas"))
        #expect(!run.stdout.contains("> "))
        #expect(!run.stdout.contains("(référence )"))
        #expect(!run.stderr.contains("184127645108946"))
        #expect(run.stderr.contains("•••"))
    }

    @Test("A piped interview never echoes a typed social security number in full")
    func pipedInterviewMasksTheNumber() throws {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("leak-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: home) }
        let run = try BinaryRunner.run(
            ["--today", "2026-11-23", "--no-save"],
            stdin: "4\nnon\nnon\n:lettre \(home)/l.txt\nMarie Dupont\n3 rue des Lilas\n184127645108946\nCPAM du Bas-Rhin\n",
            environment: ["HOME": home])
        #expect(run.stdout.contains("Lettre écrite dans"))
        #expect(!run.stdout.contains("184127645108946"))
    }

    /// Issue 29, point 9: the echo « > … » of a piped line showed it raw.
    @Test("A piped line is shown again with its controls and bidirectional overrides made visible")
    func pipedEchoIsVisible() throws {
        let run = try BinaryRunner.run(
            ["--today", "2026-11-23", "--no-save"], stdin: "4\u{1B}]0;titre\u{7}\n\u{9B}2J\u{202E}\n4\nnon\nnon\n")
        #expect(!run.stdout.unicodeScalars.contains { VisibleText.forbiddenCharacter(in: String($0), lines: true) != nil })
        #expect(run.stdout.contains("> 4\\u{1B}]0;titre\\u{7}"))
        #expect(run.stdout.contains("> \\u{9B}2J\\u{202E}"))
        #expect(run.stdout.contains("Faites d'abord une réclamation"))
    }

    @Test("test on a folder with no case says so and fails")
    func testOnEmptyFolder() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("empty-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let run = try BinaryRunner.run(["test", dir])
        #expect(run.status != 0)
        #expect(run.stderr.contains("no case file (.yaml)"))
    }

    @Test("quiz --count -1 gets a real message")
    func quizNegativeCount() throws {
        let run = try BinaryRunner.run(["quiz", "--count", "-1"])
        #expect(run.status == 64)
        #expect(run.stderr.contains("--count prend un nombre de cas, 1 ou plus"))
    }

    @Test("check /dev/zero is refused at once")
    func checkDevice() throws {
        let run = try BinaryRunner.run(["check", "/dev/zero"])
        #expect(run.status != 0)
        #expect(run.stderr.contains("pas un fichier ordinaire"))
    }
}
