/// `clv.valuation.v1.ValueGroup`: the value of one market or channel, in minor units of the base currency.
public struct ValueGroup: Sendable, Hashable {
    /// The market or channel; empty for customers without one.
    public var key: String
    public var customers: UInt64
    public var totalCLVBaseMinor: Double
    public var averageCLVBaseMinor: Double
    /// Customers whose acquisition cost is known: the two sides of CLV:CAC are theirs.
    public var customersWithCAC: UInt64
    /// Their average CLV (0 without any).
    public var averageCLVWithCACBaseMinor: Double
    /// Their average acquisition cost (0 without any).
    public var averageCACBaseMinor: Double
    /// `averageCLVWithCACBaseMinor` over `averageCACBaseMinor`; `nil` without a known CAC above 0.
    public var clvToCAC: Double?
    /// CLV:CAC is under the healthy 3:1.
    public var belowHealthyRatio: Bool

    public init(
        key: String = "", customers: UInt64 = 0, totalCLVBaseMinor: Double = 0, averageCLVBaseMinor: Double = 0,
        customersWithCAC: UInt64 = 0, averageCLVWithCACBaseMinor: Double = 0, averageCACBaseMinor: Double = 0,
        clvToCAC: Double? = nil,
        belowHealthyRatio: Bool = false
    ) {
        self.key = key
        self.customers = customers
        self.totalCLVBaseMinor = totalCLVBaseMinor
        self.averageCLVBaseMinor = averageCLVBaseMinor
        self.customersWithCAC = customersWithCAC
        self.averageCLVWithCACBaseMinor = averageCLVWithCACBaseMinor
        self.averageCACBaseMinor = averageCACBaseMinor
        self.clvToCAC = clvToCAC
        self.belowHealthyRatio = belowHealthyRatio
    }
}
