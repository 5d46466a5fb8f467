import Synchronization

/// Figures of a running import, written by the reader thread and the sending tasks and read by
/// the progress display.
public final class ImportCounters: Sendable {
    /// Bytes of the file read so far.
    public let bytesRead = Atomic<Int64>(0)
    /// Rows read from the file so far (blank lines not counted).
    public let rowsRead = Atomic<Int>(0)
    /// Rows whose fate is settled: accepted by the service or rejected.
    public let rowsDone = Atomic<Int>(0)
    /// Rows rejected, on the client or by the service.
    public let rowsRejected = Atomic<Int>(0)
    /// Times the reader had a batch ready and waited for the sender to catch up.
    public let readerStalls = Atomic<Int>(0)

    public init() {}
}
