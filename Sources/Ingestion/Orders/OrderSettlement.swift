import CLVProto
import Store

/// Settles orders whose id the store already holds: a replay is a no-op, a refund or return of
/// a completed order updates it, anything else is a conflict.
struct OrderSettlement {
    /// In batch order, so a completed-then-refunded pair in one batch applies in sequence.
    let orders: [ValidOrder]

    func settle(outcome: inout BatchOutcome, on connection: PGConnection) throws {
        guard !orders.isEmpty else { return }
        let ids = Array(Set(orders.map(\.orderID))).sorted()
        let rows = try connection.query(
            "SELECT \(StoredOrder.columns) FROM orders WHERE order_id = ANY($1::text[]) ORDER BY order_id FOR UPDATE",
            [.textArray(ids)])
        var stored: [String: StoredOrder] = [:]
        for row in rows {
            let order = try StoredOrder(row: row)
            stored[order.orderID] = order
        }
        var changed: [String: OrderStatus] = [:]
        var customers: Set<String> = []
        for order in orders {
            guard var current = stored[order.orderID] else {
                // Erased by ForgetCustomer between our insert and this read.
                outcome.reject(
                    index: order.index, recordID: order.orderID,
                    .precondition("order_id", "the order was erased while this batch ran; send it again"))
                continue
            }
            if let problem = conflict(order, current) {
                outcome.reject(index: order.index, recordID: order.orderID, problem)
            } else if order.status == current.status {
                outcome.unchanged += 1
            } else {
                current.status = order.status
                stored[order.orderID] = current
                changed[order.orderID] = order.status
                customers.insert(current.customerID)
                outcome.updated += 1
            }
        }
        guard !changed.isEmpty else { return }
        let updates = changed.sorted { $0.key < $1.key }
        try connection.execute(
            """
            UPDATE orders o SET status = u.status, status_changed_at = now()
            FROM unnest($1::text[], $2::text[]) AS u(order_id, status)
            WHERE o.order_id = u.order_id
            """,
            [.textArray(updates.map(\.key)), .textArray(updates.map(\.value.name))])
        try OrderStatsRebuild.rebuild(customerIDs: Array(customers), on: connection)
    }

    /// Why `order` cannot be applied over `current`, or nil when it is a replay or a legal change.
    private func conflict(_ order: ValidOrder, _ current: StoredOrder) -> RecordProblem? {
        if let field = order.firstDifference(from: current) {
            return .conflict(field, "order \(order.orderID) is already stored with a different \(field)")
        }
        if order.status != current.status && !current.allowsTransition(to: order.status) {
            return .conflict(
                "status",
                "order \(order.orderID) is \(current.status.name) and cannot become \(order.status.name); only completed orders can become refunded or returned")
        }
        return nil
    }

}
