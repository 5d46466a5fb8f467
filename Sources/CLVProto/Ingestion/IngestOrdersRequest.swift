/// `clv.ingestion.v1.IngestOrdersRequest`: a batch of orders.
public struct IngestOrdersRequest: Sendable, Hashable {
    public var orders: [Order]

    public init(_ orders: [Order] = []) {
        self.orders = orders
    }
}
