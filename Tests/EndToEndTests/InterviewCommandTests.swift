import Foundation
import Testing

@Suite("The interview without a terminal, resume and purge, through the built binary")
struct InterviewCommandTests {
    func state() -> (home: String, env: [String: String]) {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("conciliation-e2e-\(UUID().uuidString)").path
        try? FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        return (home, ["HOME": home, "XDG_STATE_HOME": home + "/state"])
    }

    @Test("Piped answers: the questions are still printed, and no colour")
    func pipedInterview() throws {
        let (_, env) = state()
        let run = try BinaryRunner.run(["--today", "2026-11-23"], stdin: "4\nnon\nnon\n", environment: env)
        #expect(run.status == 0)
        #expect(run.stdout.contains("question 1 (15 au plus)\nSur quoi porte votre désaccord"))
        #expect(run.stdout.contains("> 4\n"))
        #expect(run.stdout.contains("→ Faites d'abord une réclamation à votre caisse"))
        #expect(!run.stdout.contains("\u{1B}["))
    }

    @Test("--no-save writes nothing")
    func noSave() throws {
        let (home, env) = state()
        _ = try BinaryRunner.run(["--today", "2026-11-23", "--no-save"], stdin: "4\nnon\n", environment: env)
        #expect(!FileManager.default.fileExists(atPath: home + "/state"))
    }

    @Test("purge deletes finished interviews only, unless --all")
    func purge() throws {
        let (home, env) = state()
        _ = try BinaryRunner.run(["--today", "2026-11-23"], stdin: "4\nnon\nnon\n", environment: env)   // finished
        _ = try BinaryRunner.run(["--today", "2026-11-23"], stdin: "4\nnon\n", environment: env)        // unfinished
        let folder = home + "/state/conciliation"
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).count == 2)
        let list = try BinaryRunner.run(["resume", "--list"], environment: env)
        #expect(list.stdout.contains("2 réponse(s)"))
        let purge = try BinaryRunner.run(["purge"], environment: env)
        #expect(purge.stdout.contains("1 entretien(s) supprimé(s)"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).count == 1)
        _ = try BinaryRunner.run(["purge", "--all"], environment: env)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).isEmpty)
    }

    @Test("resume by number continues where the answers stop")
    func resumeByNumber() throws {
        let (_, env) = state()
        _ = try BinaryRunner.run(["--today", "2026-11-23"], stdin: "4\nnon\noui\n", environment: env)
        let run = try BinaryRunner.run(["resume", "1", "--today", "2026-11-23"], stdin: "hier\n3\n1\n", environment: env)
        #expect(run.stdout.contains("Reprise de l'entretien"))
        #expect(run.stdout.contains("→ dimanche 22 novembre 2026"))
        #expect(run.stdout.contains("→ Attendez la réponse de la caisse jusqu'au dimanche 13 décembre 2026"))
        _ = try BinaryRunner.run(["--today", "2026-11-23"], stdin: "4\n", environment: env)
        let wrong = try BinaryRunner.run(["resume", "7"], environment: env)
        #expect(wrong.status == 64)
        #expect(wrong.stderr.contains("type a number from 1 to 1"))
    }
}
