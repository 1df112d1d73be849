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

    /// The folder of the shipped dialogues: `CONCILIATION_DIALOGUES`, else the
    /// `dialogues/` folder found above the executable (the checkout it was built
    /// in), or `share/conciliation/dialogues` beside its `bin/` (installed), so that
    /// the program works from any working directory.
    static func dialoguesDirectory() -> String? {
        if let explicit = variable("CONCILIATION_DIALOGUES") { return explicit }
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let n = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        guard n > 0 else { return nil }
        var directory = String(decoding: buffer[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        while let slash = directory.lastIndex(of: "/"), slash != directory.startIndex {
            directory = String(directory[..<slash])
            // An installed binary (scripts/install): PREFIX/bin and PREFIX/share/conciliation.
            for candidate in [directory + "/dialogues", directory + "/share/conciliation/dialogues"]
            where FileIO.exists(candidate + "/conciliation.yaml") {
                return candidate
            }
        }
        return nil
    }
}
