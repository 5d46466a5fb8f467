import CLibPQ

extension PGConnection {
    /// Runs `body` in a transaction: BEGIN, body, COMMIT; ROLLBACK when `body` throws.
    ///
    /// Nested calls use savepoints, so an inner failure rolls back only the inner work.
    /// A transaction left aborted by an error that `body` swallowed is rolled back and reported,
    /// never silently "committed" (PostgreSQL answers such a COMMIT with ROLLBACK).
    public func withTransaction<T>(_ body: (PGConnection) throws -> T) throws -> T {
        let status = PQtransactionStatus(handle)
        if status == PQTRANS_INTRANS {
            return try withSavepoint(body)
        }
        guard status == PQTRANS_IDLE else {
            if status == PQTRANS_INERROR {
                throw StoreError(.query, sqlState: "25P02", message: "the current transaction is aborted; roll it back first")
            }
            throw StoreError(.unavailable, message: "the connection is not ready for a transaction")
        }

        try execute("BEGIN")
        let value: T
        do {
            value = try body(self)
        } catch {
            rollbackQuietly("ROLLBACK")
            throw error
        }
        if PQtransactionStatus(handle) == PQTRANS_INERROR {
            rollbackQuietly("ROLLBACK")
            throw Self.abortedError
        }
        let tag: String
        do {
            tag = try run("COMMIT", []).commandTag
        } catch {
            // A cancelled task or a failed COMMIT can leave the block open: close it.
            if isInTransaction { rollbackQuietly("ROLLBACK") }
            throw error
        }
        guard tag == "COMMIT" else { throw Self.abortedError }
        return value
    }

    private func withSavepoint<T>(_ body: (PGConnection) throws -> T) throws -> T {
        savepointDepth += 1
        defer { savepointDepth -= 1 }
        let name = "clv_savepoint_\(savepointDepth)"
        try execute("SAVEPOINT \(name)")
        let value: T
        do {
            value = try body(self)
        } catch {
            rollbackQuietly("ROLLBACK TO SAVEPOINT \(name)")
            rollbackQuietly("RELEASE SAVEPOINT \(name)")
            throw error
        }
        if PQtransactionStatus(handle) == PQTRANS_INERROR {
            rollbackQuietly("ROLLBACK TO SAVEPOINT \(name)")
            rollbackQuietly("RELEASE SAVEPOINT \(name)")
            throw Self.abortedError
        }
        do {
            try execute("RELEASE SAVEPOINT \(name)")
        } catch {
            rollbackQuietly("ROLLBACK TO SAVEPOINT \(name)")
            rollbackQuietly("RELEASE SAVEPOINT \(name)")
            throw error
        }
        return value
    }

    /// Best effort: if it fails the connection is broken, and the pool discards broken connections.
    private func rollbackQuietly(_ sql: String) {
        _ = try? executeCleanup(sql)
    }

    private static var abortedError: StoreError {
        StoreError(.query, sqlState: "25P02", message: "the transaction was aborted by an earlier error and has been rolled back")
    }
}
