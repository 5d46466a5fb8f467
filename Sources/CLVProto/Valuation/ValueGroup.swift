/// `clv.valuation.v1.ValueGroup`: the value of one market or channel, in minor units of the base currency.
public struct ValueGroup: Sendable, Hashable {
    /// The market or channel; empty for customers without one.
    public var key: String
    public var customers: UInt64
    public var totalCLVBaseMinor: Double
    public var averageCLVBaseMinor: Double
    /// Customers whose acquisition cost is known.
    public var customersWithCAC: UInt64
    /// Their average acquisition cost.
    public var averageCACBaseMinor: Double
    /// Average CLV over average CAC of the customers with a known CAC; 0 without any.
    public var clvToCAC: Double
    /// CLV:CAC is under the healthy 3:1.
    public var belowHealthyRatio: Bool

    public init(
        key: String = "", customers: UInt64 = 0, totalCLVBaseMinor: Double = 0, averageCLVBaseMinor: Double = 0,
        customersWithCAC: UInt64 = 0, averageCACBaseMinor: Double = 0, clvToCAC: Double = 0,
        belowHealthyRatio: Bool = false
    ) {
        self.key = key
        self.customers = customers
        self.totalCLVBaseMinor = totalCLVBaseMinor
        self.averageCLVBaseMinor = averageCLVBaseMinor
        self.customersWithCAC = customersWithCAC
        self.averageCACBaseMinor = averageCACBaseMinor
        self.clvToCAC = clvToCAC
        self.belowHealthyRatio = belowHealthyRatio
    }
}
