import Store

/// Runs a write transaction again when PostgreSQL aborted it for a deadlock or serialization
/// failure; concurrent batches touching the same customers can meet that way.
enum TransactionRetry {
    static let attempts = 4

    static func run<T: Sendable>(_ pool: PGPool, _ body: @escaping @Sendable (PGConnection) throws -> T) async throws -> T {
        var attempt = 1
        while true {
            do {
                return try await pool.withTransaction(body)
            } catch let error as StoreError where error.kind == .serializationFailure && attempt < attempts {
                attempt += 1
            }
        }
    }
}
