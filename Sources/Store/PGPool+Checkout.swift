import Logging
import NIOPosix

extension PGPool {
    /// Waits for a lease: an idle connection, or a free slot to create one in.
    func checkout() async throws -> PoolLease<ConnectionBox> {
        let id = nextCheckoutID.wrappingAdd(1, ordering: .relaxed).newValue
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: Waiter) in
                let action = state.withLock {
                    $0.request(id: id, waiter: continuation, isCancelled: Task.isCancelled)
                }
                switch action {
                case .lease(let lease): continuation.resume(returning: lease)
                case .fail(let error): continuation.resume(throwing: error)
                case .wait: break
                }
            }
        } onCancel: {
            let waiter = state.withLock { $0.cancel(id: id) }
            waiter?.resume(throwing: StoreError(.cancelled, message: "the task was cancelled while waiting for a connection"))
        }
    }

    /// Gives a connection (or, with nil, its slot) back to the pool.
    func release(_ box: ConnectionBox?) {
        let action = state.withLock { $0.release(box) }
        switch action {
        case .none:
            break
        case .resume(let waiter, let lease):
            waiter.resume(returning: lease)
        case .close:
            // Rare: the pool closed between the job's own check and now. The connection goes
            // with this action.
            break
        }
    }

    // MARK: On the thread pool

    /// One checkout's work on a thread-pool thread: get a live connection, run the body, tidy up.
    func run<T>(
        _ body: (PGConnection) throws -> T, lease: PoolLease<ConnectionBox>, gate: QueryGate
    ) -> CheckoutOutcome<T> {
        let box: ConnectionBox
        do {
            box = try liveConnection(for: lease)
        } catch {
            return CheckoutOutcome(box: nil, result: .failure(error))
        }
        let connection = box.connection
        gate.attach(connection.cancelToken)
        connection.gate = gate
        let result = Result { try body(connection) }
        gate.finish()
        connection.gate = nil
        guard connection.prepareForReuse(logger: logger) else {
            logger.debug("discarding a broken connection", metadata: ["db.host": "\(configuration.host)"])
            return CheckoutOutcome(box: nil, result: result)
        }
        if isClosed {
            return CheckoutOutcome(box: nil, result: result)  // closed meanwhile: PQfinish here, on this thread
        }
        return CheckoutOutcome(box: box, result: result)
    }

    /// The leased connection if it is still alive, else a new one.
    private func liveConnection(for lease: PoolLease<ConnectionBox>) throws(StoreError) -> ConnectionBox {
        if case .existing(let box) = lease {
            if box.connection.isUsable() { return box }
            logger.info("replacing a connection the server closed", metadata: ["db.host": "\(configuration.host)"])
        }
        do {
            let connection = try PGConnection(configuration: configuration)
            logger.debug("opened a database connection", metadata: ["db.host": "\(configuration.host)", "db.name": "\(configuration.database)"])
            return ConnectionBox(connection)
        } catch {
            logger.debug("could not connect to the database", metadata: ["error": "\(error)"])
            throw error
        }
    }
}
