import Store

/// Recomputes the derived order statistics of some customers from their orders.
///
/// The write path keeps the statistics current incrementally; a status change (refund, return)
/// can move a customer's first or last purchase, which is not decrementable, so those customers
/// are recomputed. Reads only the orders of the customers named.
enum OrderStatsRebuild {
    static func rebuild(customerIDs: [String], on connection: PGConnection) throws(StoreError) {
        guard !customerIDs.isEmpty else { return }
        let ids: [PGValue] = [.textArray(customerIDs.sorted())]
        try connection.execute("DELETE FROM customer_purchase_days WHERE customer_id = ANY($1::text[])", ids)
        try connection.execute(
            """
            INSERT INTO customer_purchase_days (customer_id, day, orders, revenue_base_minor)
            SELECT customer_id, (placed_at AT TIME ZONE 'UTC')::date, count(*), sum(amount_base_minor)
            FROM orders WHERE customer_id = ANY($1::text[]) AND status = 'completed'
            GROUP BY 1, 2
            """, ids)
        try connection.execute("DELETE FROM customer_order_stats WHERE customer_id = ANY($1::text[])", ids)
        try connection.execute(
            """
            INSERT INTO customer_order_stats (
                customer_id, first_purchase_at, last_purchase_at, purchase_days, completed_orders,
                revenue_base_minor, margin_base_minor, margin_orders, cancelled_orders, refunded_orders,
                returned_orders, refunded_base_minor, first_day_revenue_base_minor, margin_revenue_base_minor)
            SELECT customer_id,
                min(placed_at) FILTER (WHERE status = 'completed'),
                max(placed_at) FILTER (WHERE status = 'completed'),
                count(DISTINCT (placed_at AT TIME ZONE 'UTC')::date) FILTER (WHERE status = 'completed'),
                count(*) FILTER (WHERE status = 'completed'),
                coalesce(sum(amount_base_minor) FILTER (WHERE status = 'completed'), 0),
                coalesce(sum(margin_base_minor) FILTER (WHERE status = 'completed'), 0),
                count(margin_base_minor) FILTER (WHERE status = 'completed'),
                count(*) FILTER (WHERE status = 'cancelled'),
                count(*) FILTER (WHERE status = 'refunded'),
                count(*) FILTER (WHERE status = 'returned'),
                coalesce(sum(amount_base_minor) FILTER (WHERE status IN ('refunded', 'returned')), 0),
                -- The purchase days were rebuilt above.
                coalesce((SELECT p.revenue_base_minor FROM customer_purchase_days p
                          WHERE p.customer_id = orders.customer_id ORDER BY p.day LIMIT 1), 0),
                coalesce(sum(amount_base_minor) FILTER (WHERE status = 'completed' AND margin_base_minor IS NOT NULL), 0)
            FROM orders WHERE customer_id = ANY($1::text[])
            GROUP BY customer_id
            """, ids)
    }
}
