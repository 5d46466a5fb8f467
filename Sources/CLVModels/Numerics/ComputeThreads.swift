import Dispatch
import Foundation
import Synchronization

/// Splits work over the cores on threads of its own.
///
/// Not `DispatchQueue.concurrentPerform`: on Linux its workers are libdispatch's, which also run
/// the concurrency runtime's jobs, so seconds of likelihood sums there starve every task of the
/// process (timers and deadlines included) for as long.
public enum ComputeThreads {
    /// Threads a computation is split over: one per core, at most 8.
    public static var width: Int { max(1, min(8, ProcessInfo.processInfo.activeProcessorCount)) }

    /// `body` over `width` contiguous chunks of `0..<count` (one when `count` is below
    /// `minimumCount`), the first on the calling thread and the others on threads started for
    /// the call; the results in chunk order.
    public static func chunks<T: Sendable>(count: Int, minimumCount: Int = 1, _ body: @escaping @Sendable (Range<Int>) -> T) -> [T] {
        let workers = count < max(minimumCount, 2) ? 1 : min(width, count)
        guard workers > 1 else { return [body(0..<count)] }
        let chunk = (count + workers - 1) / workers
        let ranges = (0..<workers).map { min($0 * chunk, count)..<min(($0 + 1) * chunk, count) }
        let results = Mutex([Int: T]())
        let finished = DispatchSemaphore(value: 0)
        for worker in 1..<workers {
            let thread = Thread {
                let result = body(ranges[worker])
                results.withLock { $0[worker] = result }
                finished.signal()
            }
            thread.stackSize = 4 << 20
            thread.start()
        }
        let first = body(ranges[0])
        results.withLock { $0[0] = first }
        for _ in 1..<workers { finished.wait() }
        return results.withLock { results in (0..<workers).map { results[$0]! } }
    }
}
