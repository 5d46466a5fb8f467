/// A customer's recency, frequency and monetary scores, each 1...5 (5 = best: most recent,
/// most purchase days, highest order value).
public struct RFMScores: Sendable, Hashable, Codable {
    public var recency: Int
    public var frequency: Int
    public var monetary: Int

    public init(recency: Int, frequency: Int, monetary: Int) {
        self.recency = recency
        self.frequency = frequency
        self.monetary = monetary
    }

    /// Weighted composite on the 1–5 scale: Σ wᵢ·scoreᵢ / Σ wᵢ. The weights are normalised by
    /// their sum, so only their ratios matter; check `weights.problem` first.
    public func composite(_ weights: RFMWeights) -> Double {
        let total = weights.recency + weights.frequency + weights.monetary
        let sum = weights.recency * Double(recency) + weights.frequency * Double(frequency)
            + weights.monetary * Double(monetary)
        return sum / total
    }

    /// All 125 triples (1...5)^3, R major.
    public static let all: [RFMScores] = (1...5).flatMap { r in
        (1...5).flatMap { f in (1...5).map { m in RFMScores(recency: r, frequency: f, monetary: m) } }
    }
}
