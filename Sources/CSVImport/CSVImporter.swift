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
        let events = ReaderThread.start(Mapper.self, options: options, counters: counters, window: window)
        var iterator = events.makeAsyncIterator()
        guard case .opened(let layout)? = try await iterator.next() else {
            throw ImportSetupError("the reader ended before the header")  // unreachable: .opened comes first
        }

        var summary = ImportSummary(file: options.input.name, kind: options.kind.rawValue)
        summary.timezone = options.formats.time.zoneName
        summary.timeFormat = options.formats.time.format.rawValue
        let rejects = RejectsWriter(path: options.resolvedRejectsPath, layout: layout)
        summary.staleRejectsRemoved = rejects.removeStale()
        defer { try? rejects.close() }
        func finishSummary() {
            summary.elapsedSeconds = Self.seconds(since: start)
            summary.rejectsFile = rejects.created ? rejects.path : nil
            summary.setReasons(rejects.reasonCounts)
        }
        do {
            try await withThrowingTaskGroup(of: BatchOutcome.self) { group in
                var inFlight = 0
                while let event = try await iterator.next() {
                    switch event {
                    case .opened: continue
                    case .finished(let lines): summary.lines = lines
                    case .batch(let batch):
                        summary.rowsRead += batch.rowCount
                        summary.skipped += batch.skipped
                        summary.apostrophesRemoved += batch.apostrophesRemoved
                        summary.rejectedClientSide += batch.rejected.count
                        if batch.records.isEmpty {
                            try settle(batch.sequence, batch.rejected, rows: batch.rowCount, rejects: rejects)
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
                }
                while let outcome = try await group.next() {
                    try finish(outcome, summary: &summary, rejects: rejects, window: window)
                }
            }
        } catch let error as ImportSetupError {
            throw error
        } catch {
            try? rejects.close()
            finishSummary()
            throw ImportFailure(underlying: error, summary: summary)
        }
        try rejects.close()
        finishSummary()
        return summary
    }

    /// One batch's answer.
    private struct BatchOutcome: Sendable {
        var response: IngestResponse
        var rejected: [RejectedRow]
        var retries: Int
        /// The batch's place in the file, and its rows refused on the client.
        var sequence: Int
        var clientRejected: [RejectedRow]
        /// The rows this batch settles: sent, rejected on the client or skipped.
        var rows: Int
    }

    /// Sends `batch`, again after a retryable failure, up to the policy's number of retries.
    private func sendWithRetries(_ batch: RowBatch<Mapper.Record>) async throws(RPCError) -> BatchOutcome {
        var retries = 0
        while true {
            do {
                let response = try await send(batch.records)
                return BatchOutcome(
                    response: response, rejected: batch.rejectedRows(for: response), retries: retries,
                    sequence: batch.sequence, clientRejected: batch.rejected, rows: batch.rowCount)
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
        try settle(outcome.sequence, outcome.clientRejected + outcome.rejected, rows: outcome.rows, rejects: rejects)
    }

    /// Records the `rows` rows of batch `sequence` as done, `rejected` of them for the rejects file.
    private func settle(_ sequence: Int, _ rejected: [RejectedRow], rows: Int, rejects: RejectsWriter) throws {
        try rejects.settle(sequence: sequence, rows: rejected)
        counters.rowsRejected.add(rejected.count, ordering: .relaxed)
        counters.rowsDone.add(rows, ordering: .relaxed)
    }

    private static func seconds(since start: ContinuousClock.Instant) -> Double {
        let elapsed = ContinuousClock.now - start
        return elapsed.inSeconds
    }
}
