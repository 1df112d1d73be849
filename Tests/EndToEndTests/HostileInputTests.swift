#if canImport(Glibc)
import Glibc
#endif
import Foundation
import Testing

/// The second round of hostile input (issue 11): each finding as the adversary
/// sent it, through the built binary.
@Suite("Hostile input: dates out of range, lost results, line framing, failed writes")
struct HostileInputTests {
    static let valid = #"{"subject":"functioning","court_case_pending":false,"complaint_made":false,"today":"2026-11-23"}"#

    @Test("Dates past year 9999 or before 1900 are refused with a sentence, never a crash", arguments: [
        (#"{"subject":"decision-medical","notified_on":"9999-12-01","appeal_filed":"cmra","appeal_received_on":"9999-12-31","appeal_answer":"none","court_case_pending":false,"complaint_made":false,"today":"9999-12-31"}"#,
         "hors des dates traitées"),
        (#"{"subject":"decision-admin","notified_on":"0000-01-01","court_case_pending":false,"complaint_made":false}"#, "hors des dates traitées"),
        (#"{"subject":"decision-admin","notified_on":"+026-10-05","court_case_pending":false,"complaint_made":false}"#, "au format \"AAAA-MM-JJ\""),
        (#"{"subject":"decision-admin","notified_on":"2026-10-05","court_case_pending":false,"complaint_made":false,"today":"9999-12-31"}"#, "hors des dates traitées"),
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
        #expect(early.stderr.contains("from 1900-01-01 to 9998-12-31"))
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

    @Test("One object spread over lines is still read when it is the whole input")
    func oneObjectOverLines() throws {
        let run = try BinaryRunner.run(["triage", "--format", "json", "--today", "2026-11-23", "-"],
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

    @Test("A failed write of the results exits non-zero with a sentence", arguments: [["triage", "-"], ["triage", "--format", "json", "-"]])
    func triageToAFullDevice(arguments: [String]) throws {
        let run = try Self.runToFull(arguments, stdin: Self.valid + "\n")
        #expect(run.status == 1)
        #expect(run.stderr.contains("n'ont pas pu être écrits"))
    }

    @Test("A letter that cannot be written exits non-zero with a sentence")
    func letterToAFullDevice() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("letter-case-\(getpid()).json").path
        try Self.valid.write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let run = try Self.runToFull(["letter", path, "--name", "Marie Dupont", "--address", "3 rue des Lilas",
                                      "--nir", "184127645108946", "--caisse", "CPAM du Bas-Rhin"], stdin: "")
        #expect(run.status == 1)
        #expect(run.stderr.contains("la lettre n'a pas pu être écrite"))
    }

    /// Runs the binary with standard output on /dev/full (every write fails with ENOSPC).
    static func runToFull(_ arguments: [String], stdin: String) throws -> (status: Int32, stderr: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: BinaryRunner.binary)
        process.arguments = arguments
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
