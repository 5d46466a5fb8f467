/// In-place selection of several order statistics at once: after `select`, each requested
/// rank holds the value a full ascending sort would put there. RFMBinning's helper.
enum OrderStatistics {
    /// Places the values of the ascending, distinct `ranks` at those positions of `buffer`.
    static func select(_ ranks: [Int], in buffer: UnsafeMutableBufferPointer<Double>) {
        guard !ranks.isEmpty, buffer.count > 1 else { return }
        // Beyond ~2·log2(n) levels the pivots are unlucky; sorting the range bounds the cost.
        let depth = 2 * (Int.bitWidth - buffer.count.leadingZeroBitCount)
        select(ranks[...], low: 0, high: buffer.count, buffer: buffer, depth: depth)
    }

    private static func select(
        _ ranks: ArraySlice<Int>, low: Int, high: Int, buffer: UnsafeMutableBufferPointer<Double>, depth: Int
    ) {
        guard let first = ranks.first, let last = ranks.last, high - low > 1 else { return }
        if depth == 0 || high - low <= 32 {
            var range = UnsafeMutableBufferPointer(rebasing: buffer[low..<high])
            range.sort()
            return
        }
        // Quarter points, not the ends: partitioning leaves a sorted range rotated by one, whose
        // ends would be its two smallest values.
        let quarter = (high - low) / 4
        let pivot = medianOfThree(buffer[low + quarter], buffer[low + 2 * quarter], buffer[high - 1 - quarter])
        // Three-way partition: [low, less) < pivot, [less, greater) == pivot, [greater, high) > pivot.
        // Heavy ties (most customers with one purchase day) land in the middle and are done.
        var less = low, index = low, greater = high
        while index < greater {
            let value = buffer[index]
            if value < pivot {
                buffer.swapAt(less, index)
                less += 1
                index += 1
            } else if value > pivot {
                greater -= 1
                buffer.swapAt(index, greater)
            } else {
                index += 1
            }
        }
        if first < less {
            let below = ranks.prefix { $0 < less }
            select(below, low: low, high: less, buffer: buffer, depth: depth - 1)
        }
        if last >= greater {
            let above = ranks.drop { $0 < greater }
            select(above, low: greater, high: high, buffer: buffer, depth: depth - 1)
        }
    }

    private static func medianOfThree(_ a: Double, _ b: Double, _ c: Double) -> Double {
        max(min(a, b), min(max(a, b), c))
    }
}
