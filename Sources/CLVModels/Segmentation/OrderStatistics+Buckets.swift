extension OrderStatistics {
    /// Below this many values a copy and `select` beat three passes of bucketing.
    static let minimumBucketedCount = 4_096

    /// The values at the ascending, distinct `ranks` of `values` (what a full ascending sort
    /// would put there), without reordering `values`. Fewer than 255 ranks.
    ///
    /// Bucket selection: one pass finds the range of an order-preserving integer key, one
    /// counts the values per bucket of at most 65,536, and one copies out only the buckets
    /// holding a rank, which `select` then finishes. Three streaming passes instead of a
    /// quickselect's repeated partitions of the whole array; a bucket with most of the values
    /// (heavy ties or a tight cluster) costs no more than selecting on a copy.
    static func values(at ranks: [Int], of values: UnsafeBufferPointer<Double>) -> [Double] {
        guard !ranks.isEmpty, !values.isEmpty else { return [] }
        var low = UInt64.max, high = UInt64.min
        for value in values {
            let key = orderKey(value)
            low = min(low, key)
            high = max(high, key)
        }
        // Shift the key span into 16 bits: buckets are contiguous, ascending key ranges.
        let shift = max(0, UInt64.bitWidth - (high - low).leadingZeroBitCount - 16)
        let counts = Histogram.counts(values.count, width: Int((high - low) >> shift) + 1) {
            Int((orderKey(values[$0]) &- low) >> shift)
        }
        // Each rank's bucket and its rank within that bucket.
        var buckets: [(bucket: Int, below: Int)] = []
        var below = 0, bucket = 0
        for rank in ranks {
            while below + Int(counts[bucket]) <= rank {
                below += Int(counts[bucket])
                bucket += 1
            }
            if buckets.last?.bucket != bucket { buckets.append((bucket, below)) }
        }
        // The members of the buckets holding a rank, side by side in one array: slot[bucket]
        // is 1 + the index of such a bucket, 0 for every other bucket.
        var slot = [UInt8](repeating: 0, count: counts.count)
        var starts = [0]
        for (index, target) in buckets.enumerated() {
            slot[target.bucket] = UInt8(index + 1)
            starts.append(starts[index] + Int(counts[target.bucket]))
        }
        var next = [Int](starts.dropLast())
        var members = [Double](unsafeUninitializedCapacity: starts[buckets.count]) { members, initialized in
            slot.withUnsafeBufferPointer { slot in
                next.withUnsafeMutableBufferPointer { next in
                    for value in values {
                        let index = Int(slot[Int((orderKey(value) &- low) >> shift)])
                        guard index != 0 else { continue }
                        members.initializeElement(at: next[index - 1], to: value)
                        next[index - 1] += 1
                    }
                }
            }
            initialized = members.count
        }
        var result: [Double] = []
        result.reserveCapacity(ranks.count)
        members.withUnsafeMutableBufferPointer { members in
            for (index, target) in buckets.enumerated() {
                let bucket = UnsafeMutableBufferPointer(rebasing: members[starts[index]..<starts[index + 1]])
                let local = ranks.filter { $0 >= target.below && $0 < target.below + bucket.count }.map { $0 - target.below }
                select(local, in: bucket)
                result += local.map { bucket[$0] }
            }
        }
        return result
    }

    /// An unsigned key in the order of the (non-NaN) values: the sign bit flipped for positive
    /// numbers, every bit for negative ones. Adding zero first makes −0 and +0 one key.
    @inline(__always)
    private static func orderKey(_ value: Double) -> UInt64 {
        let bits = (value + 0).bitPattern
        return bits >> 63 == 0 ? bits | (1 << 63) : ~bits
    }
}
