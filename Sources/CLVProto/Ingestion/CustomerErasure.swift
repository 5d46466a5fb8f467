/// `clv.ingestion.v1.CustomerErasure`: what erasing one customer of `ForgetCustomers` removed.
public struct CustomerErasure: Sendable, Hashable {
    public var customerID: String
    /// Rows removed across every table; 0 when no row named the customer.
    public var rows: UInt64

    public init(customerID: String, rows: UInt64) {
        self.customerID = customerID
        self.rows = rows
    }
}
