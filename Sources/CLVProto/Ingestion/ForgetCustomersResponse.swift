/// `clv.ingestion.v1.ForgetCustomersResponse`: what erasing many customers removed.
public struct ForgetCustomersResponse: Sendable, Hashable {
    /// One per distinct id sent, in the order first sent.
    public var customers: [CustomerErasure]
    /// Rows removed per table, summed over the customers.
    public var removed: [RemovedRows]
    public var totalRows: UInt64
    /// Customers with at least one row removed.
    public var erasedCustomers: UInt32
    /// Ids that no row named.
    public var notFoundCustomers: UInt32
    /// Transactions the call ran.
    public var chunks: UInt32

    public init(customers: [CustomerErasure], removed: [RemovedRows], chunks: UInt32) {
        self.customers = customers
        self.removed = removed
        self.totalRows = removed.reduce(0) { $0 + $1.rows }
        self.erasedCustomers = UInt32(customers.count(where: { $0.rows > 0 }))
        self.notFoundCustomers = UInt32(customers.count(where: { $0.rows == 0 }))
        self.chunks = chunks
    }

    /// The ids that no row named.
    public var notFoundIDs: [String] { customers.filter { $0.rows == 0 }.map(\.customerID) }
}
