import ArgumentParser
import DialogueKit
import Foundation
import LineEditor

#if canImport(Glibc)
    import Glibc
#endif

/// `conciliation purge`: deletes finished interviews (and, when asked, all of them).
struct PurgeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "purge",
        abstract: HelpLanguage.text(
            "Supprimer les entretiens enregistrés qui sont terminés.", "Delete the saved interviews that are finished."))

    @Flag(
        name: .long,
        help: HelpLanguage.help(
            "Supprimer aussi ceux qui ne sont pas terminés (fin de service sur un ordinateur partagé).",
            "Delete unfinished ones too (end of a shift on a shared computer)."))
    var all = false

    @Flag(
        name: .long,
        help: HelpLanguage.help(
            "Avec --all, supprimer les entretiens non terminés sans demander (nécessaire sans terminal).",
            "With --all, delete unfinished interviews without asking (needed without a terminal)."))
    var yes = false

    @Option(name: .long, help: HelpLanguage.help("Langue des messages : fr ou en.", "Language of the messages: fr or en."))
    var lang: Language = .fr

    func run() throws {
        let store = try SessionStore.existingForUser()
        let unfinished = store.list().filter { $0.record.map { !$0.finished && !$0.answers.isEmpty } ?? false }.count
        if all && unfinished > 0 && !yes {
            // Someone's interview under way is lost for good: asked first.
            guard Terminal.isInteractive else { throw ValidationError(CLIMessage.purgeUnfinishedNeedsYes(unfinished).text(lang)) }
            let typed = Terminal.reader().readLine(prompt: CLIMessage.purgeUnfinishedQuestion(unfinished).text(lang))
            guard case .line(let text) = typed,
                case .success(.bool(true)) = AnswerParser(today: CivilDate(dayNumber: 0), language: lang, audience: .self).yesNo(
                    TextFolding.fold(text.trimmingSpaces))
            else {
                print(CLIMessage.nothingDeleted.text(lang))
                return
            }
        }
        var removed = 0
        for entry in store.list() {
            // An unreadable or foreign file goes with --all only; a valid one when
            // finished, when empty, or with --all. Never one that is open elsewhere.
            let empty = entry.record?.answers.isEmpty ?? false
            guard all || entry.record?.finished == true || empty else { continue }
            if entry.record != nil, let lock = store.lock(entry.id) {
                if store.delete(entry.id) { removed += 1 }
                store.unlock(entry.id, lock)
            } else if entry.record == nil, unlink(store.path(of: entry.id)) == 0 {
                removed += 1
            }
        }
        removed += store.removeLeftovers(everything: all)
        print(CLIMessage.filesDeleted(removed).text(lang))
        print(CLIMessage.purgeReminder.text(lang))
    }
}
