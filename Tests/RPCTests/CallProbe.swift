import Synchronization

/// Lets a test hold a call inside its handler, release it, and see whether its work was cancelled,
/// all by events rather than by sleeping.
final class CallProbe: Sendable {
    enum Event: Sendable, Equatable {
        case started(String)
        case cancelled(String)
    }

    private enum Parked {
        case waiting(CheckedContinuation<Void, any Error>)
        case released
        case cancelled
    }

    private let parked = Mutex<[String: Parked]>([:])
    let events: AsyncStream<Event>
    private let eventSink: AsyncStream<Event>.Continuation

    init() {
        (events, eventSink) = AsyncStream.makeStream(of: Event.self)
    }

    /// Waits, as a handler would on slow work, until `release(key)` or until its task is cancelled.
    func hold(_ key: String) async throws {
        eventSink.yield(.started(key))
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                let resumeNow: Result<Void, any Error>? = parked.withLock { state in
                    switch state[key] {
                    case .released: return .success(())
                    case .cancelled: return .failure(CancellationError())
                    case .waiting, nil:
                        state[key] = .waiting(continuation)
                        return nil
                    }
                }
                if let resumeNow { continuation.resume(with: resumeNow) }
            }
        } onCancel: {
            let waiting = parked.withLock { state -> CheckedContinuation<Void, any Error>? in
                defer { state[key] = .cancelled }
                if case .waiting(let continuation) = state[key] { return continuation }
                return nil
            }
            eventSink.yield(.cancelled(key))
            waiting?.resume(throwing: CancellationError())
        }
    }

    func release(_ key: String) {
        let waiting = parked.withLock { state -> CheckedContinuation<Void, any Error>? in
            defer { state[key] = .released }
            if case .waiting(let continuation) = state[key] { return continuation }
            return nil
        }
        waiting?.resume()
    }

    /// Waits for `event` to happen (or to have happened since the last call).
    func wait(for event: Event) async {
        for await seen in events where seen == event { return }
    }
}
