import CLibPQ

extension PGConnection {
    /// Runs one statement with bound parameters (`$1`, `$2`, ...) and returns its rows.
    ///
    /// Parameters travel separately from the SQL text, never interpolated into it.
    public func query(_ sql: String, _ parameters: [PGValue] = []) throws(StoreError) -> PGRows {
        let result = try run(sql, parameters)
        return result.rows()
    }

    /// Runs one query with bound parameters and hands each row to `body` in place, without
    /// copying cells into Strings: for results of hundreds of thousands of rows.
    ///
    /// The whole result is held by libpq until the last row has been read.
    public func forEachRow(_ sql: String, _ parameters: [PGValue] = [], _ body: (PGResultRow) throws -> Void) throws {
        let result = try run(sql, parameters)
        for row in 0..<PQntuples(result.pointer) {
            try body(PGResultRow(result: result.pointer, row: row))
        }
    }

    /// Runs one statement with bound parameters and returns the number of rows it affected.
    @discardableResult
    public func execute(_ sql: String, _ parameters: [PGValue] = []) throws(StoreError) -> Int {
        let result = try run(sql, parameters)
        return result.affectedRows
    }

    /// Runs one or more statements without parameters (simple query protocol), for trusted SQL
    /// such as migrations.
    func executeScript(_ sql: String) throws(StoreError) {
        try gate?.enterQuery()
        let raw = PQexec(handle, sql)
        let cancelled = gate?.exitQuery() ?? false
        _ = try checked(raw, cancelled: cancelled)
    }

    /// Runs a statement that must succeed for the connection to stay clean (ROLLBACK, RELEASE):
    /// it bypasses the cancellation gate so a cancelled task can still tidy up.
    func executeCleanup(_ sql: String) throws(StoreError) {
        _ = try checked(PQexec(handle, sql), cancelled: false)
    }

    /// PQexecParams with text-format values and explicit type OIDs; text-format results unless
    /// `binaryResult`.
    func run(_ sql: String, _ parameters: [PGValue], binaryResult: Bool = false) throws(StoreError) -> PGResult {
        let encoded = try EncodedParameters(parameters)
        try gate?.enterQuery()
        let raw = encoded.withPointers { types, values in
            PQexecParams(handle, sql, Int32(parameters.count), types, values, nil, nil, binaryResult ? 1 : 0)
        }
        let cancelled = gate?.exitQuery() ?? false
        return try checked(raw, cancelled: cancelled)
    }

    /// Wraps a result, turning an error status into a `StoreError`.
    func checked(_ raw: OpaquePointer?, cancelled: Bool, expecting expected: ExecStatusType? = nil) throws(StoreError) -> PGResult {
        guard let raw else {
            // libpq returns NULL only when it could not even send the statement.
            throw StoreError(.unavailable, message: lastErrorMessage)
        }
        let result = PGResult(raw)
        let status = result.status
        if let expected {
            if status == expected { return result }
        } else if status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK {
            return result
        }
        throw error(from: result, status: status, cancelled: cancelled)
    }

    /// The `StoreError` for a failed result: SQLSTATE and primary message only, never the query's
    /// parameters (libpq's full message can quote them in its DETAIL).
    func error(from result: borrowing PGResult, status: ExecStatusType, cancelled: Bool) -> StoreError {
        if !isConnected {
            return StoreError(.unavailable, sqlState: result.errorField("C"), message: lastErrorMessage)
        }
        guard status == PGRES_FATAL_ERROR || status == PGRES_NONFATAL_ERROR else {
            if status == PGRES_EMPTY_QUERY {
                return StoreError(.query, message: "empty query")
            }
            return StoreError(.query, message: "unexpected result status \(String(cString: PQresStatus(status)))")
        }
        let sqlState = result.errorField("C")
        let message = result.errorField("M").map { StoreError.redactedServerMessage($0, sqlState: sqlState) }
            ?? lastErrorMessage
        if cancelled && sqlState == "57014" {
            return StoreError(.cancelled, sqlState: sqlState, message: message)
        }
        return StoreError(StoreError.kind(forSQLState: sqlState), sqlState: sqlState, message: message)
    }
}
