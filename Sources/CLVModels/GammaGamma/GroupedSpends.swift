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
    /// x · m̄ of every customer, grouped by frequency: `products[i]` belongs to `frequencies[i]`.
    let products: [[Double]]
    public let customers: Int

    /// Groups the histories with a repeat purchase (x > 0). Throws for a repeat customer whose
    /// mean value is not positive and finite.
    public init(_ histories: some Sequence<SpendHistory>) throws(ModelError) {
        var byFrequency: [Int: (count: Double, sumLog: Double, products: [Double])] = [:]
        var index = 0
        for history in histories {
            defer { index += 1 }
            guard history.frequency > 0 else { continue }
            guard history.meanValue > 0, history.meanValue.isFinite else {
                throw ModelError.invalidInput("spend \(index): the mean repeat-transaction value must be positive")
            }
            let x = Double(history.frequency)
            byFrequency[history.frequency, default: (0, 0, [])].count += 1
            byFrequency[history.frequency]!.sumLog += Double.log(history.meanValue)
            byFrequency[history.frequency]!.products.append(x * history.meanValue)
        }
        let sorted = byFrequency.sorted { $0.key < $1.key }
        frequencies = sorted.map(\.key)
        counts = sorted.map(\.value.count)
        sumLogMean = sorted.map(\.value.sumLog)
        products = sorted.map(\.value.products)
        customers = Int(counts.reduce(0, +))
    }
}
