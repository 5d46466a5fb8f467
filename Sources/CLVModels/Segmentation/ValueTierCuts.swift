/// The shares of customers in the high and medium tiers.
public struct ValueTierCuts: Sendable, Hashable, Codable {
    /// Top 20% of customers by value.
    public var highShare = 0.2
    /// The next 30%.
    public var mediumShare = 0.3

    /// The defaults, 20 % high and 30 % medium.
    public init(highShare: Double = 0.2, mediumShare: Double = 0.3) {
        self.highShare = highShare
        self.mediumShare = mediumShare
    }

    /// A human message naming the problem, or nil when fine: highShare in (0, 1),
    /// mediumShare in [0, 1), together at most 1.
    public var problem: String? {
        if !(highShare > 0 && highShare < 1) { return "highShare must be in (0, 1); got \(highShare)" }
        if !(mediumShare >= 0 && mediumShare < 1) { return "mediumShare must be in [0, 1); got \(mediumShare)" }
        if highShare + mediumShare > 1 {
            return "highShare + mediumShare must not exceed 1; got \(highShare + mediumShare)"
        }
        return nil
    }

    /// Thresholds from the values: high when value >= high, medium when >= medium.
    ///
    /// The method is RFMBinning's: the cuts are the inverted-CDF quantiles at 1 − highShare
    /// (0.8) and 1 − highShare − mediumShare (0.5), and a customer is above a cut only when
    /// strictly greater, so ties never split (equal values share a tier) and a tie sitting on a
    /// cut falls into the lower tier: a tier never holds more than its share. Each threshold
    /// is then the smallest value above its cut — the least valuable member of the tier — or,
    /// when no value is above it, the next number above the cut (nobody reaches it).
    /// With no values, both thresholds are the largest finite Double: everyone is low.
    /// Values must not be NaN.
    public func thresholds(_ values: [Double]) -> ValueTierThresholds {
        let cuts = RFMBinning.cutPoints(values, quantiles: [1 - highShare - mediumShare, 1 - highShare])
        guard cuts.count == 2 else {
            return ValueTierThresholds(high: .greatestFiniteMagnitude, medium: .greatestFiniteMagnitude)
        }
        var high = Double.infinity, medium = Double.infinity
        for value in values {
            if value > cuts[1] { high = min(high, value) }
            if value > cuts[0] { medium = min(medium, value) }
        }
        // Finite either way, so the thresholds encode as JSON.
        return ValueTierThresholds(high: high.isFinite ? high : cuts[1].nextUp, medium: medium.isFinite ? medium : cuts[0].nextUp)
    }
}
