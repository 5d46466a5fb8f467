/// `clv.ingestion.v1.ForgetCustomerRequest`.
public struct ForgetCustomerRequest: Sendable, Hashable {
    public var customerID: String

    public init(customerID: String) {
        self.customerID = customerID
    }
}
