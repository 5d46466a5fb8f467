/// Quantile bins of one feature, learned from training values: bin k holds the values in
/// [edges[k − 1], edges[k]), the first bin everything below edges[0] and the last everything
/// from the last edge up.
///
/// The edges are the distinct inverted-CDF quantiles 1/B, …, (B − 1)/B above the minimum, so a
/// value at a quantile opens its bin. A bin is a function of the value alone, so equal values
/// always share one; a value that fills more than one quantile (a heavy tie: the zeros of a
/// count, the P(alive) of 1 of one-time buyers) gets a bin of its own, the next value above it
/// opening the following one. Values never seen in training fall into the bin their place on
/// the line gives, below the first edge or from the last one up at the extremes.
public struct FeatureBins: Sendable, Hashable, Codable {
    /// Ascending, distinct: `count − 1` of them.
    public var edges: [Double]

    /// Bins with the given edges (ascending and distinct).
    public init(edges: [Double]) {
        precondition(zip(edges, edges.dropFirst()).allSatisfy { $0 < $1 }, "FeatureBins: edges must ascend strictly")
        self.edges = edges
    }

    /// At most `maximumBins` bins of `values` at their quantiles 1/B, 2/B, …; fewer where ties
    /// fill several quantiles. Values must be finite; no values give one bin.
    public init(learning values: [Double], maximumBins: Int) {
        precondition(maximumBins >= 1, "FeatureBins: at least one bin")
        guard !values.isEmpty, maximumBins > 1 else {
            self.init(edges: [])
            return
        }
        let quantiles = RFMBinning.cutPoints(values, quantiles: (1..<maximumBins).map { Double($0) / Double(maximumBins) })
        let filled = quantiles.reduce(into: [Double: Int]()) { $0[$1, default: 0] += 1 }
        let heavy = filled.filter { $0.value > 1 }.keys.sorted()
        // The minimum, and the smallest value above each heavy tie.
        var minimum = Double.infinity
        var above = [Double](repeating: .infinity, count: heavy.count)
        heavy.withUnsafeBufferPointer { heavy in
            for value in values {
                minimum = min(minimum, value)
                // Heavy ties strictly below the value: it may be the smallest above the last.
                var below = 0
                while below < heavy.count, heavy[below] < value { below += 1 }
                if below > 0, value < above[below - 1] { above[below - 1] = value }
            }
        }
        let edges = Set(filled.keys).union(above.filter { $0 < .infinity }).filter { $0 > minimum }
        self.init(edges: edges.sorted())
    }

    /// Number of bins.
    public var count: Int { edges.count + 1 }

    /// The bin of `value`: how many edges are at or below it. NaN goes to the first bin.
    @inlinable
    public func bin(_ value: Double) -> Int {
        var low = 0, high = edges.count
        while low < high {
            let middle = (low + high) / 2
            if edges[middle] <= value { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// The bounds of `bin`: [lower, upper), nil where it is open.
    public func bounds(_ bin: Int) -> (lower: Double?, upper: Double?) {
        precondition(bin >= 0 && bin < count, "FeatureBins: bin \(bin) out of 0..<\(count)")
        return (bin > 0 ? edges[bin - 1] : nil, bin < edges.count ? edges[bin] : nil)
    }
}
