/// Purchase histories grouped by identical (x, t_x, T), so a likelihood costs one term per
/// distinct triple rather than per customer; and grouped again by x, for the terms that depend
/// on x alone (the log-gamma functions).
public struct GroupedHistories: Sendable {
    /// Distinct histories, sorted by frequency.
    public let histories: [PurchaseHistory]
    /// Customers with each history.
    public let weights: [Double]
    /// Index into `frequencyValues` of each history's frequency.
    let frequencyIndex: [Int]
    /// The distinct frequencies, ascending.
    let frequencyValues: [Int]
    /// Customers with each distinct frequency.
    let frequencyWeights: [Double]
    /// All customers.
    public let customers: Double
    /// The longest age: times are scaled by it while fitting, for conditioning.
    public let maximumAge: Double

    /// Groups `histories`. Throws `ModelError.invalidInput` for the first history with a problem.
    public init(_ histories: some Sequence<PurchaseHistory>) throws(ModelError) {
        var counts: [PurchaseHistory: Double] = [:]
        var index = 0
        for history in histories {
            if let problem = history.problem {
                throw ModelError.invalidInput("history \(index): \(problem)")
            }
            counts[history, default: 0] += 1
            index += 1
        }
        self.init(counts: counts)
    }

    /// Groups histories given with their counts (for example read from a grouped query).
    public init(counts: [PurchaseHistory: Double]) {
        let sorted = counts.sorted { lhs, rhs in
            (lhs.key.frequency, lhs.key.recency, lhs.key.age) < (rhs.key.frequency, rhs.key.recency, rhs.key.age)
        }
        histories = sorted.map(\.key)
        weights = sorted.map(\.value)
        var values: [Int] = []
        var valueWeights: [Double] = []
        var indices: [Int] = []
        indices.reserveCapacity(sorted.count)
        for (history, weight) in sorted {
            if values.last != history.frequency {
                values.append(history.frequency)
                valueWeights.append(0)
            }
            valueWeights[valueWeights.count - 1] += weight
            indices.append(values.count - 1)
        }
        frequencyValues = values
        frequencyWeights = valueWeights
        frequencyIndex = indices
        customers = weights.reduce(0, +)
        maximumAge = histories.map(\.age).max() ?? 0
    }
}
