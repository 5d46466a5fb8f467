import CLibPQ

extension PGConnection {
    /// Runs one query with bound parameters through a cursor and hands each row to `body` with
    /// its cells in binary format: for results of millions of rows, which arrive `batchSize` at a
    /// time (libpq holds two batches, not the whole result), and whose integers, dates and
    /// timestamps are read without the server formatting them as text or the client parsing it.
    ///
    /// The next batch is requested before `body` sees the current one, so the server produces it
    /// while the client reads: the two take turns on no core.
    ///
    /// Must run inside a transaction (the cursor lives in it); the rows are those of the
    /// transaction's snapshot. Not reentrant: `body` must not use the connection.
    public func forEachBinaryRowInBatches(
        _ sql: String, _ parameters: [PGValue] = [], batchSize: Int = 4_000, _ body: (PGBinaryRow) throws -> Void
    ) throws {
        guard isInTransaction else {
            throw StoreError(.query, message: "a cursor scan needs a transaction: call it inside withTransaction")
        }
        precondition((1...1_000_000).contains(batchSize), "batchSize must be 1 to 1,000,000")
        try execute("DECLARE clv_binary_rows NO SCROLL CURSOR FOR " + sql, parameters)
        let fetch = "FETCH FORWARD \(batchSize) FROM clv_binary_rows"
        try sendFetch(fetch)
        var failure: (any Error)?
        while true {
            let batch = try receiveFetch()
            let rows = PQntuples(batch.pointer)
            let more = rows == batchSize
            if more { try sendFetch(fetch) }
            do {
                for row in 0..<rows { try body(PGBinaryRow(result: batch.pointer, row: row)) }
            } catch {
                failure = error
            }
            guard failure == nil, more else {
                // A batch requested before `body` failed must still be read off the connection.
                if more { _ = try receiveFetch() }
                break
            }
        }
        if let failure {
            // The cursor goes too, so the transaction can go on (and scan again) after the caller handles the error.
            _ = try? execute("CLOSE clv_binary_rows")
            throw failure
        }
        try execute("CLOSE clv_binary_rows")
    }

    private func sendFetch(_ fetch: String) throws(StoreError) {
        try gate?.enterQuery()
        guard PQsendQueryParams(handle, fetch, 0, nil, nil, nil, nil, 1) == 1 else {
            _ = gate?.exitQuery()
            throw StoreError(.unavailable, message: lastErrorMessage)
        }
    }

    /// The sent FETCH's rows; reads the connection until libpq has nothing more for it.
    private func receiveFetch() throws(StoreError) -> PGResult {
        var first: OpaquePointer?
        while let raw = PQgetResult(handle) {
            if first == nil { first = raw } else { PQclear(raw) }
        }
        let cancelled = gate?.exitQuery() ?? false
        return try checked(first, cancelled: cancelled)
    }
}
