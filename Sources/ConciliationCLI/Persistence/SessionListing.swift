import ArgumentParser
import DialogueKit
import Foundation
import LineEditor

#if canImport(Glibc)
    import Glibc
#endif

/// How one saved interview is shown in `resume`'s list: enough for an agent to
/// tell callers apart.
enum SessionListing {
    static func line(_ record: SessionRecord, _ language: Language) -> String {
        let when = localTime(record.updated) ?? record.updated
        let subject = record.subjectLabel.map { VisibleText.escapingControls(String($0.prefix(60))) } ?? "—"
        let progress = record.progressLabel.map { VisibleText.escapingControls(String($0.prefix(60))) } ?? "—"
        let count = record.answers.count
        return CLIMessage.sessionLine(when: when, subject: subject, answers: count, progress: progress, id: record.id).text(language)
    }

    /// "jeudi 26/11 14:05", in the machine's time zone: the agent's own clock.
    static func localTime(_ iso: String) -> String? {
        guard let date = ISO8601DateFormatter().date(from: iso) else { return nil }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "fr_FR")
        formatter.timeZone = TimeZone.current
        formatter.dateFormat = "EEEE dd/MM HH:mm"
        return formatter.string(from: date)
    }
}
