/// `clv.valuation.v1.GetCustomerValueRequest`.
public struct GetCustomerValueRequest: Sendable, Hashable {
    public var customerID: String
    /// 0 for the latest run.
    public var runID: Int64
    /// As in `ScoreCustomersRequest`; 0 for the defaults.
    public var horizon: Double
    public var annualDiscountRate: Double
    public var marginRate: Double

    public init(
        customerID: String = "", runID: Int64 = 0, horizon: Double = 0, annualDiscountRate: Double = 0,
        marginRate: Double = 0
    ) {
        self.customerID = customerID
        self.runID = runID
        self.horizon = horizon
        self.annualDiscountRate = annualDiscountRate
        self.marginRate = marginRate
    }
}
