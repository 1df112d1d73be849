import DialogueKit
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Today in Europe/Paris (domain rule 13), read from the clock by the programs
/// around the core (the terminal, the browser page); the core itself is given
/// `today` and never reads a clock.
public enum ParisClock {
    public static func today() -> CivilDate {
        date(unixTime: Int(time(nil)), zone: TimeZone(identifier: "Europe/Paris"))
    }

    /// The date at `unixTime` in `zone`, read from the system's time-zone database
    /// so that a change of the rule (the EU has debated ending the clock change)
    /// reaches the program with the system's tzdata. Where the database is missing
    /// (`zone` nil), the EU rule of 1996 written in `LegalCalendar` stands in.
    public static func date(unixTime: Int, zone: TimeZone?) -> CivilDate {
        guard let zone else { return LegalCalendar.parisDate(unixTime: unixTime) }
        let local = unixTime + zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(unixTime)))
        return CivilDate(dayNumber: local >= 0 ? local / 86_400 : (local - 86_399) / 86_400)
    }
}
