extension PGPool {
    /// Runs one statement with bound parameters on a pooled connection and returns its rows.
    public func query(_ sql: String, _ parameters: [PGValue] = []) async throws -> PGRows {
        try await withConnection { connection in
            try connection.query(sql, parameters)
        }
    }

    /// Runs one statement with bound parameters on a pooled connection; returns rows affected.
    @discardableResult
    public func execute(_ sql: String, _ parameters: [PGValue] = []) async throws -> Int {
        try await withConnection { connection in
            try connection.execute(sql, parameters)
        }
    }
}
