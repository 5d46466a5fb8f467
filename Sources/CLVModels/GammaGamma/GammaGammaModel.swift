/// The Gamma-Gamma model applied: a customer's expected mean transaction value given their
/// repeat spend, shrunk toward the population mean the fewer purchases they have.
public struct GammaGammaModel: Sendable {
    public let parameters: GammaGammaParameters

    public init(parameters: GammaGammaParameters) {
        self.parameters = parameters
    }

    /// The population mean transaction value, p γ / (q − 1); infinite when q ≤ 1.
    public var populationMeanValue: Double {
        parameters.q > 1 ? parameters.p * parameters.gamma / (parameters.q - 1) : .infinity
    }

    /// E[M | x, m̄] = p (γ + x m̄) / (p x + q − 1); the population mean when x = 0.
    public func expectedMeanValue(_ spend: SpendHistory) -> Double {
        let x = Double(max(spend.frequency, 0))
        let (p, q, gamma) = (parameters.p, parameters.q, parameters.gamma)
        guard spend.frequency > 0 else { return populationMeanValue }
        return p * (gamma + x * spend.meanValue) / (p * x + q - 1)
    }
}
