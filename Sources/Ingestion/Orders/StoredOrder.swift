import CLVProto
import Store

/// An order as the store holds it, for comparing a resent order with.
struct StoredOrder: Sendable {
    let orderID: String
    let customerID: String
    let placedAtMilliseconds: Int64
    let amountMinor: Int64
    let currency: String
    let grossMarginMinor: Int64?
    let costMinor: Int64?
    let platform: String
    let itemCount: Int64
    var status: OrderStatus

    /// The columns `init(row:)` reads, for a SELECT list.
    static let columns = """
        order_id, customer_id, (extract(epoch FROM placed_at) * 1000)::bigint AS placed_ms, amount_minor,
        currency, gross_margin_minor, cost_minor, platform, item_count, status
        """

    init(row: PGRow) throws(StoreError) {
        orderID = try row.string("order_id")
        customerID = try row.string("customer_id")
        placedAtMilliseconds = try row.int("placed_ms")
        amountMinor = try row.int("amount_minor")
        currency = try row.string("currency")
        grossMarginMinor = try row.isNull("gross_margin_minor") ? nil : row.int("gross_margin_minor")
        costMinor = try row.isNull("cost_minor") ? nil : row.int("cost_minor")
        platform = try row.string("platform")
        itemCount = try row.int("item_count")
        let statusName = try row.string("status")
        guard let status = OrderStatus(name: statusName) else {
            throw StoreError(.decoding, message: "unknown order status in the store")
        }
        self.status = status
    }

    /// Whether an order may move from this status to `next`: refunds and returns of completed orders.
    func allowsTransition(to next: OrderStatus) -> Bool {
        status == .completed && (next == .refunded || next == .returned)
    }
}
