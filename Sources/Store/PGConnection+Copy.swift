import CLibPQ

extension PGConnection {
    /// Bulk-loads rows with `COPY ... FROM STDIN` in text format and returns the rows copied.
    ///
    /// Each row's values are written in the column order of `copySQL`, escaped for COPY's text
    /// format (`\N` for NULL, backslash escapes for backslash, tab, newline and carriage return),
    /// so any text round-trips. On a server error the whole COPY is rolled back by the server.
    /// - Parameter copySQL: e.g. `COPY orders (id, amount) FROM STDIN`; no parameters.
    public func copyIn(_ copySQL: String, rows: some Sequence<[PGValue]>) throws(StoreError) -> Int {
        try gate?.enterQuery()
        defer { _ = gate?.exitQuery() }
        return try copyRows(copySQL, rows)
    }

    private func copyRows(_ copySQL: String, _ rows: some Sequence<[PGValue]>) throws(StoreError) -> Int {
        let start = try checked(PQexec(handle, copySQL), cancelled: gate?.isCancelled ?? false, expecting: PGRES_COPY_IN)
        _ = consume start

        var writer = CopyTextWriter()
        var sendFailed = false
        var encodingError: StoreError?
        rowLoop: for row in rows {
            do {
                try writer.append(row)
            } catch {
                encodingError = error
                break rowLoop
            }
            if writer.isFull {
                // -1 means the server already ended the COPY (an error we read below) or the
                // connection broke; either way stop sending.
                guard writer.flush(to: handle) else {
                    sendFailed = true
                    break rowLoop
                }
            }
        }
        if !sendFailed, encodingError == nil, !writer.flush(to: handle) {
            sendFailed = true
        }
        if !sendFailed {
            // With an error message, the server aborts the COPY instead of committing it.
            _ = PQputCopyEnd(handle, encodingError == nil ? nil : "client aborted COPY")
        }
        return try finishCopy(encodingError: encodingError)
    }

    /// Reads the results that end a COPY and returns the rows copied.
    private func finishCopy(encodingError: StoreError?) throws(StoreError) -> Int {
        var firstError: StoreError?
        var copied = 0
        while let raw = PQgetResult(handle) {
            let result = PGResult(raw)
            let status = result.status
            if status == PGRES_COPY_IN || status == PGRES_COPY_OUT || status == PGRES_COPY_BOTH {
                // Still in COPY after PQputCopyEnd: the connection is unusable.
                firstError = firstError ?? StoreError(.unavailable, message: "COPY could not be ended")
                break
            }
            if status == PGRES_COMMAND_OK {
                copied = result.affectedRows
            } else if firstError == nil {
                firstError = error(from: result, status: status, cancelled: gate?.isCancelled ?? false)
            }
        }
        if let encodingError { throw encodingError }
        if let firstError { throw firstError }
        if !isConnected { throw StoreError(.unavailable, message: lastErrorMessage) }
        return copied
    }
}
