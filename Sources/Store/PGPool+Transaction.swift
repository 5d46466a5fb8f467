extension PGPool {
    /// Runs `body` in a transaction on one checked-out connection: BEGIN; body; COMMIT
    /// (ROLLBACK when `body` throws, or when the task is cancelled before COMMIT).
    ///
    /// Serialization failures are not retried here: catch `StoreError` `.serializationFailure`
    /// and run the whole transaction again if the work is idempotent.
    public func withTransaction<T: Sendable>(_ body: @escaping @Sendable (PGConnection) throws -> T) async throws -> T {
        try await withConnection { connection in
            try connection.withTransaction(body)
        }
    }
}
