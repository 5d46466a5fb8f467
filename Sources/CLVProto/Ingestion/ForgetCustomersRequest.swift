/// `clv.ingestion.v1.ForgetCustomersRequest`: customers to erase, in chunks of one transaction each.
public struct ForgetCustomersRequest: Sendable, Hashable {
    public var customerIDs: [String]

    public init(customerIDs: [String]) {
        self.customerIDs = customerIDs
    }
}
