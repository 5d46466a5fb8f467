/// One row of the RFM segment table: a segment and the recency and F + M ranges it covers.
///
/// The table works on R and the sum F + M (2...10) rather than F and M separately: a customer
/// who buys often but small and one who buys rarely but big both sit in the middle, as in the
/// published R × FM tables, whose FM is the mean (F + M) / 2.
public struct RFMSegmentRule: Sendable, Hashable, Codable {
    public var segment: RFMSegment
    /// Recency scores covered, within 1...5.
    public var recency: ClosedRange<Int>
    /// Sums F + M covered, within 2...10 (the mean FM times two).
    public var frequencyPlusMonetary: ClosedRange<Int>
    /// Who these customers are, in a few words.
    public var description: String

    public init(
        _ segment: RFMSegment, recency: ClosedRange<Int>, frequencyPlusMonetary: ClosedRange<Int>,
        _ description: String
    ) {
        self.segment = segment
        self.recency = recency
        self.frequencyPlusMonetary = frequencyPlusMonetary
        self.description = description
    }

    /// The FM range as means of F and M, e.g. 1.5...2.5.
    public var frequencyMonetaryMean: ClosedRange<Double> {
        Double(frequencyPlusMonetary.lowerBound) / 2...Double(frequencyPlusMonetary.upperBound) / 2
    }

    /// Whether `scores` falls in this row's ranges.
    public func matches(_ scores: RFMScores) -> Bool {
        recency.contains(scores.recency) && frequencyPlusMonetary.contains(scores.frequency + scores.monetary)
    }
}
