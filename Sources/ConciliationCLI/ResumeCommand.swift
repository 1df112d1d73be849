import ArgumentParser
import DialogueKit
import LineEditor

/// `conciliation resume`: lists the unfinished interviews and takes one up again.
struct ResumeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "resume",
        abstract: "List unfinished interviews and resume one.",
        discussion: "Without an argument, lists them, newest first, and asks which to resume.")

    @Argument(help: "The number in the list, or the interview's identifier.")
    var which: String?

    @Option(name: .long, help: ArgumentHelp("Count deadlines from this day instead of today.", valueName: "YYYY-MM-DD"))
    var today: CivilDate?

    @Flag(name: .long, help: "Only list them.")
    var list = false

    func run() throws {
        let store = try SessionStore.forUser()
        let open = store.list().filter { !$0.record.finished }
        guard !open.isEmpty else {
            print("Aucun entretien en cours dans \(store.directory). / No unfinished interview.")
            return
        }
        if which == nil || list {
            for (i, s) in open.enumerated() {
                print("\(i + 1). \(s.record.id) — \(s.record.updated) — \(s.rawAnswers.count) réponse(s) — \(s.record.audience.rawValue)")
            }
            if list { return }
        }
        var choice = which
        if choice == nil {
            let reader = Terminal.makeReader()
            guard case .line(let typed) = reader.readLine(prompt: "Numéro à reprendre / number to resume > ") else { return }
            choice = typed.trimmingSpaces
        }
        guard let choice,
            let picked = Int(choice).flatMap({ $0 >= 1 && $0 <= open.count ? open[$0 - 1] : nil })
                ?? open.first(where: { $0.record.id == choice })
        else {
            throw ValidationError("no unfinished interview '\(choice ?? "")': type a number from 1 to \(open.count), or an identifier from 'conciliation resume --list'")
        }
        let dialogue = try DialogueFiles.load(FileIO.exists(picked.record.dialogueFile) ? picked.record.dialogueFile : nil)
        let triage = Triage(dialogue: dialogue, language: picked.record.language)
        var answers: [(question: Int, value: Value)] = []
        for (id, raw) in picked.rawAnswers {
            guard let question = dialogue.question(named: id), case .success(let value) = triage.answer(raw, for: question) else {
                print("Réponse « \(id) » ignorée : elle ne correspond plus au dialogue. / Answer “\(id)” skipped.")
                continue
            }
            answers.append((question.slot, value))
        }
        if dialogue.version != picked.record.dialogueVersion {
            print("Les règles ont changé depuis (\(picked.record.dialogueVersion) → \(dialogue.version)) : le résultat suit les règles actuelles.")
        }
        let day = today ?? picked.record.todayOverride ?? ProcessEnvironment.clockToday()
        print("Reprise de l'entretien \(picked.record.id) (\(answers.count) réponses). / Resuming.")
        try InterviewSession.run(interview: Interview(dialogue: dialogue, today: day, answers: answers),
                                 record: picked.record, noSave: false)
    }
}

/// `conciliation purge`: deletes finished interviews (and, when asked, all of them).
struct PurgeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "purge",
        abstract: "Delete the saved interviews that are finished.")

    @Flag(name: .long, help: "Delete unfinished ones too (end of a shift on a shared computer).")
    var all = false

    func run() throws {
        let store = try SessionStore.forUser()
        var removed = 0
        for s in store.list() where all || s.record.finished {
            store.delete(s.record.id)
            removed += 1
        }
        print("\(removed) entretien(s) supprimé(s). / \(removed) interview(s) deleted.")
    }
}
