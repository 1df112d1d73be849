import Foundation
import Testing
import WallClock

@testable import DialogueKit

@Suite("Today in Europe/Paris, from the system's time-zone database")
struct ParisTodayTests {
    @Test("The database and the 1996 rule agree on every hour of 2026")
    func agreeWhileTheRuleHolds() throws {
        let paris = try #require(TimeZone(identifier: "Europe/Paris"), "this machine has no tzdata")
        let start = CivilDate(iso: "2026-01-01")!.dayNumber * 86_400
        for hour in 0..<(365 * 24) {
            let t = start + hour * 3_600 + 1_800
            #expect(ParisClock.date(unixTime: t, zone: paris) == LegalCalendar.parisDate(unixTime: t))
        }
    }

    @Test("A changed rule reaches the program through the database, not the hand rule")
    func theDatabaseWins() {
        // 2026-07-14T22:30Z: 00:30 on the 15th under summer time; were summer time
        // abolished (UTC+1 all year), 23:30 on the 14th.
        let t = CivilDate(iso: "2026-07-14")!.dayNumber * 86_400 + 22 * 3_600 + 1_800
        #expect(ParisClock.date(unixTime: t, zone: TimeZone(secondsFromGMT: 3_600)) == CivilDate(iso: "2026-07-14"))
        #expect(ParisClock.date(unixTime: t, zone: nil) == CivilDate(iso: "2026-07-15"), "without a database, the 1996 rule")
    }
}
