extension ForgetCustomerResponse {
    /// The answer for a customer whose rows `removed` lists, with their total.
    public static func totalling(customerID: String, removed: [RemovedRows]) -> ForgetCustomerResponse {
        ForgetCustomerResponse(customerID: customerID, removed: removed, totalRows: removed.reduce(0) { $0 + $1.rows })
    }
}
