/// `clv.ingestion.v1.ListCustomerIdsResponse`: a page of customer ids, in byte order.
public struct ListCustomerIDsResponse: Sendable, Hashable {
    public var customerIDs: [String]

    public init(customerIDs: [String]) {
        self.customerIDs = customerIDs
    }
}
