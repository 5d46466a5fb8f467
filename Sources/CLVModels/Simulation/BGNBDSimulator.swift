/// Customers whose purchases follow BG/NBD with known parameters: the ground truth for
/// parameter-recovery tests and demo data.
public struct BGNBDSimulator: Sendable {
    public let parameters: BGNBDParameters

    public init(parameters: BGNBDParameters) {
        self.parameters = parameters
    }

    /// One customer observed for `age` time units after their first purchase: purchase times
    /// after the first (ascending, all within `age`).
    public func purchaseTimes(age: Double, using generator: inout some RandomNumberGenerator) -> [Double] {
        var variates = RandomVariates(generator: generator)
        defer { generator = variates.generator }
        let rate = variates.gamma(shape: parameters.r, rate: parameters.alpha)
        let dropout = variates.beta(parameters.a, parameters.b)
        var times: [Double] = []
        var time = 0.0
        while true {
            time += variates.exponential(rate: rate)
            guard time <= age else { break }
            times.append(time)
            // After each repeat purchase the customer drops out with probability p.
            if variates.uniform() < dropout { break }
        }
        return times
    }

    /// Histories of customers with the given ages.
    public func histories(ages: [Double], using generator: inout some RandomNumberGenerator) -> [PurchaseHistory] {
        ages.map { age in
            let times = purchaseTimes(age: age, using: &generator)
            return PurchaseHistory(frequency: times.count, recency: times.last ?? 0, age: age)
        }
    }
}
