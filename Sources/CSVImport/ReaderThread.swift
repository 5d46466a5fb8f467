import Foundation

/// What the reader thread hands to the sending side.
enum ReaderEvent<Record: Sendable>: Sendable {
    /// The header checked out; always the first event.
    case opened(ColumnLayout)
    case batch(RowBatch<Record>)
}

/// Runs the CSV parsing on a thread of its own.
///
/// CSVReader is synchronous and does blocking file reads; on the CLI's executor (NIO's event
/// loops) that would stall the very connection the batches travel on. The thread hands batches
/// over through an async stream and blocks on `window` when the sender is behind.
enum ReaderThread {
    static func start<Mapper: RowMapper>(
        _ mapper: Mapper.Type, input: ImportInput, kind: RecordKind, mapping: ColumnMapping,
        ignoreUnknownColumns: Bool, batchSize: Int, counters: ImportCounters, window: ReadWindow
    ) -> AsyncThrowingStream<ReaderEvent<Mapper.Record>, any Error> {
        let (stream, continuation) = AsyncThrowingStream.makeStream(of: ReaderEvent<Mapper.Record>.self)
        continuation.onTermination = { _ in window.cancel() }
        let thread = Thread {
            do {
                let reader = try BatchReader<Mapper>(
                    source: try input.open(counters: counters), kind: kind, mapping: mapping,
                    ignoreUnknownColumns: ignoreUnknownColumns, batchSize: batchSize, counters: counters)
                continuation.yield(.opened(reader.layout))
                while let batch = try reader.nextBatch() {
                    guard window.acquire(stalls: counters.readerStalls) else { break }
                    continuation.yield(.batch(batch))
                }
                continuation.finish()
            } catch {
                continuation.finish(throwing: error)
            }
        }
        thread.name = "clv-csv-reader"
        thread.start()
        return stream
    }
}
