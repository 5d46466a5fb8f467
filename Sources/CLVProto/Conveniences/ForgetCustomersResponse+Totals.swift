extension ForgetCustomersResponse {
    /// The answer for `customers` and the rows `removed` per table, with the totals and counts
    /// derived from them.
    public static func totalling(customers: [CustomerErasure], removed: [RemovedRows], chunks: UInt32) -> ForgetCustomersResponse {
        ForgetCustomersResponse(
            customers: customers, removed: removed, totalRows: removed.reduce(0) { $0 + $1.rows },
            erasedCustomers: UInt32(customers.count(where: { $0.rows > 0 })),
            notFoundCustomers: UInt32(customers.count(where: { $0.rows == 0 })), chunks: chunks)
    }

    /// The ids sent that no row named.
    public var notFoundIDs: [String] { customers.filter { $0.rows == 0 }.map(\.customerID) }
}
