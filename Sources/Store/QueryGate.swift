import Foundation
import Synchronization

/// Links one checkout of a connection to the task that asked for it, so that cancelling the task
/// cancels the statement running on the server, and nothing else.
///
/// A late cancel must never hit the next statement or the next user of the connection: the cancel
/// request is sent while holding the lock and only when a statement of this checkout is running,
/// and `exitQuery()`/`finish()` take the same lock, so the connection cannot move on before the
/// request reached the server (a cancel that arrives while the backend is idle is ignored there).
final class QueryGate: Sendable {
    private struct State {
        var cancelled = false
        var inQuery = false
        var finished = false
        var token: PGCancelToken?
    }

    private let state = Mutex(State())

    init() {}

    /// Once the checkout has a live connection, on the connection's thread.
    func attach(_ token: PGCancelToken?) {
        state.withLock { $0.token = token }
    }

    var isCancelled: Bool { state.withLock { $0.cancelled } }

    /// Before each statement, on the connection's thread.
    func enterQuery() throws(StoreError) {
        try state.withLock { (state: inout State) throws(StoreError) in
            if state.cancelled { throw StoreError(.cancelled, message: "the task was cancelled") }
            state.inQuery = true
        }
    }

    /// After each statement; returns whether the task was cancelled meanwhile.
    func exitQuery() -> Bool {
        state.withLock { state in
            state.inQuery = false
            return state.cancelled
        }
    }

    /// When the checkout ends; later cancels do nothing.
    func finish() {
        state.withLock { $0.finished = true }
    }

    /// From the task's cancellation handler, on any thread. Never blocks the caller: the request
    /// to the server goes out from a short-lived thread (the handler may run on an event loop or
    /// the cooperative pool, and the thread pool may be full of the very queries to cancel).
    func cancel() {
        let mustSend = state.withLock { state in
            guard !state.finished, !state.cancelled else { return false }
            state.cancelled = true
            return state.inQuery && state.token != nil
        }
        guard mustSend else { return }
        Thread.detachNewThread { [self] in
            self.sendCancelIfStillRunning()
        }
    }

    private func sendCancelIfStillRunning() {
        state.withLock { state in
            guard state.inQuery, !state.finished else { return }
            state.token?.sendCancel()
        }
    }
}
