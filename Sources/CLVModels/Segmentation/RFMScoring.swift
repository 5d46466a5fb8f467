/// The RFM step over a batch of customers: the cut points of their three measures, and each
/// customer's scores and segment against them.
///
/// The same results as `RFMBinning.cutPoints` on the binned orientation (recency negated),
/// `RFMBinning.score` and `RFMSegment.init`, without copying whole-number measures to Doubles:
/// recency and frequency are counted for their cuts and scored by table look-up.
public struct RFMScoring: Sendable {
    /// Cut points in the binned orientation: recency is minus the days since the last purchase.
    public let cutPoints: (recency: [Double], frequency: [Double], monetary: [Double])
    private let recency: WholeNumberScores
    private let frequency: WholeNumberScores
    /// The R and F parts of `RFMSegment.byTriple`'s index for each table entry.
    private let recencyOffsets: [UInt8], frequencyOffsets: [UInt8]

    /// The cut points of index-aligned measures: days since the last purchase, purchase days,
    /// and monetary value (not NaN).
    public init(recencyDays: [Int], frequency: [Int], monetary: [Double], quantiles: [Double] = RFMBinning.quintiles) {
        let recency = RFMBinning.wholeNumberCutPoints(recencyDays, negated: true, quantiles: quantiles)
        let frequency = RFMBinning.wholeNumberCutPoints(frequency, negated: false, quantiles: quantiles)
        cutPoints = (recency.cuts, frequency.cuts, RFMBinning.cutPoints(monetary, quantiles: quantiles))
        self.recency = WholeNumberScores(cutPoints: recency.cuts, covering: recency.range, negated: true)
        self.frequency = WholeNumberScores(cutPoints: frequency.cuts, covering: frequency.range, negated: false)
        recencyOffsets = self.recency.table.map { (min($0, 5) - 1) * 25 }
        frequencyOffsets = self.frequency.table.map { (min($0, 5) - 1) * 5 }
    }

    /// One customer's scores against the cut points.
    public func scores(recencyDays: Int, frequency: Int, monetary: Double) -> RFMScores {
        RFMScores(
            recency: recency.score(recencyDays), frequency: self.frequency.score(frequency),
            monetary: RFMBinning.score(monetary, cutPoints: cutPoints.monetary))
    }

    /// Every customer's segment, index-aligned with the measures, split over the cores.
    public func segments(recencyDays: [Int], frequency: [Int], monetary: [Double]) -> [RFMSegment] {
        precondition(recencyDays.count == frequency.count && frequency.count == monetary.count, "measures not aligned")
        return ComputeThreads.chunks(count: monetary.count, minimumCount: 200_000) { range in
            segments(range, recencyDays: recencyDays, frequency: frequency, monetary: monetary)
        }.flatMap { $0 }
    }

    /// The customers of `range`: table look-ups and four compares where the tables cover them
    /// and there are four cuts, `RFMSegment(scores(...))` otherwise.
    private func segments(_ range: Range<Int>, recencyDays: [Int], frequency: [Int], monetary: [Double]) -> [RFMSegment] {
        let cuts = cutPoints.monetary
        let four = cuts.count == 4
        let fourCuts = four ? SIMD4(cuts[0], cuts[1], cuts[2], cuts[3]) : SIMD4()
        let (recencyLow, frequencyLow) = (recency.low, self.frequency.low)
        return [RFMSegment](unsafeUninitializedCapacity: range.count) { segments, initialized in
            recencyDays.withUnsafeBufferPointer { days in
            frequency.withUnsafeBufferPointer { frequencies in
            monetary.withUnsafeBufferPointer { values in
            recencyOffsets.withUnsafeBufferPointer { recencyOffsets in
            frequencyOffsets.withUnsafeBufferPointer { frequencyOffsets in
            RFMSegment.byTriple.withUnsafeBufferPointer { byTriple in
                for index in range {
                    let r = UInt(bitPattern: days[index] &- recencyLow)
                    let f = UInt(bitPattern: frequencies[index] &- frequencyLow)
                    let value = values[index]
                    let segment: RFMSegment
                    if four, r < UInt(recencyOffsets.count), f < UInt(frequencyOffsets.count) {
                        // The cuts below the value as lanes of 0 or 1: no branch to mispredict.
                        let below = SIMD4<Int64>().replacing(with: 1, where: fourCuts .< SIMD4(repeating: value))
                        let m = Int(below.wrappedSum())
                        segment = byTriple[Int(recencyOffsets[Int(r)]) &+ Int(frequencyOffsets[Int(f)]) &+ m]
                    } else {
                        segment = RFMSegment(scores(recencyDays: days[index], frequency: frequencies[index], monetary: value))
                    }
                    segments.initializeElement(at: index - range.lowerBound, to: segment)
                }
            }}}}}}
            initialized = range.count
        }
    }
}
