import Synchronization

/// Resumes a ping's caller exactly once, with whichever comes first of the probe's answer, the
/// deadline or cancellation, and then cancels the tasks still running.
final class PingRace: Sendable {
    private struct State {
        var continuation: CheckedContinuation<Bool, Never>?
        var result: Bool?
        var tasks: [Task<Void, Never>] = []
    }

    private let state = Mutex(State())

    func install(_ continuation: CheckedContinuation<Bool, Never>) {
        let early: Bool? = state.withLock { state in
            if let result = state.result { return result }
            state.continuation = continuation
            return nil
        }
        if let early { continuation.resume(returning: early) }
    }

    func track(_ tasks: [Task<Void, Never>]) {
        let finished = state.withLock { state in
            if state.result == nil { state.tasks += tasks }
            return state.result != nil
        }
        if finished { tasks.forEach { $0.cancel() } }
    }

    func finish(_ value: Bool) {
        let (continuation, tasks): (CheckedContinuation<Bool, Never>?, [Task<Void, Never>]) = state.withLock { state in
            guard state.result == nil else { return (nil, []) }
            state.result = value
            defer {
                state.continuation = nil
                state.tasks = []
            }
            return (state.continuation, state.tasks)
        }
        continuation?.resume(returning: value)
        tasks.forEach { $0.cancel() }
    }
}
