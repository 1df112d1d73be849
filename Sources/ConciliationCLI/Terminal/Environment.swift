import DialogueKit
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// What the commands learn from the process: the clock, variables, where the
/// shipped dialogues are. Read here only, so that the core stays pure.
enum ProcessEnvironment {
    static func variable(_ name: String) -> String? {
        guard let value = getenv(name) else { return nil }
        return String(cString: value)
    }

    /// Today in Europe/Paris (domain rule 13).
    static func clockToday() -> CivilDate {
        parisDate(unixTime: Int(time(nil)), zone: TimeZone(identifier: "Europe/Paris"))
    }

    /// The date at `unixTime` in `zone`, read from the system's time-zone database
    /// so that a change of the rule (the EU has debated ending the clock change)
    /// reaches the program with the system's tzdata. Where the database is missing
    /// (`zone` nil), the EU rule of 1996 written in `LegalCalendar` stands in.
    static func parisDate(unixTime: Int, zone: TimeZone?) -> CivilDate {
        guard let zone else { return LegalCalendar.parisDate(unixTime: unixTime) }
        let local = unixTime + zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(unixTime)))
        return CivilDate(dayNumber: local >= 0 ? local / 86_400 : (local - 86_399) / 86_400)
    }

    /// A folder to read the shipped dialogues and cases from instead of the
    /// built-in ones (`CONCILIATION_DIALOGUES`): an author trying an edit without
    /// rebuilding. Unset, the binary uses the rules it carries.
    static func dialoguesOverride() -> String? {
        variable("CONCILIATION_DIALOGUES")
    }
}
