import Foundation

/// What the reader thread hands to the sending side.
enum ReaderEvent<Record: Sendable>: Sendable {
    /// The header checked out; always the first event.
    case opened(ColumnLayout)
    case batch(RowBatch<Record>)
    /// The end of the file, with where its lines went; always the last event.
    case finished(LineCounts)
}

/// Runs the CSV parsing on a thread of its own.
///
/// The parser is synchronous and does blocking file reads; on the CLI's executor (NIO's event
/// loops) that would stall the very connection the batches travel on. The thread hands batches
/// over through an async stream and blocks on `window` when the sender is behind.
enum ReaderThread {
    static func start<Mapper: RowMapper>(
        _ mapper: Mapper.Type, options: ImportOptions, counters: ImportCounters, window: ReadWindow
    ) -> AsyncThrowingStream<ReaderEvent<Mapper.Record>, any Error> {
        let (stream, continuation) = AsyncThrowingStream.makeStream(of: ReaderEvent<Mapper.Record>.self)
        continuation.onTermination = { _ in window.cancel() }
        let thread = Thread {
            do {
                let reader = try BatchReader<Mapper>(
                    source: try options.input.open(counters: counters), options: options, counters: counters)
                continuation.yield(.opened(reader.layout))
                var cancelled = false
                while let batch = try reader.nextBatch() {
                    guard window.acquire(stalls: counters.readerStalls) else { cancelled = true; break }
                    continuation.yield(.batch(batch))
                }
                if !cancelled { continuation.yield(.finished(reader.lines)) }
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
