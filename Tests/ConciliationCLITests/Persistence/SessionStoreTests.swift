import DialogueKit
import Foundation
import Testing

@testable import ConciliationCLI

@Suite("The state folder and its files are not trusted")
struct SessionStoreTests {
    @Test("A folder open to others is narrowed to 0700")
    func wideFolderIsNarrowed() throws {
        let dir = temporaryDirectory() + "/conciliation"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o777])
        chmod(dir, 0o777)
        try SessionStore(directory: dir).secure()
        #expect((try FileManager.default.attributesOfItem(atPath: dir)[.posixPermissions] as? Int) == 0o700)
    }

    @Test("A symbolic link in place of the folder is refused, with the fix")
    func symlinkIsRefused() throws {
        let base = temporaryDirectory()
        let target = base + "/elsewhere"
        try FileManager.default.createDirectory(atPath: target, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: base + "/conciliation", withDestinationPath: target)
        #expect(throws: SessionStore.Refusal.self) { try SessionStore(directory: base + "/conciliation").secure() }
        do {
            try SessionStore(directory: base + "/conciliation").secure()
        } catch {
            #expect(error == .symbolicLink(folder: base + "/conciliation"))
            #expect(error.text(.fr).contains("lien symbolique") && error.text(.fr).contains("rm "))
            #expect(
                error.text(.en).hasSuffix(
                    "is a symbolic link; to protect the answers, the interview does not write there. Remove the link (rm \(base)/conciliation): a real folder will be made."
                ))
        }
        let (_, loop, _) = try runInterview(["4", "non"], store: base + "/conciliation")
        _ = loop
        #expect(try FileManager.default.contentsOfDirectory(atPath: target).isEmpty, "nothing written through the link")
    }

    @Test("A planted session cannot name a file outside the folder, and is not taken up")
    func plantedSession() throws {
        let base = temporaryDirectory()
        let dir = base + "/conciliation"
        let victim = base + "/victimdir"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: victim, withIntermediateDirectories: true)
        try Data("precious".utf8).write(to: URL(fileURLWithPath: victim + "/precious.json"))
        let planted =
            #"{"format":2,"id":"../victimdir/precious","dialogue_file":"/etc/passwd","dialogue":"x","version":"1","lang":"fr","audience":"self","created":"2026-11-23T09:00:00Z","updated":"2026-11-23T09:00:00Z","finished":true,"answers":[{"question":"subject","value":"functioning"}]}"#
        try Data(planted.utf8).write(to: URL(fileURLWithPath: dir + "/20261123-090000-abc.json"))
        let entries = SessionStore(directory: dir).list()
        #expect(entries.count == 1)
        #expect(entries.first?.record == nil, "an id that is not its file name is refused")
        #expect(SessionStore(directory: dir).delete("../victimdir/precious") == false)
        #expect(FileManager.default.fileExists(atPath: victim + "/precious.json"))
    }

    @Test("A FIFO or a link to a device is passed over without reading it")
    func fifoAndDevice() throws {
        let dir = temporaryDirectory() + "/conciliation"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        #expect(mkfifo(dir + "/x.json", 0o600) == 0)
        try FileManager.default.createSymbolicLink(atPath: dir + "/zero.json", withDestinationPath: "/dev/zero")
        let entries = SessionStore(directory: dir).list()  // returns: neither blocks nor reads without end
        #expect(entries.count == 2)
        #expect(entries.allSatisfy { $0.record == nil })
    }

    @Test("A file that is no session of this format is refused with its reason: not JSON, no format, another format, a field missing")
    func otherFormat() {
        let old = Array(#"{"format":"conciliation-session-1","id":"a"}"#.utf8)
        #expect(throws: SessionRecord.ReadError.otherFormat(1)) { try SessionRecord.read(old) }
        #expect(throws: SessionRecord.ReadError.notJSON) { try SessionRecord.read(Array("not json".utf8)) }
        #expect(throws: SessionRecord.ReadError.noFormat) { try SessionRecord.read(Array("{\"id\": \"x\"}".utf8)) }
        let current = Array("{\"format\": \(SessionRecord.currentFormat)}".utf8)
        #expect(throws: SessionRecord.ReadError.badField) { try SessionRecord.read(current) }
        let future = Array(#"{"format":3,"id":"a"}"#.utf8)
        #expect(throws: SessionRecord.ReadError.otherFormat(3)) { try SessionRecord.read(future) }
    }

    @Test("A record survives its own encoding, answers in order")
    func roundTrip() throws {
        var record = SessionRecord(
            id: "20261123-090000-abc", dialogueFile: "/d.yaml", dialogueID: "conciliation", dialogueVersion: "2026.2",
            language: .en, audience: .agent, todayOverride: CivilDate(iso: "2026-11-23"), created: "c", updated: "u",
            finished: false, outcome: nil, answers: [])
        record.answers = [
            .init(question: "subject", value: .text("functioning")), .init(question: "court_case_pending", value: .flag(false)),
            .init(question: "notified_on", value: .unknown),
        ]
        #expect(try SessionRecord.read(record.json()) == record)
    }

    @Test("The same interview cannot be opened twice")
    func lockIsExclusive() throws {
        let store = SessionStore(directory: temporaryDirectory() + "/conciliation")
        let first = try #require(store.lock("20261123-090000-abc"))
        #expect(store.lock("20261123-090000-abc") == nil)
        close(first)
        let again = try #require(store.lock("20261123-090000-abc"))
        close(again)
    }

    @Test("Leftover temporary and lock files are removed, and counted")
    func leftovers() throws {
        let dir = temporaryDirectory() + "/conciliation"
        let store = SessionStore(directory: dir)
        try store.secure()
        let old = dir + "/.conciliation-AbCdEf"
        try Data("answers".utf8).write(to: URL(fileURLWithPath: old))
        var times = [timespec(tv_sec: time(nil) - 3600, tv_nsec: 0), timespec(tv_sec: time(nil) - 3600, tv_nsec: 0)]
        #expect(utimensat(AT_FDCWD, old, &times, 0) == 0)
        try Data("fresh".utf8).write(to: URL(fileURLWithPath: dir + "/.conciliation-XyZxYz"))
        let held = try #require(store.lock("20261123-090000-abc"))
        try Data().write(to: URL(fileURLWithPath: dir + "/.20261123-090000-old.lock"))
        #expect(store.removeLeftovers() == 2, "the old temporary file and the unheld lock")
        #expect(FileManager.default.fileExists(atPath: dir + "/.conciliation-XyZxYz"), "a fresh one may be a write under way")
        #expect(FileManager.default.fileExists(atPath: dir + "/.20261123-090000-abc.lock"))
        close(held)
    }

    @Test("The count of unreadable files is said in good French, one or several (« n'est », never « ne est »)")
    func unreadableCount() {
        #expect(
            CLIMessage.unreadableSkipped(1).text(.fr)
                == "1 fichier du dossier n'est pas un entretien lisible : il est ignoré (conciliation purge --all les supprime).")
        #expect(CLIMessage.unreadableSkipped(2).text(.fr).hasPrefix("2 fichiers du dossier ne sont pas des entretiens lisibles"))
    }

    @Test("The listing's time is in the language chosen: an English listing says Thursday, not jeudi")
    func listingTimeInTheLanguageChosen() {
        // Noon UTC is a Thursday in every time zone from UTC−11 to UTC+11.
        let noon = "2026-11-26T12:00:00Z"
        #expect(SessionListing.localTime(noon, .fr)?.hasPrefix("jeudi 26/11") == true)
        #expect(SessionListing.localTime(noon, .en)?.hasPrefix("Thursday 26/11") == true)
        #expect(SessionListing.localTime("hier", .en) == nil)
    }
}
