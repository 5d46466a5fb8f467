/// `clv.valuation.v1.TopCustomer`: one of the most valuable customers, as scored.
public struct TopCustomer: Sendable, Hashable {
    public var customerID: String
    public var market: String
    public var acquisitionChannel: String
    public var clvBaseMinor: Double
    public var probabilityAlive: Double
    public var expectedPurchases: Double

    public init(
        customerID: String = "", market: String = "", acquisitionChannel: String = "", clvBaseMinor: Double = 0,
        probabilityAlive: Double = 0, expectedPurchases: Double = 0
    ) {
        self.customerID = customerID
        self.market = market
        self.acquisitionChannel = acquisitionChannel
        self.clvBaseMinor = clvBaseMinor
        self.probabilityAlive = probabilityAlive
        self.expectedPurchases = expectedPurchases
    }
}
