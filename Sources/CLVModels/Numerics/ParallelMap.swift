/// Maps an index space to values, the ranges in parallel on all cores, in index order.
enum ParallelMap {
    static func map(count: Int, _ transform: @escaping @Sendable (Int) -> Double) -> [Double] {
        ComputeThreads.chunks(count: count, minimumCount: ParallelSum.minimumParallelCount) { range in range.map(transform) }
            .flatMap { $0 }
    }
}
