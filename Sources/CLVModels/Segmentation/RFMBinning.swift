/// Quantile cut points and scores 1...(cuts+1). Higher value = better = higher score.
///
/// Recency is binned on its negation (days since the last purchase, negated) so that a more
/// recent customer scores higher; frequency and monetary value are binned as they are.
public enum RFMBinning {
    /// Default quantiles for quintiles.
    public static let quintiles: [Double] = [0.2, 0.4, 0.6, 0.8]

    /// Cut k is the inverted-CDF quantile q_k of `values` (the smallest value v such that at
    /// least q_k of the values are <= v; numpy's method="inverted_cdf"). Empty input -> [].
    ///
    /// Whole numbers within a span of 65,536 (recency and frequency are day counts) are counted
    /// in one pass and the ranks read off the counts. Other values' order statistics are found
    /// by bucket selection (three streaming passes, see `OrderStatistics.values(at:of:)`), or
    /// for small inputs by one multi-target quickselect over a copy. Values must not be NaN.
    public static func cutPoints(_ values: [Double], quantiles: [Double] = quintiles) -> [Double] {
        guard !values.isEmpty else { return [] }
        let ranks = quantiles.map { rank(of: $0, count: values.count) }
        if let counted = WholeNumberCounts(values) { return counted.values(at: ranks) }
        return selectedCutPoints(values, ranks: ranks)
    }

    /// Cut points of whole-number measures given as integers, without a copy as Doubles: the
    /// same as `cutPoints(values.map { Double($0) })`, or of the negated values when `negated`
    /// (recency is binned on minus the days since the last purchase).
    public static func cutPoints(_ values: [Int], negated: Bool = false, quantiles: [Double] = quintiles) -> [Double] {
        wholeNumberCutPoints(values, negated: negated, quantiles: quantiles).cuts
    }

    /// `cutPoints(_:negated:quantiles:)` and the range of `values` when they were counted.
    static func wholeNumberCutPoints(
        _ values: [Int], negated: Bool, quantiles: [Double]
    ) -> (cuts: [Double], range: ClosedRange<Int>?) {
        guard !values.isEmpty else { return ([], nil) }
        let ranks = quantiles.map { rank(of: $0, count: values.count) }
        if let counted = WholeNumberCounts(values, negated: negated) { return (counted.values(at: ranks), counted.range) }
        return (cutPoints(values.map { negated ? -Double($0) : Double($0) }, quantiles: quantiles), nil)
    }

    /// The values at `ranks` by selection, for values that are not all whole numbers in a span.
    static func selectedCutPoints(_ values: [Double], ranks: [Int]) -> [Double] {
        let distinct = Set(ranks).sorted()
        let selected: [Double]
        // Bucket selection tags its buckets with a byte; hundreds of quantiles select instead.
        if values.count >= OrderStatistics.minimumBucketedCount, distinct.count < Int(UInt8.max) {
            selected = values.withUnsafeBufferPointer { OrderStatistics.values(at: distinct, of: $0) }
        } else {
            var copy = values
            copy.withUnsafeMutableBufferPointer { OrderStatistics.select(distinct, in: $0) }
            selected = distinct.map { copy[$0] }
        }
        // Every rank is in `distinct`; the fallback is never taken.
        return ranks.map { rank in selected[distinct.firstIndex(of: rank) ?? 0] }
    }

    /// The values at `ranks` (0-based, in sorted order) by counting, or nil when `values` are
    /// not all whole numbers within a span of 65,536.
    static func countedCutPoints(_ values: [Double], ranks: [Int]) -> [Double]? {
        WholeNumberCounts(values)?.values(at: ranks)
    }

    /// 1 + number of cut points strictly below `value`. Equal values therefore always share a
    /// score, and a tie sitting on a cut falls into the lower bin.
    @inlinable
    public static func score(_ value: Double, cutPoints: [Double]) -> Int {
        var score = 1
        for cut in cutPoints where cut < value { score += 1 }
        return score
    }

    /// Validates custom quantiles: strictly increasing, each in (0, 1), count 4 (scores stay 1–5).
    /// Returns a human message naming the problem, or nil when fine.
    public static func problem(quantiles: [Double]) -> String? {
        if quantiles.count != 4 {
            return "quantiles must be exactly 4 cut points (scores 1–5); got \(quantiles.count)"
        }
        if let bad = quantiles.first(where: { !($0 > 0 && $0 < 1) }) {
            return "quantile \(bad) is outside (0, 1)"
        }
        for (low, high) in zip(quantiles, quantiles.dropFirst()) where !(low < high) {
            return "quantiles must be strictly increasing; \(high) follows \(low)"
        }
        return nil
    }

    /// The 0-based rank numpy's inverted_cdf picks for quantile `q` of `count` values, computed
    /// with the same floating-point steps so both sides agree at exact multiples of 1/count:
    /// index = count·q − 1, rounded up unless it is already whole, clipped to the array.
    static func rank(of q: Double, count: Int) -> Int {
        let index = Double(count) * q - 1
        let previous = index.rounded(.down)
        let chosen = index - previous > 0 ? previous + 1 : previous
        return Int(min(max(chosen, 0), Double(count - 1)))
    }
}
