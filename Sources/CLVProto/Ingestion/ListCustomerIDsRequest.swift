/// `clv.ingestion.v1.ListCustomerIdsRequest`: one page of stored customer ids, in byte order.
public struct ListCustomerIDsRequest: Sendable, Hashable {
    /// Only ids that start with this text; empty lists every id.
    public var prefix: String
    /// Only ids after this one (the last id of the previous page); empty starts at the first.
    public var after: String
    /// Page size, 1 to 10,000; 0 means 10,000.
    public var limit: UInt32

    public init(prefix: String = "", after: String = "", limit: UInt32 = 0) {
        self.prefix = prefix
        self.after = after
        self.limit = limit
    }
}
