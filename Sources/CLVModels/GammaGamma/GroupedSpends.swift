import RealModule

/// Repeat customers' spend, grouped by frequency: the log-gamma terms are computed per distinct
/// x, and only ln(γ + x m̄) per customer.
public struct GroupedSpends: Sendable {
    /// Distinct frequencies, ascending.
    let frequencies: [Int]
    /// Customers per frequency.
    let counts: [Double]
    /// Σ ln m̄ per frequency.
    let sumLogMean: [Double]
    /// The distinct x · m̄ (the repeat revenue) within each x, the index in `frequencies` of
    /// that x, and how many customers have it: revenue in cents repeats often.
    let products: [Double]
    let productGroup: [Int32]
    let productWeights: [Double]
    public let customers: Int

    /// Groups the histories with a repeat purchase (x > 0). Throws for a repeat customer whose
    /// mean value is not positive and finite.
    ///
    /// Takes an array, not any sequence: a generic public initialiser runs unspecialised when
    /// called from another module, several times slower over a million customers.
    public init(_ histories: [SpendHistory]) throws(ModelError) {
        try self.init(weighted: histories.lazy.map { ($0, 1) })
    }

    /// Groups spend histories given with the number of customers who have each.
    private init(weighted histories: some Sequence<(SpendHistory, Double)>) throws(ModelError) {
        // Arrays indexed by x, and the products placed by a counting sort on x: no hashing.
        var repeatBuyers: [(history: SpendHistory, weight: Double)] = []
        var index = 0
        for (history, weight) in histories {
            defer { index += 1 }
            guard history.frequency > 0 else { continue }
            guard history.meanValue > 0, history.meanValue.isFinite else {
                throw ModelError.invalidInput("spend \(index): the mean repeat-transaction value must be positive")
            }
            repeatBuyers.append((history, weight))
        }
        let largest = repeatBuyers.map(\.history.frequency).max() ?? 0
        var countByX = Array(repeating: 0, count: largest + 1)
        var weightByX = Array(repeating: 0.0, count: largest + 1)
        var sumLogByX = Array(repeating: 0.0, count: largest + 1)
        for (history, weight) in repeatBuyers {
            countByX[history.frequency] += 1
            weightByX[history.frequency] += weight
            sumLogByX[history.frequency] += weight * Double.log(history.meanValue)
        }
        let present = countByX.indices.filter { countByX[$0] > 0 }
        var groupOfX = Array(repeating: Int32(-1), count: largest + 1)
        var start = Array(repeating: 0, count: present.count + 1)
        for (group, x) in present.enumerated() {
            groupOfX[x] = Int32(group)
            start[group + 1] = start[group] + countByX[x]
        }
        var next = start
        var placed = Array(repeating: (product: 0.0, weight: 0.0), count: repeatBuyers.count)
        for (history, weight) in repeatBuyers {
            let group = Int(groupOfX[history.frequency])
            placed[next[group]] = (Double(history.frequency) * history.meanValue, weight)
            next[group] += 1
        }
        var distinctProducts: [Double] = []
        var distinctGroups: [Int32] = []
        var weights: [Double] = []
        for group in present.indices {
            let sorted = placed[start[group]..<start[group + 1]].sorted { $0.product < $1.product }  // weights follow
            for (product, weight) in sorted {
                if distinctProducts.last == product, distinctGroups.last == Int32(group) {
                    weights[weights.count - 1] += weight
                } else {
                    distinctProducts.append(product)
                    distinctGroups.append(Int32(group))
                    weights.append(weight)
                }
            }
        }
        frequencies = present
        counts = present.map { weightByX[$0] }
        sumLogMean = present.map { sumLogByX[$0] }
        products = distinctProducts
        productGroup = distinctGroups
        productWeights = weights
        customers = Int(repeatBuyers.reduce(0.0) { $0 + $1.weight }.rounded())
    }

    /// Every `stride`-th distinct x · m̄ with its count, and the per-x sums of that sample: a
    /// systematic sample whose likelihood per customer is close to the whole's (for a warm start).
    func sample(every stride: Int) -> GroupedSpends {
        var counts = Array(repeating: 0.0, count: frequencies.count)
        var sumLogMean = Array(repeating: 0.0, count: frequencies.count)
        let picked = Array(Swift.stride(from: stride / 2, to: products.count, by: stride))
        for index in picked {
            let group = Int(productGroup[index])
            counts[group] += productWeights[index]
            sumLogMean[group] += productWeights[index] * Double.log(products[index] / Double(frequencies[group]))
        }
        return GroupedSpends(
            frequencies: frequencies, counts: counts, sumLogMean: sumLogMean, products: picked.map { products[$0] },
            productGroup: picked.map { productGroup[$0] }, productWeights: picked.map { productWeights[$0] },
            customers: Int(counts.reduce(0, +).rounded()))
    }

    private init(
        frequencies: [Int], counts: [Double], sumLogMean: [Double], products: [Double], productGroup: [Int32],
        productWeights: [Double], customers: Int
    ) {
        self.frequencies = frequencies
        self.counts = counts
        self.sumLogMean = sumLogMean
        self.products = products
        self.productGroup = productGroup
        self.productWeights = productWeights
        self.customers = customers
    }
}
