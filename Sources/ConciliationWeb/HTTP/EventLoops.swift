import Foundation
import NIOCore

/// How many event loops serve the page: one per processor the server may run on.
/// NIO counts the machine's processors and a container's CPU quota, but not the
/// affinity mask (`taskset`, systemd's `CPUAffinity=`): pinned to one core, the
/// server ran two loops that took turns on it, and answered 7 to 16 % fewer
/// requests a second than with one (result and letter pages, wrk, 50 connections).
enum EventLoops {
    /// The loops to start: the processors of the affinity mask, never more than
    /// NIO's count (which honours a container's quota), at least one.
    static func count() -> Int {
        count(
            allowed: allowedProcessors(status: try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)),
            available: System.coreCount)
    }

    /// `allowed` is nil where the mask could not be read.
    static func count(allowed: Int?, available: Int) -> Int {
        max(1, min(allowed ?? available, available))
    }

    /// The processors of the affinity mask, from Linux's `/proc/self/status`
    /// (`Cpus_allowed:` then a hexadecimal mask in groups of 32 bits); nil when
    /// there is no such line or it is not a mask.
    static func allowedProcessors(status: String?) -> Int? {
        guard let status else { return nil }
        for line in status.split(separator: "\n") where line.hasPrefix("Cpus_allowed:") {
            var count = 0
            for character in line.dropFirst("Cpus_allowed:".count) where character != "," && !character.isWhitespace {
                guard let digit = character.hexDigitValue else { return nil }
                count += digit.nonzeroBitCount
            }
            return count > 0 ? count : nil
        }
        return nil
    }
}
