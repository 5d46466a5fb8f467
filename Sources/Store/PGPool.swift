import Logging
import NIOPosix
import Synchronization

/// A bounded pool of PostgreSQL connections: the `Sendable` front object of the store.
///
/// Every libpq call runs on `threadPool` (an `NIOThreadPool`), never on an event loop or the
/// cooperative pool; each connection is used by one thread at a time. Connections are created
/// lazily; when all are busy, checkouts wait in FIFO order (cancellable). A connection the server
/// closed while idle is replaced at checkout, so after a database restart the pool recovers by
/// itself. A connection that ends a checkout broken is discarded; one left inside a transaction is
/// rolled back first. Give the thread pool `maximumConnections + 1` threads: one per
/// connection, and one for the health probe (`ping`), which has a connection of its own.
public final class PGPool: Sendable {
    typealias Waiter = CheckedContinuation<PoolLease<ConnectionBox>, any Error>

    /// Where the connections go.
    public let configuration: DatabaseConfiguration
    /// The most connections open at once.
    public let maximumConnections: Int
    let threadPool: NIOThreadPool
    let logger: Logger
    let state: Mutex<PoolStateMachine<ConnectionBox, Waiter>>
    let nextCheckoutID = Atomic<Int>(0)
    /// The health probe's own connection, idle between pings.
    private let probeConnection = Mutex<ConnectionBox?>(nil)

    /// Creates a pool; no connection is opened until the first checkout.
    /// - Parameters:
    ///   - threadPool: a started thread pool for the blocking libpq calls.
    public init(configuration: DatabaseConfiguration, maximumConnections: Int = 8, threadPool: NIOThreadPool, logger: Logger) {
        self.configuration = configuration
        self.maximumConnections = maximumConnections
        self.threadPool = threadPool
        self.logger = logger
        self.state = Mutex(PoolStateMachine(maximum: maximumConnections))
    }

    /// Runs `body` on a thread-pool thread with a connection checked out for the whole body.
    ///
    /// Cancelling the calling task cancels the running statement on the server; the statement
    /// then throws `StoreError` of kind `.cancelled`, as do later statements of the same body.
    /// - Throws: what `body` throws; `StoreError` `.cancelled`, `.closed` or `.unavailable`.
    public func withConnection<T: Sendable>(_ body: @escaping @Sendable (PGConnection) throws -> T) async throws -> T {
        guard !Task.isCancelled else { throw StoreError(.cancelled, message: "the task was cancelled") }
        let lease = try await checkout()
        let gate = QueryGate()
        let outcome: CheckoutOutcome<T>
        do {
            outcome = try await withTaskCancellationHandler {
                try await threadPool.runIfActive { [self] in
                    self.run(body, lease: lease, gate: gate)
                }
            } onCancel: {
                gate.cancel()
            }
        } catch {
            // The job never ran (cancelled while queued, or the thread pool is shut down):
            // the lease is untouched and goes straight back.
            switch lease {
            case .existing(let box): release(box)
            case .create: release(nil)
            }
            if error is CancellationError { throw StoreError(.cancelled, message: "the task was cancelled") }
            throw StoreError(.unavailable, message: "the thread pool is not running")
        }
        release(outcome.box)
        return try outcome.result.get()
    }

    /// Closes idle connections and refuses further checkouts with `StoreError` `.closed`;
    /// connections still in use are closed when their checkout ends.
    public func close() async {
        // Taken and dropped on the thread pool: PQfinish writes to the socket.
        let closeAll: @Sendable () -> Void = { [self] in
            let (idle, waiters) = state.withLock { $0.close() }
            let probe = takeProbeConnection()
            for waiter in waiters {
                waiter.resume(throwing: StoreError(.closed, message: "the pool is closed"))
            }
            withExtendedLifetime((idle, probe)) {}
        }
        do {
            try await threadPool.runIfActive(closeAll)
        } catch {
            closeAll()  // thread pool shut down, or this task cancelled: close here all the same
        }
    }

    /// Connections open (idle, in use or being created), idle, and checkouts waiting; for tests
    /// and diagnostics.
    var statistics: (open: Int, idle: Int, waiting: Int) {
        state.withLock { ($0.open, $0.idle.count, $0.waitingCount) }
    }

    var isClosed: Bool { state.withLock { $0.isClosed } }

    func takeProbeConnection() -> ConnectionBox? {
        probeConnection.withLock { $0.take() }
    }

    /// Keeps the probe's connection for the next ping, unless the pool was closed meanwhile or
    /// another ping already kept one (this one is then dropped).
    func keepProbeConnection(_ box: ConnectionBox) {
        guard !isClosed else { return }
        probeConnection.withLock { slot in
            if slot == nil { slot = box }
        }
    }
}
