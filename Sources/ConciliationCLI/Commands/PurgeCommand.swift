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
        abstract: "Delete the saved interviews that are finished.")

    @Flag(name: .long, help: "Delete unfinished ones too (end of a shift on a shared computer).")
    var all = false

    @Option(name: .long, help: "Language of the messages: fr or en.")
    var lang: Language = .fr

    func run() throws {
        let store = try SessionStore.existingForUser()
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
    }
}
