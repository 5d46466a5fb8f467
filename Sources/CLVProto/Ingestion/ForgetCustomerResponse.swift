/// `clv.ingestion.v1.ForgetCustomerResponse`: what erasing a customer removed.
public struct ForgetCustomerResponse: Sendable, Hashable {
    public var customerID: String
    /// Every table that held rows of the customer.
    public var removed: [RemovedRows]
    public var totalRows: UInt64

    public init(customerID: String, removed: [RemovedRows]) {
        self.customerID = customerID
        self.removed = removed
        self.totalRows = removed.reduce(0) { $0 + $1.rows }
    }
}
