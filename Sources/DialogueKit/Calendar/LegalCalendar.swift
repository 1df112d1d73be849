/// Counting legal time as French civil procedure does. Pure functions of a date and,
/// for public holidays, a département: the rules depend on nothing else.
///
/// Kept by hand: no calendar library counts art. 641-642 of the code de procédure
/// civile, French public holidays (Easter computed) or Alsace-Moselle's, and the
/// rules are tested day by day against an independent model.
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

    /// Which holidays a deadline counts. Some hold only in part of a département
    /// (Good Friday in Alsace-Moselle communes with a Protestant temple or a mixed
    /// church) or are read differently by the sources (the overseas day of the
    /// abolition of slavery). Domain rule 11: the date to meet leaves them out; a
    /// route closes only once the date that counts them has passed.
    public enum Reading: Sendable {
        /// Only the holidays that hold everywhere in the département: the date to meet.
        case earliest
        /// Also the holidays that may hold there: the last day anyone could still act.
        case latest
    }

    /// A public holiday, with its French name, for the holiday list shown to users.
    public struct Holiday: Sendable, Equatable {
        public let date: CivilDate
        public let name: String
        /// False for a holiday that holds only in some communes or readings.
        public let certain: Bool

        public init(date: CivilDate, name: String, certain: Bool = true) {
            self.date = date
            self.name = name
            self.certain = certain
        }
    }

    /// The day commemorating the abolition of slavery overseas, as (month, day): a
    /// public holiday in its territory, certain there (code du travail, art.
    /// L. 3422-2). Saint-Martin (978) keeps 27 May by the text; 28 May, observed
    /// there since 2018, is in `uncertainAbolitionDays`.
    public static let abolitionDays: [String: (month: Int, day: Int)] = [
        "971": (5, 27), "972": (5, 22), "973": (6, 10), "974": (12, 20), "976": (4, 27), "978": (5, 27),
    ]

    /// Days observed in a territory without a text that makes them certain: left out
    /// of the date to meet, counted in the latest reading.
    public static let uncertainAbolitionDays: [String: (month: Int, day: Int)] = ["978": (5, 28)]

    /// The months in which a holiday other than the national fixed days can fall
    /// (Easter's, 26 December, the abolition days), one bit per month.
    private static let localMonths: UInt16 =
        ([3, 4, 5, 6, 12] + (Array(abolitionDays.values) + Array(uncertainAbolitionDays.values)).map(\.month))
        .reduce(0) { $0 | 1 << UInt16($1) }

    /// For each month (1 to 12), the days on which some territory's abolition
    /// day falls, one bit per day: on any other day no dictionary is read.
    private static let abolitionMonthDays: [UInt32] =
        (Array(abolitionDays.values) + Array(uncertainAbolitionDays.values))
        .reduce(into: [UInt32](repeating: 0, count: 13)) { $0[$1.month] |= 1 << UInt32($1.day) }

    /// The public holidays of `year` for a département, sorted; the uncertain ones
    /// (`certain == false`) are listed too, marked.
    public static func holidays(_ year: Int, department: String? = nil) -> [Holiday] {
        guard let first = CivilDate(year: year, month: 1, day: 1) else { return [] }
        var list: [Holiday] = []
        var day = first
        while day.year == year {
            if let h = holiday(on: day, department: department, reading: .latest) { list.append(h) }
            guard let next = day.addingChecked(days: 1) else { break }
            day = next
        }
        return list
    }

    /// The holiday on `date`, if any, under a reading. With `.latest`, the
    /// uncertain ones are returned too, and an unknown département (nil) may be
    /// any: Alsace-Moselle's and the overseas days count, since nobody has said
    /// they do not apply (an unknown never forecloses a right).
    public static func holiday(on date: CivilDate, department: String? = nil, reading: Reading = .latest) -> Holiday? {
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
        default: name = nil
        }
        // Most days are no holiday anywhere: the rest of the calendar is only
        // looked up in the months that hold one (`check` asks millions of days).
        guard name != nil || localMonths & 1 << UInt16(date.month) != 0 else { return nil }
        if let name { return Holiday(date: date, name: name) }
        func alsace() -> Bool { department.map(alsaceMoselle.contains) == true }
        let anywhere = department == nil && reading == .latest
        if (date.month, date.day) == (12, 26) {
            if alsace() { return Holiday(date: date, name: "Saint-Étienne") }
            if anywhere { return Holiday(date: date, name: "Saint-Étienne (Alsace-Moselle)", certain: false) }
        }
        if abolitionMonthDays[date.month] & 1 << UInt32(date.day) != 0 {
            func falls(_ days: [String: (month: Int, day: Int)], _ place: String) -> Bool {
                days[place].map { $0 == (date.month, date.day) } == true
            }
            if let department, falls(abolitionDays, department) {
                return Holiday(date: date, name: "Abolition de l'esclavage")
            }
            if reading == .latest {
                // Unknown département: any territory's day may be the person's.
                let places = department.map { [$0] } ?? Array(abolitionDays.keys) + Array(uncertainAbolitionDays.keys)
                if places.contains(where: { falls(abolitionDays, $0) || falls(uncertainAbolitionDays, $0) }) {
                    return Holiday(date: date, name: "Abolition de l'esclavage", certain: false)
                }
            }
        }
        // Movable feasts fall between 20 March and 14 June.
        guard (3...6).contains(date.month) else { return nil }
        switch easter(date.year).days(until: date) {
        case 1: return Holiday(date: date, name: "Lundi de Pâques")
        case 39: return Holiday(date: date, name: "Ascension")
        case 50: return Holiday(date: date, name: "Lundi de Pentecôte")
        case -2 where (reading == .latest && alsace()) || anywhere:
            return Holiday(date: date, name: "Vendredi saint", certain: false)
        default: return nil
        }
    }

    public static func isWorkingDay(_ date: CivilDate, department: String? = nil, reading: Reading = .earliest) -> Bool {
        date.weekday <= 5 && holiday(on: date, department: department, reading: reading) == nil
    }

    /// The date itself when it is a working day, else the next working day
    /// (code de procédure civile, art. 642); nil past the last representable day.
    public static func extendToWorkingDay(_ date: CivilDate, department: String? = nil, reading: Reading = .earliest) -> CivilDate? {
        var d = date
        while !isWorkingDay(d, department: department, reading: reading) {
            guard let next = d.addingChecked(days: 1) else { return nil }
            d = next
        }
        return d
    }

    /// The last day to act on a deadline of `months` months from `start`
    /// (art. 641 al. 2 then 642); nil when it falls past year 9999.
    public static func deadline(months: Int, from start: CivilDate, department: String? = nil, reading: Reading = .earliest) -> CivilDate? {
        start.addingChecked(months: months).flatMap { extendToWorkingDay($0, department: department, reading: reading) }
    }

    /// The last day to act on a deadline of `days` days from `start`: the day of
    /// the event does not count (art. 641 al. 1), then 642; nil past year 9999.
    public static func deadline(days: Int, from start: CivilDate, department: String? = nil, reading: Reading = .earliest) -> CivilDate? {
        start.addingChecked(days: days).flatMap { extendToWorkingDay($0, department: department, reading: reading) }
    }

    /// Today's date in Europe/Paris for a Unix time: central European time, with
    /// summer time from the last Sunday of March to the last Sunday of October at
    /// 01:00 UTC (EU rule in force since 1996). Only the fallback for a machine
    /// without a time-zone database: the program reads the system's first, so
    /// that a change of the rule reaches it with tzdata.
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
