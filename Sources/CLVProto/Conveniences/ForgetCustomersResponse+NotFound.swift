extension ForgetCustomersResponse {
    /// The ids sent that no row named.
    public var notFoundIDs: [String] { customers.filter { $0.rows == 0 }.map(\.customerID) }
}
