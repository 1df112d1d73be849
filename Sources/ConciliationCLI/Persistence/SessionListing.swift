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
    /// The list is read at a glance: lines of 60 columns at most.
    static let width = 60

    /// "1. jeudi 26/11 14:05 — agent — 6 réponses", then the subject and where
    /// the interview stands on lines of their own, wrapped under the number.
    static func entry(_ number: Int, _ record: SessionRecord, _ language: Language) -> String {
        let when = localTime(record.updated, language) ?? record.updated
        let subject = record.subjectLabel.map { VisibleText.escapingControls(WordWrap.cut($0, at: 80)) } ?? "—"
        let progress = record.progressLabel.map { VisibleText.escapingControls(WordWrap.cut($0, at: 80)) } ?? "—"
        let lines = CLIMessage.sessionEntry(
            number: number, when: when, audience: record.audience, subject: subject, answers: record.answers.count, progress: progress,
            id: record.id
        ).text(language)
        return lines.split(separator: "\n").map { WordWrap.wrapLine(String($0), width: width) }.joined(separator: "\n")
    }

    /// "jeudi 26/11 14:05" ("Thursday 26/11 14:05"), in the machine's time zone:
    /// the agent's own clock. The day's name is `DateWords`', as everywhere else.
    static func localTime(_ iso: String, _ language: Language) -> String? {
        guard let instant = ISO8601DateFormatter().date(from: iso) else { return nil }
        let local = Calendar(identifier: .gregorian).dateComponents(in: TimeZone.current, from: instant)
        guard let year = local.year, let month = local.month, let day = local.day, let hour = local.hour,
            let minute = local.minute, let date = CivilDate(year: year, month: month, day: day)
        else { return nil }
        let two = { (n: Int) in CivilDate.digits(n) }
        return "\(DateWords.weekday(date, language)) \(two(day))/\(two(month)) \(two(hour)):\(two(minute))"
    }
}
