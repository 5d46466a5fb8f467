/// `clv.valuation.v1.GetCustomerValueRequest`.
public struct GetCustomerValueRequest: Sendable, Hashable {
    public var customerID: String
    /// 0 for the latest run.
    public var runID: Int64
    /// As in `ScoreCustomersRequest`: each left `nil` takes its default.
    public var terms: ValueTerms

    public init(customerID: String = "", runID: Int64 = 0, terms: ValueTerms = ValueTerms()) {
        self.customerID = customerID
        self.runID = runID
        self.terms = terms
    }
}
