import CLVProto
import RPC

/// Streams a CSV file to the ingestion service: rows into batches, several batches in flight on
/// one connection, failed batches retried, rejected rows to the rejects file.
///
/// The reader thread reads at most `inFlight + 1` batches ahead of the answers (`ReadWindow`),
/// so memory stays flat whatever the file's size.
public struct CSVImporter<Mapper: RowMapper>: Sendable {
    public let options: ImportOptions
    public let counters: ImportCounters
    private let send: BatchSend<Mapper.Record>

    public init(options: ImportOptions, counters: ImportCounters = ImportCounters(), send: @escaping BatchSend<Mapper.Record>) {
        self.options = options
        self.counters = counters
        self.send = send
    }

    /// Imports the whole file.
    ///
    /// Throws `ImportSetupError` when the header does not fit (nothing was sent), and
    /// `ImportFailure` when a batch failed for good or the file could not be read to its end.
    public func run(progress: ProgressDisplay? = nil) async throws -> ImportSummary {
        let start = ContinuousClock.now
        let counters = self.counters
        let totalBytes = options.input.byteCount
        return try await withThrowingTaskGroup(of: Void.self) { display in
            if let progress {
                display.addTask { await progress.run(counters: counters, totalBytes: totalBytes, start: start) }
            }
            let summary = try await importRows(start: start)
            display.cancelAll()
            try await display.waitForAll()
            return summary
        }
    }

    private func importRows(start: ContinuousClock.Instant) async throws -> ImportSummary {
        let window = ReadWindow(size: options.inFlight + 1)
        defer { window.cancel() }
        let events = ReaderThread.start(
            Mapper.self, input: options.input, kind: options.kind, mapping: options.mapping,
            ignoreUnknownColumns: options.ignoreUnknownColumns, batchSize: options.batchSize,
            counters: counters, window: window)
        var iterator = events.makeAsyncIterator()
        guard case .opened(let layout)? = try await iterator.next() else {
            throw ImportSetupError("the reader ended before the header")  // unreachable: .opened comes first
        }

        var summary = ImportSummary(file: options.input.name, kind: options.kind.rawValue)
        let rejects = RejectsWriter(path: options.resolvedRejectsPath, header: layout.header)
        defer { try? rejects.close() }
        do {
            try await withThrowingTaskGroup(of: BatchOutcome.self) { group in
                var inFlight = 0
                while let event = try await iterator.next() {
                    guard case .batch(let batch) = event else { continue }
                    summary.rowsRead += batch.rowCount
                    try settle(batch.rejected, rows: batch.rejected.count, clientSide: true, summary: &summary, rejects: rejects)
                    if batch.records.isEmpty {
                        window.release()
                        continue
                    }
                    if inFlight == options.inFlight, let outcome = try await group.next() {
                        try finish(outcome, summary: &summary, rejects: rejects, window: window)
                        inFlight -= 1
                    }
                    group.addTask { try await sendWithRetries(batch) }
                    inFlight += 1
                }
                while let outcome = try await group.next() {
                    try finish(outcome, summary: &summary, rejects: rejects, window: window)
                }
            }
        } catch {
            summary.elapsedSeconds = Self.seconds(since: start)
            summary.rejectsFile = rejects.created ? rejects.path : nil
            throw ImportFailure(underlying: error, summary: summary)
        }
        try rejects.close()
        summary.elapsedSeconds = Self.seconds(since: start)
        summary.rejectsFile = rejects.created ? rejects.path : nil
        return summary
    }

    /// One batch's answer.
    private struct BatchOutcome: Sendable {
        var response: IngestResponse
        var rejected: [RejectedRow]
        var retries: Int
        /// Records sent: the rows this batch settles.
        var sent: Int
    }

    /// Sends `batch`, again after a retryable failure, up to the policy's number of retries.
    private func sendWithRetries(_ batch: RowBatch<Mapper.Record>) async throws(RPCError) -> BatchOutcome {
        var retries = 0
        while true {
            do {
                let response = try await send(batch.records)
                return BatchOutcome(
                    response: response, rejected: batch.rejectedRows(for: response), retries: retries,
                    sent: batch.records.count)
            } catch where options.retry.isRetryable(error) && retries < options.retry.maxRetries {
                do {
                    try await Task.sleep(for: options.retry.backoff(beforeRetry: retries))
                } catch {
                    throw RPCError(code: .cancelled, message: "import cancelled")
                }
                retries += 1
            }
        }
    }

    private func finish(
        _ outcome: BatchOutcome, summary: inout ImportSummary, rejects: RejectsWriter, window: ReadWindow
    ) throws {
        window.release()
        summary.batches += 1
        summary.retries += outcome.retries
        summary.add(outcome.response)
        try settle(outcome.rejected, rows: outcome.sent, clientSide: false, summary: &summary, rejects: rejects)
    }

    /// Records `rows` rows as done, `rejected` of them written to the rejects file.
    private func settle(
        _ rejected: [RejectedRow], rows: Int, clientSide: Bool, summary: inout ImportSummary, rejects: RejectsWriter
    ) throws {
        // Server-side rejections are counted from the response, with its other figures.
        if clientSide { summary.rejectedClientSide += rejected.count }
        try rejects.write(rejected)
        counters.rowsRejected.add(rejected.count, ordering: .relaxed)
        counters.rowsDone.add(rows, ordering: .relaxed)
    }

    private static func seconds(since start: ContinuousClock.Instant) -> Double {
        let elapsed = ContinuousClock.now - start
        return elapsed.inSeconds
    }
}
