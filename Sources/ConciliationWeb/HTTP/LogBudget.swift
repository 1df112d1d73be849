import NIOConcurrencyHelpers

/// How many log lines of one kind the server writes per minute: a flood of the
/// same bad request writes a few lines, then one line saying how many were left
/// out, instead of one line each. Shared by every copy of the server's logger;
/// the kinds kept are bounded too.
final class LogBudget: Sendable {
    enum Decision: Equatable {
        /// Write the line; `leftOut` lines of its kind were left out before it.
        case write(leftOut: Int)
        case leaveOut
    }

    /// Lines of one kind per window, and the window in seconds.
    let perWindow: Int
    let window: Int
    /// At most this many kinds are remembered; past it, the oldest windows go.
    static let kinds = 256

    private struct Tally {
        var start: Int
        var written: Int
        var leftOut: Int
    }

    private let tallies = NIOLockedValueBox<[String: Tally]>([:])

    init(perWindow: Int = 5, window: Int = 60) {
        self.perWindow = perWindow
        self.window = window
    }

    /// How many kinds are remembered now.
    var remembered: Int { tallies.withLockedValue { $0.count } }

    func take(_ kind: String, now: Int) -> Decision {
        tallies.withLockedValue { tallies in
            var tally = tallies[kind] ?? Tally(start: now, written: 0, leftOut: 0)
            var earlier = 0
            if now - tally.start >= window {
                earlier = tally.leftOut
                tally = Tally(start: now, written: 0, leftOut: 0)
            }
            let decision: Decision
            if tally.written < perWindow {
                tally.written += 1
                decision = .write(leftOut: earlier)
            } else {
                tally.leftOut += earlier + 1
                decision = .leaveOut
            }
            if tallies[kind] == nil && tallies.count >= Self.kinds {
                tallies = tallies.filter { now - $0.value.start < window }
                if tallies.count >= Self.kinds { tallies.removeAll() }
            }
            tallies[kind] = tally
            return decision
        }
    }
}
