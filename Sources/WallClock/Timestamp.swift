import DialogueKit

#if canImport(Glibc)
    import Glibc
#endif

/// Wall-clock instants for session files and exports, in UTC (ISO 8601), read
/// by the programs around the core (like `ParisClock`), never by the core.
public enum Timestamp {
    public static func now() -> String { format(unixTime: unixNow()) }

    /// Seconds since 1970 (UTC), for a time kept until it is shown, if ever.
    public static func unixNow() -> Int { Int(time(nil)) }

    public static func format(unixTime t: Int) -> String {
        let day = CivilDate(dayNumber: t >= 0 ? t / 86_400 : (t - 86_399) / 86_400)
        let seconds = t - day.dayNumber * 86_400
        let (hours, minutes) = (CivilDate.digits(seconds / 3600), CivilDate.digits(seconds / 60 % 60))
        return "\(day.iso)T\(hours):\(minutes):\(CivilDate.digits(seconds % 60))Z"
    }
}
