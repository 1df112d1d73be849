import Synchronization

/// A dialogue's outcomes. For the rules built into the binary, which were loaded
/// and verified whole when it was built, they are made when first read: the first
/// question does not wait for the texts of every result (a third of the loading).
final class OutcomeList: Sendable {
    private enum State {
        case ready([Outcome])
        case pending(@Sendable () -> [Outcome])
    }

    private let state: Mutex<State>

    init(_ outcomes: [Outcome]) { state = Mutex(.ready(outcomes)) }
    init(later make: @escaping @Sendable () -> [Outcome]) { state = Mutex(.pending(make)) }

    var outcomes: [Outcome] {
        state.withLock { state in
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
