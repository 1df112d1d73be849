import DialogueFixtures
import Testing

@testable import DialogueKit

/// An independent model of the calendar, written differently from the product:
/// day-by-day stepping, Zeller's congruence, and Gauss's Easter algorithm.
enum Independent {
    static func isLeap(_ y: Int) -> Bool { y % 400 == 0 || (y % 4 == 0 && y % 100 != 0) }

    static func lastDay(_ y: Int, _ m: Int) -> Int {
        // Step from the 28th until the month changes.
        var d = 28
        while true {
            let next = d + 1
            let valid: Bool
            switch m {
            case 2: valid = next <= (isLeap(y) ? 29 : 28)
            case 4, 6, 9, 11: valid = next <= 30
            default: valid = next <= 31
            }
            if !valid { return d }
            d = next
        }
    }

    /// 0 = Saturday … 6 = Friday (Zeller).
    static func zeller(_ y0: Int, _ m0: Int, _ d: Int) -> Int {
        var y = y0, m = m0
        if m < 3 { m += 12; y -= 1 }
        let k = y % 100, j = y / 100
        return (d + (13 * (m + 1)) / 5 + k + k / 4 + j / 4 + 5 * j) % 7
    }

    static func easter(_ year: Int) -> (Int, Int) {
        // Gauss's algorithm with the Gregorian corrections.
        let a = year % 19, b = year % 4, c = year % 7
        let k = year / 100
        let p = (13 + 8 * k) / 25
        let q = k / 4
        let M = (15 - p + k - q) % 30
        let N = (4 + k - q) % 7
        let d = (19 * a + M) % 30
        let e = (2 * b + 4 * c + 6 * d + N) % 7
        var day = 22 + d + e
        var month = 3
        if day > 31 { day = d + e - 9; month = 4 }
        if month == 4 && day == 26 { day = 19 }
        if month == 4 && day == 25 && d == 28 && e == 6 && a > 10 { day = 18 }
        return (month, day)
    }

    static func next(_ y: Int, _ m: Int, _ d: Int) -> (Int, Int, Int) {
        if d < lastDay(y, m) { return (y, m, d + 1) }
        if m < 12 { return (y, m + 1, 1) }
        return (y + 1, 1, 1)
    }

    static func plusDays(_ date: (Int, Int, Int), _ n: Int) -> (Int, Int, Int) {
        var x = date
        for _ in 0..<n { x = next(x.0, x.1, x.2) }
        return x
    }

    static func isHoliday(_ y: Int, _ m: Int, _ d: Int, alsace: Bool, goodFriday: Bool) -> Bool {
        let fixed = [(1, 1), (5, 1), (5, 8), (7, 14), (8, 15), (11, 1), (11, 11), (12, 25)] + (alsace ? [(12, 26)] : [])
        if fixed.contains(where: { $0 == (m, d) }) { return true }
        let (em, ed) = easter(y)
        var movable = [plusDays((y, em, ed), 1), plusDays((y, em, ed), 39), plusDays((y, em, ed), 50)]
        if alsace && goodFriday {
            // Good Friday: two days before Easter.
            let goodFriday = ed > 2 ? (y, em, ed - 2) : (y, em - 1, lastDay(y, em - 1) + ed - 2)
            movable.append(goodFriday)
        }
        return movable.contains { $0 == (y, m, d) }
    }

    static func deadline(_ y: Int, _ m: Int, _ d: Int, months: Int, alsace: Bool, goodFriday: Bool = false) -> (Int, Int, Int) {
        var ty = y, tm = m + months
        while tm > 12 { tm -= 12; ty += 1 }
        return workingDay((ty, tm, min(d, lastDay(ty, tm))), alsace: alsace, goodFriday: goodFriday)
    }

    static func deadline(_ y: Int, _ m: Int, _ d: Int, days: Int, alsace: Bool, goodFriday: Bool = false) -> (Int, Int, Int) {
        workingDay(plusDays((y, m, d), days), alsace: alsace, goodFriday: goodFriday)
    }

    static func workingDay(_ start: (Int, Int, Int), alsace: Bool, goodFriday: Bool) -> (Int, Int, Int) {
        var x = start
        while true {
            let w = zeller(x.0, x.1, x.2)
            if w != 0 && w != 1 && !isHoliday(x.0, x.1, x.2, alsace: alsace, goodFriday: goodFriday) { return x }
            x = next(x.0, x.1, x.2)
        }
    }
}

@Suite("Legal calendar (domain rules 9 to 13)")
struct LegalCalendarTests {
    @Test(
        "The worked examples of the legal notes, rules 9 to 13",
        arguments: [
            ("2026-10-05", "2026-12-07"),  // the 5th is a Saturday
            ("2026-12-31", "2027-03-01"),  // 28 February 2027 is a Sunday
            ("2027-12-31", "2028-02-29"),  // leap year
            ("2026-10-25", "2026-12-28"),  // Christmas, then a weekend
        ])
    func domainExamples(notified: String, expected: String) {
        #expect(LegalCalendar.deadline(months: 2, from: date(notified)) == date(expected))
    }

    @Test(
        "Deadlines in days (rule 9b): the day of the event does not count",
        arguments: [
            ("2026-11-02", 15, "2026-11-17"),  // a contrainte served on a Monday
            ("2026-12-10", 15, "2026-12-28"),  // Christmas, then a weekend
            ("2026-11-16", 15, "2026-12-01"),
            ("2026-11-05", 15, "2026-11-20"),
            ("2026-02-13", 15, "2026-03-02"),  // 28 February is a Saturday
            ("2028-02-14", 15, "2028-02-29"),  // leap day, a Tuesday
        ])
    func daysExamples(served: String, days: Int, expected: String) {
        #expect(LegalCalendar.deadline(days: days, from: date(served)) == date(expected))
    }

    @Test("Two months and 15 days from every day of 2024 to 2032 match the independent model, both readings")
    func everyDayAgainstIndependentModel() {
        var d = date("2024-01-01")
        var checked = 0
        while d <= date("2032-12-31") {
            for department in ["75", "67"] {
                for (reading, goodFriday) in [(LegalCalendar.Reading.earliest, false), (.latest, true)] {
                    let alsace = department == "67"
                    let ours = LegalCalendar.deadline(months: 2, from: d, department: department, reading: reading)!
                    let theirs = Independent.deadline(d.year, d.month, d.day, months: 2, alsace: alsace, goodFriday: goodFriday)
                    #expect((ours.year, ours.month, ours.day) == theirs, "\(d.iso) dept \(department)")
                    let inDays = LegalCalendar.deadline(days: 15, from: d, department: department, reading: reading)!
                    let theirDays = Independent.deadline(d.year, d.month, d.day, days: 15, alsace: alsace, goodFriday: goodFriday)
                    #expect((inDays.year, inDays.month, inDays.day) == theirDays, "\(d.iso) + 15 days dept \(department)")
                }
            }
            checked += 1
            d = d.adding(days: 1)
        }
        #expect(checked == 3288)
    }

    @Test("Every month end from 2024 to 2032, for 1 to 3 months (same day number, else the month's last day)")
    func monthEnds() {
        for year in 2024...2032 {
            for month in 1...12 {
                let last = CivilDate(year: year, month: month, day: Independent.lastDay(year, month))!
                for months in 1...3 {
                    let ours = last.adding(months: months)
                    var ty = year, tm = month + months
                    if tm > 12 { tm -= 12; ty += 1 }
                    // Art. 641: the same day number; the target month's last day when it has no such day.
                    #expect(
                        ours == CivilDate(year: ty, month: tm, day: min(last.day, Independent.lastDay(ty, tm))), "\(last.iso) + \(months)")
                    let extended = LegalCalendar.deadline(months: months, from: last)!
                    let expected = Independent.deadline(year, month, last.day, months: months, alsace: false)
                    #expect((extended.year, extended.month, extended.day) == expected)
                }
            }
        }
    }

    @Test("Easter Sunday matches the published dates, 2010 to 2032")
    func easter() {
        let published = [
            "2010-04-04", "2011-04-24", "2012-04-08", "2013-03-31", "2014-04-20", "2015-04-05", "2016-03-27",
            "2017-04-16", "2018-04-01", "2019-04-21", "2020-04-12", "2021-04-04", "2022-04-17", "2023-04-09",
            "2024-03-31", "2025-04-20", "2026-04-05", "2027-03-28", "2028-04-16", "2029-04-01", "2030-04-21",
            "2031-04-13", "2032-03-28",
        ]
        for iso in published {
            let d = date(iso)
            #expect(LegalCalendar.easter(d.year) == d)
            let (m, day) = Independent.easter(d.year)
            #expect((m, day) == (d.month, d.day))
        }
    }

    @Test("Holidays of 2026, metropolitan and Alsace-Moselle")
    func holidays2026() {
        let metropolitan = LegalCalendar.holidays(2026, department: "75").map(\.date.iso)
        #expect(
            metropolitan == [
                "2026-01-01", "2026-04-06", "2026-05-01", "2026-05-08", "2026-05-14", "2026-05-25",
                "2026-07-14", "2026-08-15", "2026-11-01", "2026-11-11", "2026-12-25",
            ])
        let alsace = LegalCalendar.holidays(2026, department: "57")
        #expect(alsace.count == 13)
        #expect(alsace.contains { $0.date.iso == "2026-04-03" && !$0.certain })  // Good Friday: some communes only
        #expect(alsace.contains { $0.date.iso == "2026-12-26" && $0.certain })
        #expect(LegalCalendar.holiday(on: date("2026-04-03"), department: "75") == nil)
        #expect(LegalCalendar.holiday(on: date("2026-04-03"), department: "68")?.name == "Vendredi saint")
        #expect(LegalCalendar.holiday(on: date("2026-04-03"), department: "68", reading: .earliest) == nil)
    }

    @Test("Alsace-Moselle (rule 11, rev. 2): Good Friday only in the latest reading, 26 December in both")
    func alsaceMoselle() {
        // Good Friday 2027 is 26 March, Easter Monday 29 March.
        #expect(LegalCalendar.deadline(months: 2, from: date("2027-01-26"), department: "67") == date("2027-03-26"))
        #expect(LegalCalendar.deadline(months: 2, from: date("2027-01-26"), department: "67", reading: .latest) == date("2027-03-30"))
        #expect(LegalCalendar.deadline(months: 2, from: date("2027-01-26"), department: "75", reading: .latest) == date("2027-03-26"))
        // 26 December 2025 is a Friday.
        #expect(LegalCalendar.deadline(months: 2, from: date("2025-10-26"), department: "57") == date("2025-12-29"))
        #expect(LegalCalendar.deadline(months: 2, from: date("2025-10-26"), department: nil) == date("2025-12-26"))
    }

    @Test(
        "Overseas (rule 11, rev. 3): the abolition day is a certain holiday in its territory (C. trav. L. 3422-2)",
        arguments: [
            ("971", "2027-05-27"), ("972", "2027-05-22"), ("973", "2027-06-10"), ("974", "2027-12-20"), ("976", "2027-04-27"),
            ("978", "2027-05-27"),
        ])
    func abolitionDays(department: String, day: String) {
        let d = date(day)
        #expect(LegalCalendar.holiday(on: d, department: department, reading: .latest)?.certain == true)
        #expect(LegalCalendar.holiday(on: d, department: department, reading: .earliest)?.certain == true)
        #expect(LegalCalendar.holiday(on: d, department: "75", reading: .latest) == nil)
        if d.weekday <= 5 {
            // The date to meet moves past it too.
            #expect(LegalCalendar.deadline(days: 0, from: d, department: department)! > d)
        }
    }

    @Test("Every year from 2024 to 2032, each territory's list holds the eleven national days and its own, in every month")
    func everyYearsHolidays() {
        for year in 2024...2032 {
            let paris = LegalCalendar.holidays(year, department: "75")
            #expect(paris.count == 11 && paris.allSatisfy(\.certain), "\(year)")
            // Alsace-Moselle: 26 December, and Good Friday in the latest reading.
            #expect(LegalCalendar.holidays(year, department: "57").count == 13, "\(year)")
            for (department, day) in LegalCalendar.abolitionDays {
                let own = LegalCalendar.holidays(year, department: department)
                #expect(own.contains { ($0.date.month, $0.date.day) == day && $0.certain }, "\(year) \(department)")
                #expect(Set(paris.map(\.date)).isSubset(of: own.map(\.date)), "\(year) \(department)")
            }
        }
    }

    @Test("Martinique's worked date (domain rev. 3): notified 22 March 2026, the deadline is Tuesday 26 May")
    func martinique() {
        // 22 May 2026 is a Friday (abolition day), then the weekend and Whit Monday.
        #expect(LegalCalendar.deadline(months: 2, from: date("2026-03-22"), department: "972") == date("2026-05-26"))
        #expect(LegalCalendar.deadline(months: 2, from: date("2026-03-22"), department: "971") == date("2026-05-22"))
    }

    @Test("Saint-Martin (978): 27 May certain, 28 May (observed since 2018) only in the latest reading")
    func saintMartin() {
        // 28 May 2027 is a Friday.
        #expect(LegalCalendar.holiday(on: date("2027-05-28"), department: "978", reading: .earliest) == nil)
        #expect(LegalCalendar.holiday(on: date("2027-05-28"), department: "978", reading: .latest)?.certain == false)
        #expect(LegalCalendar.deadline(days: 0, from: date("2027-05-27"), department: "978") == date("2027-05-28"))
        #expect(LegalCalendar.deadline(days: 0, from: date("2027-05-27"), department: "978", reading: .latest) == date("2027-05-31"))
    }

    @Test("An unknown département: the date to meet is national, the latest counts every local holiday")
    func unknownDepartment() {
        // 26 December 2025 is a Friday; Good Friday 2027 is 26 March.
        #expect(LegalCalendar.deadline(months: 2, from: date("2025-10-26")) == date("2025-12-26"))
        #expect(LegalCalendar.deadline(months: 2, from: date("2025-10-26"), reading: .latest) == date("2025-12-29"))
        #expect(LegalCalendar.deadline(months: 2, from: date("2027-01-26"), reading: .latest) == date("2027-03-30"))
        #expect(LegalCalendar.holiday(on: date("2027-05-27"), reading: .latest)?.certain == false)
        #expect(LegalCalendar.holiday(on: date("2027-05-28"), reading: .latest)?.certain == false)
        #expect(LegalCalendar.holiday(on: date("2027-05-27"), reading: .earliest) == nil)
        #expect(LegalCalendar.holiday(on: date("2027-05-27"), department: "75", reading: .latest) == nil)
    }

    @Test("Dates past year 9999 are not computed")
    func yearRange() {
        #expect(LegalCalendar.deadline(months: 2, from: date("9999-12-01")) == nil)
        #expect(LegalCalendar.deadline(days: 15, from: date("9999-12-31")) == nil)
        #expect(date("9999-12-31").addingChecked(days: 1) == nil)
        #expect(date("0001-01-15").addingChecked(months: -13) == nil)
        #expect(CivilDate.supported.contains(date("2026-11-28")))
        #expect(!CivilDate.supported.contains(date("9999-12-31")))
    }

    @Test("Civil dates: day numbers, weekdays, impossible days")
    func civilDates() {
        #expect(date("1970-01-01").dayNumber == 0)
        #expect(CivilDate(dayNumber: 20_415) == date("2025-11-23"))
        #expect(date("2026-11-23").weekday == 1)  // a Monday
        #expect(date("2026-12-05").weekday == 6)
        #expect(CivilDate(iso: "2026-02-31") == nil)
        #expect(CivilDate(iso: "2028-02-29") != nil)
        #expect(CivilDate(iso: "2100-02-29") == nil)
        #expect(CivilDate(iso: "26-11-2026") == nil)
        #expect(date("2026-11-02").adding(days: 21) == date("2026-11-23"))
    }

    @Test("Today in Europe/Paris around midnight, winter and summer")
    func parisMidnight() {
        // 2026-11-22T23:30:00Z is 00:30 on 23 November in Paris (UTC+1).
        #expect(LegalCalendar.parisDate(unixTime: date("2026-11-22").dayNumber * 86_400 + 23 * 3_600 + 1_800) == date("2026-11-23"))
        // 2026-11-22T22:30:00Z is 23:30 on the 22nd in Paris.
        #expect(LegalCalendar.parisDate(unixTime: date("2026-11-22").dayNumber * 86_400 + 22 * 3_600 + 1_800) == date("2026-11-22"))
        // Summer: 2026-07-14T22:30Z is 00:30 on 15 July (UTC+2); 21:30Z is still the 14th.
        #expect(LegalCalendar.parisDate(unixTime: date("2026-07-14").dayNumber * 86_400 + 22 * 3_600 + 1_800) == date("2026-07-15"))
        #expect(LegalCalendar.parisDate(unixTime: date("2026-07-14").dayNumber * 86_400 + 21 * 3_600 + 1_800) == date("2026-07-14"))
        // The switch: summer time starts 2026-03-29 at 01:00 UTC.
        #expect(LegalCalendar.parisDate(unixTime: date("2026-03-28").dayNumber * 86_400 + 23 * 3_600 + 30 * 60) == date("2026-03-29"))
        // Winter time is back from 2026-10-25 at 01:00 UTC: 22:30Z on the 25th is 23:30 Paris.
        #expect(LegalCalendar.parisDate(unixTime: date("2026-10-25").dayNumber * 86_400 + 22 * 3_600 + 1_800) == date("2026-10-25"))
    }
}
