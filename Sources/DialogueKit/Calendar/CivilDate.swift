/// A calendar day with no time and no time zone: legal deadlines are counted in
/// days, so carrying a clock instant would only invite time-zone mistakes.
public struct CivilDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// Returns nil for a day that does not exist (31 February, month 13).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
            day >= 1, day <= CivilDate.daysIn(month: month, year: year)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    private init(unchecked year: Int, _ month: Int, _ day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses the ISO form `YYYY-MM-DD`, the only form used in files and JSON.
    public init?(iso text: some StringProtocol) {
        let u = Array(text.utf8)
        guard u.count == 10, u[4] == UInt8(ascii: "-"), u[7] == UInt8(ascii: "-") else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var n = 0
            for i in range {
                let c = u[i]
                guard c >= 48, c <= 57 else { return nil }
                n = n * 10 + Int(c - 48)
            }
            return n
        }
        guard let y = number(0..<4), let m = number(5..<7), let d = number(8..<10) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    public static func isLeap(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 1970-01-01 (negative before), after Howard Hinnant's `days_from_civil`.
    public var dayNumber: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The inverse of `dayNumber` (Hinnant's `civil_from_days`).
    public init(dayNumber z0: Int) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self.init(unchecked: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    public func adding(days: Int) -> CivilDate { CivilDate(dayNumber: dayNumber + days) }

    /// The dates the program accepts as answers, case values and "today": wide
    /// enough for any real file, narrow enough that every deadline computed from
    /// them (at most a year later) is still a four-digit year that prints.
    public static let supported = CivilDate(unchecked: 1900, 1, 1)...CivilDate(unchecked: 9998, 12, 31)

    /// `adding(days:)`, or nil outside years 1 to 9999.
    public func addingChecked(days: Int) -> CivilDate? {
        let (sum, overflow) = dayNumber.addingReportingOverflow(days)
        guard !overflow, abs(days) < 4_000_000 else { return nil }
        let d = CivilDate(dayNumber: sum)
        return (1...9999).contains(d.year) ? d : nil
    }

    /// `adding(months:)`, or nil outside years 1 to 9999.
    public func addingChecked(months: Int) -> CivilDate? {
        guard abs(months) < 120_000 else { return nil }
        let index = year * 12 + (month - 1) + months
        guard index >= 12, index < 10_000 * 12 else { return nil }
        return adding(months: months)
    }

    public func days(until other: CivilDate) -> Int { other.dayNumber - dayNumber }

    /// The same day number `months` later, or the last day of that month when it is
    /// shorter (code de procédure civile, art. 641).
    public func adding(months: Int) -> CivilDate {
        let index = year * 12 + (month - 1) + months
        let y = index / 12
        let m = index % 12 + 1
        return CivilDate(unchecked: y, m, min(day, CivilDate.daysIn(month: m, year: y)))
    }

    /// ISO weekday: 1 = Monday … 7 = Sunday.
    public var weekday: Int {
        let w = (dayNumber + 3) % 7  // 1970-01-01 was a Thursday
        return (w < 0 ? w + 7 : w) + 1
    }

    /// `YYYY-MM-DD`. Made from ten digits for the years of four (a page writes
    /// a dozen dates: the five strings of an interpolation were 2 % of a result
    /// page's instructions); other years are padded as the interpolation pads them.
    public var iso: String {
        guard (0...9999).contains(year) else { return Self.paddedISO(year, month, day) }
        return String(unsafeUninitializedCapacity: 10) { bytes in
            let zero = UInt8(ascii: "0"), dash = UInt8(ascii: "-")
            (bytes[0], bytes[1]) = (zero + UInt8(year / 1000), zero + UInt8(year / 100 % 10))
            (bytes[2], bytes[3], bytes[4]) = (zero + UInt8(year / 10 % 10), zero + UInt8(year % 10), dash)
            (bytes[5], bytes[6], bytes[7]) = (zero + UInt8(month / 10), zero + UInt8(month % 10), dash)
            (bytes[8], bytes[9]) = (zero + UInt8(day / 10), zero + UInt8(day % 10))
            return 10
        }
    }

    static func paddedISO(_ year: Int, _ month: Int, _ day: Int) -> String {
        "\(digits(year, 4))-\(digits(month))-\(digits(day))"
    }

    /// `n` written with at least `width` digits, zeros in front: the one padding
    /// every date and time shown as numbers uses (ISO dates, "05/10/2026", the
    /// time of a session file).
    package static func digits(_ n: Int, _ width: Int = 2) -> String {
        let s = String(n)
        return String(repeating: "0", count: max(0, width - s.count)) + s
    }

    public var description: String { iso }

    public static func < (a: CivilDate, b: CivilDate) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }
}
