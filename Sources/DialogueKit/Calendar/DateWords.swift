/// Dates as an agent reads them out: "lundi 5 octobre 2026".
public enum DateWords {
    static let frenchDays = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]
    static let englishDays = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
    /// Weekday names as typed and folded, French then English, Monday first:
    /// index % 7 is the weekday's offset from Monday.
    static let weekdayWords = frenchDays + englishDays.map { $0.lowercased() }
    public static let frenchMonths = [
        "janvier", "février", "mars", "avril", "mai", "juin",
        "juillet", "août", "septembre", "octobre", "novembre", "décembre",
    ]
    public static let englishMonths = [
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ]

    /// The months' names in `language`, January first.
    public static func monthNames(_ language: Language) -> [String] {
        switch language {
        case .fr: return frenchMonths
        case .en: return englishMonths
        }
    }

    /// "samedi", "Saturday".
    public static func weekday(_ date: CivilDate, _ language: Language) -> String {
        switch language {
        case .fr: return frenchDays[date.weekday - 1]
        case .en: return englishDays[date.weekday - 1]
        }
    }

    public static func words(_ date: CivilDate, _ language: Language) -> String {
        // Appended into one string made large enough at once: an interpolation made
        // a string per number through the generic `description` (a page writes a
        // dozen dates in words).
        var words = ""
        words.reserveCapacity(32)
        words += weekday(date, language)
        words += " "
        words += language == .fr && date.day == 1 ? "1er" : String(date.day)
        words += " "
        words += monthNames(language)[date.month - 1]
        words += " "
        words += String(date.year)
        return words
    }

    /// "5 octobre 2026", "1er octobre 2026": a date in a letter, without the weekday.
    public static func inLetter(_ date: CivilDate) -> String {
        "\(date.day == 1 ? "1er" : String(date.day)) \(frenchMonths[date.month - 1]) \(date.year)"
    }

    /// "05/10/2026": the form case notes and date fields use.
    public static func short(_ date: CivilDate) -> String {
        "\(CivilDate.digits(date.day))/\(CivilDate.digits(date.month))/\(date.year)"
    }

    /// `relative`, with the day it was counted from: "dans 14 jours — calcul du 23/11/2026".
    public static func relativeAsOf(_ date: CivilDate, today: CivilDate, _ language: Language, opens: Bool = false) -> String {
        let day = short(today)
        return relative(date, today: today, language, opens: opens) + Message.asOf(day).text(language)
    }

    /// A last day: "dans 14 jours", "aujourd'hui, dernier jour", "dépassée depuis 3
    /// jours". A first day (`opens`): "dans 14 jours", "dès aujourd'hui",
    /// "possible depuis 3 jours".
    public static func relative(_ date: CivilDate, today: CivilDate, _ language: Language, opens: Bool = false) -> String {
        Message.relativeDays(today.days(until: date), opens: opens).text(language)
    }
}
