import DialogueKit
import Foundation
import Logging
import WallClock

/// The server's log: a line on standard error for each warning or error, never a
/// part of a request. swift-log's own `StreamLogHandler` formats all of a logger's
/// metadata again each time one item is set, and Hummingbird sets one (the
/// request's id) for every request, though nearly none is ever logged: measured
/// with `perf record`, nearly 2 % of the server's time on result pages. This handler
/// formats metadata only for a line it writes.
struct ServerLog: LogHandler {
    let label: String
    var logLevel: Logger.Level = .warning
    var metadata: Logger.Metadata = [:]
    var metadataProvider: Logger.MetadataProvider?
    /// Where a line goes: standard error, or a test's list.
    let write: @Sendable (String) -> Void
    /// How many lines of one kind may be written in a minute.
    let budget: LogBudget

    init(label: String, budget: LogBudget = LogBudget(), write: @escaping @Sendable (String) -> Void = ServerLog.standardError) {
        self.label = label
        self.budget = budget
        self.write = write
    }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        // A kind is the level, the message and the error's type: 3,000 malformed
        // requests are one kind, and write a few lines, then how many were left out.
        let kind = "\(event.level) \(event.message) \(event.metadata?["error"].map { "\($0)" } ?? "")"
        switch budget.take(kind, now: Timestamp.unixNow()) {
        case .write(let leftOut):
            if leftOut > 0 { write("\(Timestamp.now()) \(label) \(event.level): \(leftOut) more line(s) like the next one were left out") }
            write(line(event))
        case .leaveOut:
            return
        }
    }

    /// `2026-11-28T21:40:00Z conciliation-serve error: request failed error=… hb.request.id=…`:
    /// keys in order, the event's own over the logger's.
    func line(_ event: LogEvent) -> String {
        var all = metadata
        if let provided = metadataProvider?.get() { all.merge(provided) { $1 } }
        if let own = event.metadata { all.merge(own) { $1 } }
        let items = all.keys.sorted().map { "\($0)=\(all[$0]!)" }
        let head = "\(Timestamp.now()) \(label) \(event.level): \(event.message)"
        return ([head] + items).joined(separator: " ")
    }

    @Sendable static func standardError(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
