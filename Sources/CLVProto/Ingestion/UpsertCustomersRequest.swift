/// `clv.ingestion.v1.UpsertCustomersRequest`: a batch of customers to upsert.
public struct UpsertCustomersRequest: Sendable, Hashable {
    public var customers: [Customer]

    public init(_ customers: [Customer] = []) {
        self.customers = customers
    }
}
