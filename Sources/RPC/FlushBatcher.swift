/// Decides when a connection flushes its writes.
///
/// Writes made in the same event-loop tick share one flush (one `writev`), but a long batch is
/// flushed every `maximumBatch` writes, so the peer starts on the first answers while the rest are
/// still being produced.
struct FlushBatcher {
    enum Action: Equatable {
        /// Flush now.
        case flush
        /// Schedule a flush at the end of this tick.
        case schedule
        /// A flush is already coming.
        case none
    }

    /// Eight: on loopback with 16 calls in flight, flushing every 8 writes let client and server
    /// work at once and doubled throughput over one flush per tick (docs/benchmarks.md).
    static let defaultMaximumBatch = 8

    let maximumBatch: Int
    private var unflushed = 0
    private var scheduled = false

    init(maximumBatch: Int = FlushBatcher.defaultMaximumBatch) {
        precondition(maximumBatch >= 1)
        self.maximumBatch = maximumBatch
    }

    /// Called after each write.
    mutating func didWrite() -> Action {
        unflushed += 1
        if unflushed >= maximumBatch {
            unflushed = 0
            return .flush
        }
        if scheduled { return .none }
        scheduled = true
        return .schedule
    }

    /// Called when the scheduled flush runs; true if anything is left to flush.
    mutating func scheduledFlushRuns() -> Bool {
        scheduled = false
        defer { unflushed = 0 }
        return unflushed > 0
    }
}
