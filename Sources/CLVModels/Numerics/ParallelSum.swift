/// Sums vectors computed over ranges of an index space, the ranges in parallel on all cores.
/// Likelihoods over hundreds of thousands of customers are sums of independent terms.
enum ParallelSum {
    /// Below this many items one thread is faster than handing out work.
    static let minimumParallelCount = 20_000

    static func sum(count: Int, width: Int, _ body: @escaping @Sendable (Range<Int>) -> [Double]) -> [Double] {
        ComputeThreads.chunks(count: count, minimumCount: minimumParallelCount, body).reduce(into: Array(repeating: 0.0, count: width)) { total, partial in
            for index in 0..<width { total[index] += partial[index] }
        }
    }
}
