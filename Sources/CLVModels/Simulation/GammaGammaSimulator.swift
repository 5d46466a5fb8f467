/// Transaction values that follow Gamma-Gamma with known parameters: each customer's mean
/// spend ν ~ Gamma(q, γ), each transaction ~ Gamma(p, ν).
public struct GammaGammaSimulator: Sendable {
    public let parameters: GammaGammaParameters

    public init(parameters: GammaGammaParameters) {
        self.parameters = parameters
    }

    /// `count` transaction values of one customer.
    public func transactionValues(count: Int, using generator: inout some RandomNumberGenerator) -> [Double] {
        var variates = RandomVariates(generator: generator)
        defer { generator = variates.generator }
        let customerRate = variates.gamma(shape: parameters.q, rate: parameters.gamma)
        return (0..<count).map { _ in variates.gamma(shape: parameters.p, rate: customerRate) }
    }
}
