import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

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
        #expect(run.stdout.contains("question 1 (27 au plus)\nSur quoi porte votre désaccord"))
        #expect(run.stdout.contains("> 4\n"))
        #expect(run.stdout.contains("→ Faites d'abord une réclamation à votre caisse"))
        #expect(!run.stdout.contains("\u{1B}["))
        // Issue 26, point 15: a training scenario's day is named.
        #expect(run.stdout.contains("Jour simulé : lundi 23 novembre 2026 (--today) ; les dates sont comptées depuis ce jour."))
        let real = try BinaryRunner.run([], stdin: "4\n", environment: env)
        #expect(!real.stdout.contains("Jour simulé"))
    }

    /// Issue 26, point 15: « aujourd'hui même » is wrong on a simulated day, and needless on a real one.
    @Test("No shipped rule tells the person to act « aujourd'hui même »", arguments: ["conciliation.yaml", "conciliation-2007.yaml"])
    func noTodayItself(file: String) throws {
        let text = try String(contentsOfFile: BinaryRunner.root + "/dialogues/" + file, encoding: .utf8)
        #expect(!text.contains("aujourd'hui même"))
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
        _ = try BinaryRunner.run(["--today", "2026-11-23"], stdin: "4\nnon\nnon\n", environment: env)  // finished
        _ = try BinaryRunner.run(["--today", "2026-11-23"], stdin: "4\nnon\n", environment: env)  // unfinished
        let folder = home + "/state/conciliation"
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).count == 2)
        let list = try BinaryRunner.run(["resume", "--list"], environment: env)
        // Issue 26, point 10: who answered, the subject and the question on lines of their own, 60 columns at most.
        #expect(list.stdout.contains("— la personne elle-même — 2 réponses\n   Objet : Le fonctionnement de la caisse"))
        #expect(list.stdout.contains("\n   Question en cours : Réclamation faite\n"))
        #expect(list.stdout.split(separator: "\n").allSatisfy { $0.count <= 60 }, "\(list.stdout)")
        let purge = try BinaryRunner.run(["purge"], environment: env)
        #expect(purge.stdout.hasPrefix("1 fichier supprimé.\n"))
        #expect(purge.stdout.contains("les lettres (qui portent le numéro de sécurité sociale complet) restent là où ils ont été écrits"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).count == 1)
        // An unfinished interview is not deleted without a yes: no terminal here, so --yes.
        let refused = try BinaryRunner.run(["purge", "--all"], environment: env)
        #expect(refused.status == 64)
        #expect(refused.stderr.contains("1 entretien non terminé : sans terminal, rien n'est demandé ; ajoutez --yes pour le supprimer"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).count == 1)
        _ = try BinaryRunner.run(["purge", "--all", "--yes"], environment: env)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).isEmpty)
    }

    @Test("resume by number continues where the answers stop")
    func resumeByNumber() throws {
        let (_, env) = state()
        _ = try BinaryRunner.run(["--today", "2026-11-23"], stdin: "4\nnon\noui\n", environment: env)
        let run = try BinaryRunner.run(["resume", "1", "--today", "2026-11-23"], stdin: "hier\n3\n1\n", environment: env)
        #expect(run.stdout.contains("Reprise de l'entretien"))
        #expect(
            run.stdout.contains(
                "Réponses déjà données :\n  1. Objet du litige : Le fonctionnement de la caisse\n  2. Tribunal saisi : non\n"))
        #expect(run.stdout.contains("→ dimanche 22 novembre 2026"))
        #expect(run.stdout.contains("→ Attendez la réponse de la caisse jusqu'au dimanche 13 décembre 2026"))
        _ = try BinaryRunner.run(["--today", "2026-11-23"], stdin: "4\n", environment: env)
        let wrong = try BinaryRunner.run(["resume", "7"], environment: env)
        #expect(wrong.status == 64)
        #expect(wrong.stderr.contains("tapez un numéro de 1 à 1"))
    }

    /// A saved interview written by hand, as an adversary would plant it.
    func plant(_ folder: String, id: String, dialogueFile: String, finished: Bool) throws {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        chmod(folder, 0o700)
        let json =
            #"{"format":2,"id":"\#(id)","dialogue_file":"\#(dialogueFile)","dialogue":"conciliation","version":"2026.4","lang":"fr","audience":"self","created":"2026-11-23T09:00:00Z","updated":"2026-11-23T09:00:00Z","finished":\#(finished),"answers":[{"question":"subject","value":"functioning"}]}"#
        try Data(json.utf8).write(to: URL(fileURLWithPath: folder + "/" + id + ".json"))
    }

    @Test("purge --all removes every file the program may have left, and counts only what it removed")
    func purgeLeftovers() throws {
        let (home, env) = state()
        let folder = home + "/state/conciliation"
        try plant(folder, id: "20261123-090000-aaa", dialogueFile: "x", finished: true)
        try Data("{not json".utf8).write(to: URL(fileURLWithPath: folder + "/20261123-090000-bbb.json"))
        let temporary = folder + "/.conciliation-Ab12Cd"
        try Data("answers".utf8).write(to: URL(fileURLWithPath: temporary))
        var times = [timespec(tv_sec: time(nil) - 3600, tv_nsec: 0), timespec(tv_sec: time(nil) - 3600, tv_nsec: 0)]
        #expect(utimensat(AT_FDCWD, temporary, &times, 0) == 0)
        let purge = try BinaryRunner.run(["purge", "--all"], environment: env)
        #expect(purge.stdout.hasPrefix("3 fichiers supprimés.\n"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).isEmpty)
        let again = try BinaryRunner.run(["purge", "--all"], environment: env)
        #expect(again.stdout.hasPrefix("0 fichier supprimé.\n"))
    }

    @Test("resume names a rules file that is not the shipped one before using it")
    func resumeNamesAForeignDialogue() throws {
        let (home, env) = state()
        let copy = home + "/other-rules.yaml"
        try FileManager.default.copyItem(atPath: BinaryRunner.root + "/dialogues/conciliation.yaml", toPath: copy)
        try plant(home + "/state/conciliation", id: "20261123-090000-ccc", dialogueFile: copy, finished: false)
        let run = try BinaryRunner.run(["resume", "1", "--today", "2026-11-23"], stdin: "", environment: env)
        #expect(run.stdout.contains("Cet entretien suit le fichier de règles \(copy), qui n'est pas celui livré."))
    }

    /// Issue 29, point 12.
    @Test("A lock planted as a link to a device or as a FIFO is cleaned: resume goes on, purge removes")
    func plantedLocks() throws {
        for kind in ["link", "fifo"] {
            let (home, env) = state()
            let folder = home + "/state/conciliation"
            try plant(folder, id: "20261123-090000-eee", dialogueFile: "conciliation.yaml", finished: false)
            let lock = folder + "/.20261123-090000-eee.lock"
            if kind == "link" {
                try FileManager.default.createSymbolicLink(atPath: lock, withDestinationPath: "/dev/zero")
            } else {
                #expect(mkfifo(lock, 0o600) == 0)
            }
            let run = try BinaryRunner.run(["resume", "1", "--today", "2026-11-23"], stdin: "non\n", environment: env)
            #expect(run.stdout.contains("Reprise de l'entretien"), "\(kind): \(run.stderr)")
            #expect(!run.stderr.contains("ailleurs"))
            var info = stat()
            #expect(lstat(lock, &info) != 0, "\(kind): the planted lock is gone once the interview ends")
            // Planted again: purge --all removes the interview and the lock.
            try FileManager.default.createSymbolicLink(atPath: lock, withDestinationPath: "/dev/zero")
            let purge = try BinaryRunner.run(["purge", "--all", "--yes"], environment: env)
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder).isEmpty, "\(kind): \(purge.stdout)")
        }
    }

    @Test("A session naming other rules is said to go on with them, by name; « Reprise » comes before the first question")
    func resumeOtherRules() throws {
        let (home, env) = state()
        try plant(home + "/state/conciliation", id: "20261123-090000-fff", dialogueFile: "conciliation-2007.yaml", finished: false)
        let run = try BinaryRunner.run(["resume", "1", "--today", "2026-11-23"], stdin: "", environment: env)
        #expect(
            run.stdout.contains(
                "Cet entretien a été commencé avec d'autres règles (conciliation 2026.4) : il se poursuit avec les règles conciliation-2007 2007.3"
            ), "\(run.stdout)")
        #expect(!run.stdout.contains("règles actuelles"))
        let resuming = try #require(run.stdout.range(of: "Reprise de l'entretien"))
        let question = try #require(run.stdout.range(of: "question "))
        #expect(resuming.lowerBound < question.lowerBound, "the line comes first when piped")
    }

    @Test("The same interview resumed twice at once: the second is told it is open elsewhere")
    func resumeTwice() throws {
        let (home, env) = state()
        let folder = home + "/state/conciliation"
        try plant(folder, id: "20261123-090000-ddd", dialogueFile: "x", finished: false)
        let fd = open(folder + "/.20261123-090000-ddd.lock", O_RDWR | O_CREAT, 0o600)
        #expect(flock(fd, LOCK_EX) == 0)
        defer { close(fd) }
        let run = try BinaryRunner.run(["resume", "1", "--today", "2026-11-23"], stdin: "", environment: env)
        #expect(run.status != 0)
        #expect(run.stderr.contains("est ouvert ailleurs"))
    }

    @Test("A state folder that is a symbolic link is refused with the reason; the interview goes on unsaved")
    func symlinkedStateFolder() throws {
        let (home, env) = state()
        let elsewhere = home + "/elsewhere"
        try FileManager.default.createDirectory(atPath: elsewhere, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: home + "/state", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: home + "/state/conciliation", withDestinationPath: elsewhere)
        let run = try BinaryRunner.run(["--today", "2026-11-23"], stdin: "4\nnon\n", environment: env)
        #expect(run.stdout.contains("est un lien symbolique"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: elsewhere).isEmpty)
    }
}
