/// How much recency, frequency and monetary value count in `RFMScores.composite`.
public struct RFMWeights: Sendable, Hashable, Codable {
    public var recency: Double
    public var frequency: Double
    public var monetary: Double

    /// Money weighs most: it is what value tiers and campaigns are ultimately about; recency
    /// weighs least because the segments already split on it.
    public static let standard = RFMWeights(recency: 0.25, frequency: 0.30, monetary: 0.45)

    public init(recency: Double, frequency: Double, monetary: Double) {
        self.recency = recency
        self.frequency = frequency
        self.monetary = monetary
    }

    /// Non-negative, finite, summing to a positive number (they are normalised by their sum).
    /// A human message naming the problem, or nil when fine.
    public var problem: String? {
        for (name, weight) in [("recency", recency), ("frequency", frequency), ("monetary", monetary)] {
            if !weight.isFinite { return "the \(name) weight must be finite" }
            if weight < 0 { return "the \(name) weight must not be negative; got \(weight)" }
        }
        if !(recency + frequency + monetary > 0) { return "the weights must not all be zero" }
        return nil
    }
}
