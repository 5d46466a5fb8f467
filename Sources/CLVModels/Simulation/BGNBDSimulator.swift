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
        lifetime(age: age, using: &generator).purchaseTimes
    }

    /// One customer observed for `age` time units: their purchase times after the first, as
    /// `purchaseTimes(age:using:)` draws them (the same draws, so the same times), and whether
    /// they dropped out after the last of them, within `age`.
    public func lifetime(age: Double, using generator: inout some RandomNumberGenerator) -> (purchaseTimes: [Double], droppedOut: Bool) {
        var variates = RandomVariates(generator: generator)
        defer { generator = variates.generator }
        let rate = variates.gamma(shape: parameters.r, rate: parameters.alpha)
        let dropout = variates.beta(parameters.a, parameters.b)
        var times: [Double] = []
        var time = 0.0
        while true {
            time += variates.exponential(rate: rate)
            guard time <= age else { return (times, false) }
            times.append(time)
            // After each repeat purchase the customer drops out with probability p.
            if variates.uniform() < dropout { return (times, true) }
        }
    }

    /// Histories of customers with the given ages.
    public func histories(ages: [Double], using generator: inout some RandomNumberGenerator) -> [PurchaseHistory] {
        ages.map { age in
            let times = purchaseTimes(age: age, using: &generator)
            return PurchaseHistory(frequency: times.count, recency: times.last ?? 0, age: age)
        }
    }
}
