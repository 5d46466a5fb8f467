import Dispatch
import Foundation
import Synchronization

/// Sums vectors computed over ranges of an index space, the ranges in parallel on all cores.
/// Likelihoods over hundreds of thousands of customers are sums of independent terms.
enum ParallelSum {
    /// Below this many items one thread is faster than handing out work.
    static let minimumParallelCount = 20_000

    static func sum(count: Int, width: Int, _ body: @Sendable (Range<Int>) -> [Double]) -> [Double] {
        let workers = count < minimumParallelCount ? 1 : max(1, min(8, ProcessInfo.processInfo.activeProcessorCount))
        if workers == 1 { return body(0..<count) }
        let partials = Mutex([[Double]]())
        let chunk = (count + workers - 1) / workers
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            let range = min(worker * chunk, count)..<min((worker + 1) * chunk, count)
            let partial = body(range)
            partials.withLock { $0.append(partial) }
        }
        return partials.withLock { all in
            all.reduce(into: Array(repeating: 0.0, count: width)) { total, partial in
                for index in 0..<width { total[index] += partial[index] }
            }
        }
    }
}
