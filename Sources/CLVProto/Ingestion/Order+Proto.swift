import CLVProtoC

extension Order: CMessageConvertible {
    static let protoName = "clv.ingestion.v1.Order"
    static let unpack = clv__ingestion__v1__order__unpack
    static let freeUnpacked = clv__ingestion__v1__order__free_unpacked

    init(c pointer: UnsafePointer<Clv__Ingestion__V1__Order>) {
        let c = pointer.pointee
        orderID = CRead.string(c.order_id)
        customerID = CRead.string(c.customer_id)
        placedAtUnixMilliseconds = c.placed_at_unix_ms
        amount = Money.optional(c.amount)
        grossMargin = Money.optional(c.gross_margin)
        cost = Money.optional(c.cost)
        platform = CRead.string(c.platform)
        itemCount = c.item_count
        // An unknown status number reads as unspecified, which validation rejects by name.
        status = OrderStatus(rawValue: Int32(truncatingIfNeeded: c.status.rawValue)) ?? .unspecified
    }

    func cMessage(in arena: CArena) -> UnsafeMutablePointer<Clv__Ingestion__V1__Order> {
        let order = arena.message(Clv__Ingestion__V1__Order.self, clv__ingestion__v1__order__init)
        order.pointee.order_id = arena.string(orderID)
        order.pointee.customer_id = arena.string(customerID)
        order.pointee.placed_at_unix_ms = placedAtUnixMilliseconds
        order.pointee.amount = amount?.cMessage(in: arena)
        order.pointee.gross_margin = grossMargin?.cMessage(in: arena)
        order.pointee.cost = cost?.cMessage(in: arena)
        order.pointee.platform = arena.string(platform)
        order.pointee.item_count = itemCount
        order.pointee.status = Clv__Ingestion__V1__OrderStatus(rawValue: numericCast(status.rawValue))
        return order
    }
}
