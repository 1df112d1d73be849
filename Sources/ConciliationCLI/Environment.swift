#if canImport(Glibc)
import Glibc
#endif
import DialogueKit

/// What the commands learn from the process: the clock, variables, where the
/// shipped dialogues are. Read here only, so that the core stays pure.
enum ProcessEnvironment {
    static func variable(_ name: String) -> String? {
        guard let value = getenv(name) else { return nil }
        return String(cString: value)
    }

    /// Today in Europe/Paris (domain rule 13).
    static func clockToday() -> CivilDate {
        LegalCalendar.parisDate(unixTime: Int(time(nil)))
    }

    /// The folder of the shipped dialogues: `CONCILIATION_DIALOGUES`, else the
    /// `dialogues/` folder found above the executable (the checkout it was built in),
    /// so that the program works from any working directory.
    static func dialoguesDirectory() -> String? {
        if let explicit = variable("CONCILIATION_DIALOGUES") { return explicit }
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let n = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        guard n > 0 else { return nil }
        var directory = String(decoding: buffer[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        while let slash = directory.lastIndex(of: "/"), slash != directory.startIndex {
            directory = String(directory[..<slash])
            let candidate = directory + "/dialogues"
            if FileIO.exists(candidate + "/conciliation.yaml") { return candidate }
        }
        return nil
    }
}
