import ArgumentParser
import DialogueKit
import Files
import Foundation
import LineEditor
import WallClock

#if canImport(Glibc)
    import Glibc
#endif

/// `conciliation resume`: lists the unfinished interviews and takes one up again.
struct ResumeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "resume",
        abstract: HelpLanguage.text("Lister les entretiens non terminés et en reprendre un.", "List unfinished interviews and resume one."),
        discussion: HelpLanguage.text(
            "Sans argument, les liste, du plus récent au plus ancien, et demande lequel reprendre.",
            "Without an argument, lists them, newest first, and asks which to resume."))

    @Argument(
        help: HelpLanguage.help(
            "Le numéro dans la liste, ou l'identifiant de l'entretien.", "The number in the list, or the interview's identifier."))
    var which: String?

    @Option(
        name: .long,
        help: HelpLanguage.help(
            "Compter les délais depuis ce jour plutôt qu'aujourd'hui.", "Count deadlines from this day instead of today.",
            valueName: "AAAA-MM-JJ"))
    var today: CivilDate?

    @Flag(name: .long, help: HelpLanguage.help("Seulement les lister.", "Only list them."))
    var list = false

    @Option(
        name: .long,
        help: HelpLanguage.help(
            "Langue de la liste et des messages avant l'entretien : fr ou en (l'entretien garde la sienne).",
            "Language of the list and of the messages before the interview: fr or en (the interview keeps its own)."))
    var lang: Language = .fr

    func run() throws {
        // One writer for the list, the lines before the interview and the
        // interview itself, in the order they are written, piped or not.
        let output = StandardOutput()
        let say = { (text: String) in output.write(text + "\n") }
        let store = try SessionStore.existingForUser()
        let entries = store.list()
        let open = entries.compactMap { entry in entry.record.flatMap { $0.finished ? nil : $0 } }
        let unreadable = entries.filter { $0.record == nil }.count
        if unreadable > 0 {
            say(CLIMessage.unreadableSkipped(unreadable).text(lang))
        }
        guard !open.isEmpty else {
            say(CLIMessage.noUnfinishedInterview(VisibleText.escapingControls(store.directory)).text(lang))
            return try CheckedExit.check(output, lang)
        }
        if which == nil || list {
            for (i, record) in open.enumerated() { say(SessionListing.entry(i + 1, record, lang)) }
            if list { return try CheckedExit.check(output, lang) }
        }
        var choice = which
        if choice == nil {
            let reader = Terminal.reader()
            guard case .line(let typed) = reader.readLine(prompt: CLIMessage.resumeWhich.text(lang)) else { return }
            choice = typed.trimmingSpaces
        }
        guard let choice,
            let picked = Int(choice).flatMap({ $0 >= 1 && $0 <= open.count ? open[$0 - 1] : nil })
                ?? open.first(where: { $0.id == choice })
        else {
            throw ValidationError(CLIMessage.noSuchInterview(VisibleText.escapingControls(choice ?? ""), count: open.count).text(lang))
        }
        guard let lock = store.lock(picked.id) else {
            throw ValidationError(CLIMessage.openElsewhere(picked.id).text(lang))
        }
        defer { store.unlock(picked.id, lock) }
        // A shipped dialogue is named by its file name alone (older sessions: by a
        // path ending in dialogues/NAME); any other path is a file of its own.
        let name = URL(fileURLWithPath: picked.dialogueFile).lastPathComponent
        let shipped = !picked.dialogueFile.contains("/") || picked.dialogueFile.hasSuffix("/dialogues/" + name)
        let dialogue: Dialogue
        if !shipped && FileIO.exists(picked.dialogueFile) {
            say(CLIMessage.notTheShippedRules(VisibleText.escapingControls(picked.dialogueFile)).text(picked.language))
            dialogue = try DialogueFiles.load(picked.dialogueFile)
        } else {
            dialogue = try DialogueFiles.loadShipped(name)
        }
        let triage = Triage(dialogue: dialogue, language: picked.language)
        var answers: [(question: Int, value: Value)] = []
        for (id, raw) in picked.rawAnswers {
            guard let question = dialogue.question(named: id), case .success(let value) = triage.answer(raw, for: question) else {
                say(CLIMessage.answerNoLongerFits(VisibleText.escapingControls(id)).text(picked.language))
                continue
            }
            answers.append((question.slot, value))
        }
        let begunWith = VisibleText.escapingControls(String((picked.dialogueID + " " + picked.dialogueVersion).prefix(80)))
        if dialogue.id != picked.dialogueID {
            say(CLIMessage.otherRules(begunWith: begunWith, goesOnWith: dialogue.id + " " + dialogue.version).text(picked.language))
        } else if dialogue.version != picked.dialogueVersion {
            say(CLIMessage.rulesChanged(from: begunWith, to: dialogue.id + " " + dialogue.version).text(picked.language))
        }
        let day = today ?? picked.todayOverride ?? ParisClock.today()
        say(CLIMessage.resuming(picked.id, answers: answers.count).text(picked.language))
        if !answers.isEmpty {
            // Where the interview stands, before its next question.
            say(CLIMessage.answersSoFar.text(picked.language))
            CaseNote(dialogue: dialogue, language: picked.language).answerLines(answers).forEach { say("  " + $0) }
        }
        try InterviewSession.run(
            interview: Interview(dialogue: dialogue, today: day, answers: answers),
            record: picked, noSave: false, heldLock: lock, output: output)
    }
}
