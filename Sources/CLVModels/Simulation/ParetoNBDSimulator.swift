/// Customers whose purchases follow Pareto/NBD with known parameters.
public struct ParetoNBDSimulator: Sendable {
    public let parameters: ParetoNBDParameters

    public init(parameters: ParetoNBDParameters) {
        self.parameters = parameters
    }

    /// Purchase times after the first within `age`: a Poisson process with rate
    /// λ ~ Gamma(r, α) that stops at an exponential lifetime with rate μ ~ Gamma(s, β).
    public func purchaseTimes(age: Double, using generator: inout some RandomNumberGenerator) -> [Double] {
        var variates = RandomVariates(generator: generator)
        defer { generator = variates.generator }
        let rate = variates.gamma(shape: parameters.r, rate: parameters.alpha)
        let deathRate = variates.gamma(shape: parameters.s, rate: parameters.beta)
        let end = min(age, variates.exponential(rate: deathRate))
        var times: [Double] = []
        var time = variates.exponential(rate: rate)
        while time <= end {
            times.append(time)
            time += variates.exponential(rate: rate)
        }
        return times
    }

    public func histories(ages: [Double], using generator: inout some RandomNumberGenerator) -> [PurchaseHistory] {
        ages.map { age in
            let times = purchaseTimes(age: age, using: &generator)
            return PurchaseHistory(frequency: times.count, recency: times.last ?? 0, age: age)
        }
    }
}
