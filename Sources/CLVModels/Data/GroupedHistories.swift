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
    /// The distinct times (recencies and ages) and, per history, the index of its recency and
    /// age among them: with day-granular data there are a few hundred, so the logarithms of
    /// α + t are computed per distinct time, not per history.
    let times: [Double]
    let recencyIndex: [Int32]
    let ageIndex: [Int32]
    /// All customers.
    public let customers: Double
    /// The longest age: times are scaled by it while fitting, for conditioning.
    public let maximumAge: Double

    /// Σ x over all customers: scaling times by s scales the count models' likelihood by s^−x.
    var repeatPurchases: Double {
        zip(frequencyValues, frequencyWeights).reduce(0.0) { $0 + Double($1.0) * $1.1 }
    }

    /// Groups `histories`. Throws `ModelError.invalidInput` for the first history with a problem.
    ///
    /// Takes an array, not any sequence: a generic public initialiser runs unspecialised when
    /// called from another module, several times slower over a million customers.
    public init(_ histories: [PurchaseHistory]) throws(ModelError) {
        // Sorting and counting runs is several times faster than hashing a million histories:
        // bucketed by frequency first (a counting sort), then each bucket sorted by its times.
        // Customers without a repeat purchase all have recency 0: their bucket sorts by age alone.
        var ages: [Double] = []
        var buckets: [[(recency: Double, age: Double)]] = []
        var index = 0
        for history in histories {
            if let problem = history.problem {
                throw ModelError.invalidInput("history \(index): \(problem)")
            }
            index += 1
            if history.frequency == 0 {
                ages.append(history.age)
                continue
            }
            if history.frequency >= buckets.count { buckets.append(contentsOf: repeatElement([], count: history.frequency - buckets.count + 1)) }
            buckets[history.frequency].append((history.recency, history.age))
        }
        var distinct: [(key: PurchaseHistory, value: Double)] = []
        ages.sort()
        for (start, end) in Self.runs(ages.count, { ages[$0] == ages[$1] }) {
            distinct.append((PurchaseHistory(frequency: 0, recency: 0, age: ages[start]), Double(end - start)))
        }
        for (frequency, var bucket) in buckets.enumerated() where !bucket.isEmpty {
            bucket.sort { ($0.recency, $0.age) < ($1.recency, $1.age) }
            for (start, end) in Self.runs(bucket.count, { bucket[$0] == bucket[$1] }) {
                distinct.append(
                    (PurchaseHistory(frequency: frequency, recency: bucket[start].recency, age: bucket[start].age), Double(end - start)))
            }
        }
        self.init(sorted: distinct)
    }

    /// The runs of equal neighbours in 0..<count, as half-open ranges.
    private static func runs(_ count: Int, _ equal: (Int, Int) -> Bool) -> [(Int, Int)] {
        var runs: [(Int, Int)] = []
        var start = 0
        for index in 1..<max(count, 1) where !equal(index - 1, index) {
            runs.append((start, index))
            start = index
        }
        if count > 0 { runs.append((start, count)) }
        return runs
    }

    /// Groups distinct histories counted in a dictionary.
    public init(counts: [PurchaseHistory: Double]) {
        self.init(sorted: counts.sorted { Self.precedes($0.key, $1.key) })
    }

    private static func precedes(_ lhs: PurchaseHistory, _ rhs: PurchaseHistory) -> Bool {
        (lhs.frequency, lhs.recency, lhs.age) < (rhs.frequency, rhs.recency, rhs.age)
    }

    /// Every `stride`-th distinct history with its count: a systematic sample across the sorted
    /// histories, whose likelihood per customer is close to the whole's (for a warm start).
    func sample(every stride: Int) -> GroupedHistories {
        GroupedHistories(
            sorted: Swift.stride(from: stride / 2, to: histories.count, by: stride).map { (key: histories[$0], value: weights[$0]) })
    }

    /// - Parameter sorted: distinct histories in `precedes` order, with their counts.
    private init(sorted: [(key: PurchaseHistory, value: Double)]) {
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
        var timeIndex: [Double: Int32] = [:]
        var distinctTimes: [Double] = []
        func index(of time: Double) -> Int32 {
            if let known = timeIndex[time] { return known }
            let new = Int32(distinctTimes.count)
            timeIndex[time] = new
            distinctTimes.append(time)
            return new
        }
        recencyIndex = sorted.map { index(of: $0.key.recency) }
        ageIndex = sorted.map { index(of: $0.key.age) }
        times = distinctTimes
        customers = sorted.reduce(0) { $0 + $1.value }
        maximumAge = sorted.map(\.key.age).max() ?? 0
    }
}
