import Store

/// The per-customer order statistics seen as the purchase days' aggregates: one row per customer
/// instead of one per purchase day, but only as of a day `$1` with no purchase after it.
enum StatisticsDays {
    /// Whether the statistics are as of `$1`: no purchase after it.
    static let areCurrent = """
        SELECT coalesce(max(last_purchase_at) < ($1::date + 1)::timestamp AT TIME ZONE 'UTC', true) AS current
        FROM customer_order_stats
        """

    /// x, t_x and T in days, and the revenue of the purchase days after the first, over
    /// `customers`: the columns `PurchaseDayAggregates` gives from the purchase days.
    static let counts = "purchase_days - 1 AS x, last_day - first_day AS recency_days, $1::date - first_day AS age_days"
    static let repeatRevenue = "revenue_base_minor - first_day_revenue_base_minor AS repeat_revenue"

    /// Customers with a purchase, with their first and last purchase days: `FROM \(customers)`.
    static let customers = """
        (SELECT customer_id, purchase_days, completed_orders, revenue_base_minor, first_day_revenue_base_minor,
                (first_purchase_at AT TIME ZONE 'UTC')::date AS first_day,
                (last_purchase_at AT TIME ZONE 'UTC')::date AS last_day
         FROM customer_order_stats WHERE purchase_days > 0
         -- A fence: the days are computed once per row, not once per use.
         OFFSET 0) s
        """

    /// Runs `body` in one repeatable-read snapshot, telling it whether the statistics are
    /// current as of `day`: the choice of source then holds for everything `body` reads.
    static func withSnapshot<T>(asOf day: String, on connection: PGConnection, _ body: (PGConnection, Bool) throws -> T) throws -> T {
        try connection.withTransaction { connection in
            try connection.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
            let current = try connection.query(areCurrent, [.text(day)])[0].bool("current")
            return try body(connection, current)
        }
    }
}
