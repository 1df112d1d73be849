import ArgumentParser
import DialogueKit
import Foundation
import LineEditor

#if canImport(Glibc)
    import Glibc
#endif

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
        let store = try SessionStore.existingForUser()
        let entries = store.list()
        let open = entries.compactMap { entry in entry.record.flatMap { $0.finished ? nil : $0 } }
        let unreadable = entries.filter { $0.record == nil }.count
        if unreadable > 0 {
            print(
                "\(unreadable) fichier(s) du dossier ne sont pas des entretiens lisibles et sont ignorés (conciliation purge --all les supprime). / \(unreadable) unreadable file(s) skipped."
            )
        }
        guard !open.isEmpty else {
            print("Aucun entretien en cours dans \(VisibleText.escapingControls(store.directory)). / No unfinished interview.")
            return
        }
        if which == nil || list {
            for (i, record) in open.enumerated() { print("\(i + 1). " + SessionListing.line(record)) }
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
                ?? open.first(where: { $0.id == choice })
        else {
            throw ValidationError(
                "no unfinished interview '\(VisibleText.escapingControls(choice ?? ""))': type a number from 1 to \(open.count), or an identifier from 'conciliation resume --list'"
            )
        }
        guard let lock = store.lock(picked.id) else {
            throw ValidationError(
                "l'entretien \(picked.id) est ouvert ailleurs (un autre terminal ou une autre fenêtre) ; terminez-le là-bas / interview \(picked.id) is open elsewhere"
            )
        }
        defer { store.unlock(picked.id, lock) }
        let shipped = DialogueFiles.defaultPath(URL(fileURLWithPath: picked.dialogueFile).lastPathComponent)
        let dialoguePath: String?
        if FileIO.exists(picked.dialogueFile) {
            if picked.dialogueFile != shipped {
                print(
                    "Cet entretien suit le fichier de règles \(VisibleText.escapingControls(picked.dialogueFile)), qui n'est pas celui livré. / This interview follows a rules file that is not the shipped one."
                )
            }
            dialoguePath = picked.dialogueFile
        } else {
            dialoguePath = nil
        }
        let dialogue = try DialogueFiles.load(dialoguePath)
        let triage = Triage(dialogue: dialogue, language: picked.language)
        var answers: [(question: Int, value: Value)] = []
        for (id, raw) in picked.rawAnswers {
            guard let question = dialogue.question(named: id), case .success(let value) = triage.answer(raw, for: question) else {
                print("Réponse « \(VisibleText.escapingControls(id)) » ignorée : elle ne correspond plus au dialogue. / Answer skipped.")
                continue
            }
            answers.append((question.slot, value))
        }
        if dialogue.version != picked.dialogueVersion {
            print(
                "Les règles ont changé depuis (\(VisibleText.escapingControls(picked.dialogueVersion)) → \(dialogue.version)) : le résultat suit les règles actuelles."
            )
        }
        let day = today ?? picked.todayOverride ?? ProcessEnvironment.clockToday()
        print("Reprise de l'entretien \(picked.id) (\(answers.count) réponses). / Resuming.")
        try InterviewSession.run(
            interview: Interview(dialogue: dialogue, today: day, answers: answers),
            record: picked, noSave: false, heldLock: lock)
    }
}
