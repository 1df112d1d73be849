/// Counting legal time as French civil procedure does. Pure functions of a date and,
/// for public holidays, a département: the rules depend on nothing else.
public enum LegalCalendar {
    /// Départements where local law adds Good Friday and 26 December.
    public static let alsaceMoselle: Set<String> = ["57", "67", "68"]

    /// Easter Sunday, by the anonymous Gregorian algorithm (Meeus/Jones/Butcher).
    public static func easter(_ year: Int) -> CivilDate {
        let a = year % 19, b = year / 100, c = year % 100
        let d = b / 4, e = b % 4, f = (b + 8) / 25, g = (b - f + 1) / 3
        let h = (19 * a + b - d - g + 15) % 30
        let i = c / 4, k = c % 4
        let l = (32 + 2 * e + 2 * i - h - k) % 7
        let m = (a + 11 * h + 22 * l) / 451
        let month = (h + l - 7 * m + 114) / 31
        let day = (h + l - 7 * m + 114) % 31 + 1
        return CivilDate(year: year, month: month, day: day)!
    }

    /// A public holiday, with its French name, for the holiday list shown to users.
    public struct Holiday: Sendable, Equatable {
        public let date: CivilDate
        public let name: String
    }

    /// The public holidays of `year`; Alsace-Moselle's two extra days when the
    /// département is 57, 67 or 68.
    public static func holidays(_ year: Int, department: String? = nil) -> [Holiday] {
        let e = easter(year)
        func fixed(_ m: Int, _ d: Int, _ name: String) -> Holiday {
            Holiday(date: CivilDate(year: year, month: m, day: d)!, name: name)
        }
        var list = [
            fixed(1, 1, "Jour de l'an"),
            Holiday(date: e.adding(days: 1), name: "Lundi de Pâques"),
            fixed(5, 1, "Fête du travail"),
            fixed(5, 8, "Victoire 1945"),
            Holiday(date: e.adding(days: 39), name: "Ascension"),
            Holiday(date: e.adding(days: 50), name: "Lundi de Pentecôte"),
            fixed(7, 14, "Fête nationale"),
            fixed(8, 15, "Assomption"),
            fixed(11, 1, "Toussaint"),
            fixed(11, 11, "Armistice 1918"),
            fixed(12, 25, "Noël"),
        ]
        if let department, alsaceMoselle.contains(department) {
            list.append(Holiday(date: e.adding(days: -2), name: "Vendredi saint"))
            list.append(fixed(12, 26, "Saint-Étienne"))
        }
        return list.sorted { $0.date < $1.date }
    }

    public static func holiday(on date: CivilDate, department: String? = nil) -> Holiday? {
        let alsace = department.map(alsaceMoselle.contains) == true
        let name: String?
        switch (date.month, date.day) {
        case (1, 1): name = "Jour de l'an"
        case (5, 1): name = "Fête du travail"
        case (5, 8): name = "Victoire 1945"
        case (7, 14): name = "Fête nationale"
        case (8, 15): name = "Assomption"
        case (11, 1): name = "Toussaint"
        case (11, 11): name = "Armistice 1918"
        case (12, 25): name = "Noël"
        case (12, 26) where alsace: name = "Saint-Étienne"
        default: name = nil
        }
        if let name { return Holiday(date: date, name: name) }
        // Movable feasts fall between 20 March and 14 June.
        guard (3...6).contains(date.month) else { return nil }
        switch easter(date.year).days(until: date) {
        case 1: return Holiday(date: date, name: "Lundi de Pâques")
        case 39: return Holiday(date: date, name: "Ascension")
        case 50: return Holiday(date: date, name: "Lundi de Pentecôte")
        case -2 where alsace: return Holiday(date: date, name: "Vendredi saint")
        default: return nil
        }
    }

    public static func isWorkingDay(_ date: CivilDate, department: String? = nil) -> Bool {
        date.weekday <= 5 && holiday(on: date, department: department) == nil
    }

    /// The date itself when it is a working day, else the next working day
    /// (code de procédure civile, art. 642).
    public static func extendToWorkingDay(_ date: CivilDate, department: String? = nil) -> CivilDate {
        var d = date
        while !isWorkingDay(d, department: department) { d = d.adding(days: 1) }
        return d
    }

    /// The last day to act on a deadline of `months` months from `start`
    /// (art. 641 then 642).
    public static func deadline(months: Int, from start: CivilDate, department: String? = nil) -> CivilDate {
        extendToWorkingDay(start.adding(months: months), department: department)
    }

    /// Today's date in Europe/Paris for a Unix time: central European time, with
    /// summer time from the last Sunday of March to the last Sunday of October at
    /// 01:00 UTC (EU rule in force since 1996). No time-zone database is needed.
    public static func parisDate(unixTime: Int) -> CivilDate {
        let utcDay = Int((Double(unixTime) / 86_400).rounded(.down))
        let utcDate = CivilDate(dayNumber: utcDay)
        func lastSunday(month: Int) -> Int {
            let last = CivilDate(year: utcDate.year, month: month, day: 31)!
            return last.dayNumber - (last.weekday % 7)
        }
        let summerStart = lastSunday(month: 3) * 86_400 + 3_600
        let summerEnd = lastSunday(month: 10) * 86_400 + 3_600
        let offset = (unixTime >= summerStart && unixTime < summerEnd) ? 7_200 : 3_600
        return CivilDate(dayNumber: Int((Double(unixTime + offset) / 86_400).rounded(.down)))
    }
}
