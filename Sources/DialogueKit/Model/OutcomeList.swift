import Synchronization

/// A dialogue's outcomes. For the rules built into the binary, which were loaded
/// and verified whole when it was built, they may be made when first read: the
/// first question does not wait for the texts of every result (a third of the
/// loading). Outcomes made at loading are read without a lock.
final class OutcomeList: Sendable {
    private enum State {
        case ready([Outcome])
        case pending(@Sendable () -> [Outcome])
    }

    /// The outcomes made at loading; nil when they are made when first read.
    private let made: [Outcome]?
    private let later: Mutex<State>

    init(_ outcomes: [Outcome]) {
        made = outcomes
        later = Mutex(.ready([]))
    }

    init(later make: @escaping @Sendable () -> [Outcome]) {
        made = nil
        later = Mutex(.pending(make))
    }

    var outcomes: [Outcome] {
        if let made { return made }
        return later.withLock { state in
            switch state {
            case .ready(let outcomes):
                return outcomes
            case .pending(let make):
                let outcomes = make()
                state = .ready(outcomes)
                return outcomes
            }
        }
    }
}
