/// One customer's repeat spend: the number of repeat transactions and their mean value.
public struct SpendHistory: Hashable, Sendable {
    /// x: repeat transactions (purchase periods after the first).
    public var frequency: Int
    /// m̄: mean value of those repeat transactions.
    public var meanValue: Double

    public init(frequency: Int, meanValue: Double) {
        self.frequency = frequency
        self.meanValue = meanValue
    }
}
