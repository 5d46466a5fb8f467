/// `clv.ingestion.v1.Order`.
public struct Order: Sendable, Hashable {
    public var orderID: String
    public var customerID: String
    /// Milliseconds since the Unix epoch, UTC.
    public var placedAtUnixMilliseconds: Int64
    public var amount: Money?
    public var grossMargin: Money?
    public var cost: Money?
    public var platform: String
    public var itemCount: UInt32
    public var status: OrderStatus

    public init(
        orderID: String, customerID: String, placedAtUnixMilliseconds: Int64, amount: Money?,
        grossMargin: Money? = nil, cost: Money? = nil, platform: String = "", itemCount: UInt32 = 0,
        status: OrderStatus = .completed
    ) {
        self.orderID = orderID
        self.customerID = customerID
        self.placedAtUnixMilliseconds = placedAtUnixMilliseconds
        self.amount = amount
        self.grossMargin = grossMargin
        self.cost = cost
        self.platform = platform
        self.itemCount = itemCount
        self.status = status
    }
}
