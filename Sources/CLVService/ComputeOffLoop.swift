import NIOCore
import NIOPosix

/// Runs CPU-heavy work (fits, scoring) on threads of its own: not on an event loop, where a long
/// fit would stall every connection of that loop, nor on the concurrency runtime's few threads
/// (in `clv-server` those are the event loops), nor on the store's threads, which the work
/// itself needs free.
public enum ComputeOffLoop {
    private static let threads: NIOThreadPool = {
        let pool = NIOThreadPool(numberOfThreads: max(1, System.coreCount))
        pool.start()
        return pool
    }()

    /// Runs `work` on the compute threads and returns its result.
    public static func run<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await threads.runIfActive(work)
    }
}
