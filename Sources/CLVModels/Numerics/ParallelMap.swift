import Dispatch
import Foundation
import Synchronization

/// Maps an index space to values, the ranges in parallel on all cores, in index order.
enum ParallelMap {
    static func map(count: Int, _ transform: @Sendable (Int) -> Double) -> [Double] {
        let workers = count < ParallelSum.minimumParallelCount ? 1 : max(1, min(8, ProcessInfo.processInfo.activeProcessorCount))
        if workers == 1 { return (0..<count).map(transform) }
        let parts = Mutex([Int: [Double]]())
        let chunk = (count + workers - 1) / workers
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            let part = (min(worker * chunk, count)..<min((worker + 1) * chunk, count)).map(transform)
            parts.withLock { $0[worker] = part }
        }
        return parts.withLock { parts in (0..<workers).flatMap { parts[$0] ?? [] } }
    }
}
