/// The pool's bookkeeping as a pure state machine: events in, actions out, no I/O and no locks
/// (the pool keeps it inside a `Mutex` and performs the actions after unlocking). Generic so
/// tests can drive it with plain values.
///
/// Invariant: `open` counts connections that exist or are being created (idle + leased +
/// connecting) and never exceeds `maximum`.
struct PoolStateMachine<Connection, Waiter> {
    typealias Lease = PoolLease<Connection>

    enum RequestAction {
        case lease(Lease)
        case wait
        case fail(StoreError)
    }

    enum ReleaseAction {
        case none
        /// Hand the lease to this waiter.
        case resume(Waiter, Lease)
        /// The pool is closed: close this connection.
        case close(Connection)
    }

    let maximum: Int
    private(set) var idle: [Connection] = []
    private(set) var open = 0
    private(set) var isClosed = false
    /// FIFO: the longest-waiting checkout is served first.
    private var waiters: [(id: Int, waiter: Waiter)] = []

    var waitingCount: Int { waiters.count }

    init(maximum: Int) {
        precondition(maximum > 0, "a pool needs at least one connection")
        self.maximum = maximum
    }

    /// A checkout asks for a connection; `isCancelled` is the task's state, read under the lock
    /// so a cancel racing with this call is never lost.
    mutating func request(id: Int, waiter: Waiter, isCancelled: Bool) -> RequestAction {
        if isClosed { return .fail(StoreError(.closed, message: "the pool is closed")) }
        if isCancelled { return .fail(StoreError(.cancelled, message: "the task was cancelled")) }
        // Most recently used first: it is the likeliest to be alive and warm.
        if let connection = idle.popLast() { return .lease(.existing(connection)) }
        if open < maximum {
            open += 1
            return .lease(.create)
        }
        waiters.append((id, waiter))
        return .wait
    }

    /// A waiting checkout was cancelled; returns its waiter if it was still waiting.
    mutating func cancel(id: Int) -> Waiter? {
        guard let index = waiters.firstIndex(where: { $0.id == id }) else { return nil }
        return waiters.remove(at: index).waiter
    }

    /// A checkout ends. `connection` is nil when it was discarded or could not be created.
    mutating func release(_ connection: Connection?) -> ReleaseAction {
        guard let connection else {
            open -= 1
            if !isClosed, !waiters.isEmpty {
                // The freed slot goes to the next waiter, which creates its own connection.
                open += 1
                return .resume(waiters.removeFirst().waiter, .create)
            }
            return .none
        }
        if isClosed {
            open -= 1
            return .close(connection)
        }
        if !waiters.isEmpty {
            return .resume(waiters.removeFirst().waiter, .existing(connection))
        }
        idle.append(connection)
        return .none
    }

    /// Closes the pool: idle connections are to be closed, waiters failed; leased connections are
    /// closed when released.
    mutating func close() -> (idle: [Connection], waiters: [Waiter]) {
        isClosed = true
        let closing = idle
        idle.removeAll()
        open -= closing.count
        let failing = waiters.map(\.waiter)
        waiters.removeAll()
        return (closing, failing)
    }
}
