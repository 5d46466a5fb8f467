import Synchronization

/// Set once when a piece of work ends, for a poll loop to check without awaiting the work.
final class CompletionFlag: Sendable {
    private let state = Mutex(false)

    var isSet: Bool { state.withLock { $0 } }

    func set() {
        state.withLock { $0 = true }
    }
}
