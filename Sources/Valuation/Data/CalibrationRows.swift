/// The per-customer rows a fit reads as of a calibration end `$1`, one per customer with a
/// purchase on or before it: x, t_x and T in days, the revenue of the purchase days after the
/// first, and whether the customer bought in the year before the last one (for retention).
///
/// Two sources give the same rows: the per-customer statistics (one row per customer) when no
/// purchase falls after the calibration end, else the purchase days up to it.
enum CalibrationRows {
    /// From `customer_order_stats`; valid only when `StatisticsDays.areCurrent`.
    static let fromStatistics = """
        SELECT \(StatisticsDays.counts), \(StatisticsDays.repeatRevenue),
               -- Only a customer who bought before and after the earlier year needs their days read.
               CASE WHEN first_day > $1::date - 365 OR last_day <= $1::date - 730 THEN false
                    WHEN first_day > $1::date - 730 OR last_day <= $1::date - 365 THEN true
                    ELSE EXISTS (SELECT 1 FROM customer_purchase_days d
                                 WHERE d.customer_id = s.customer_id AND d.day > $1::date - 730 AND d.day <= $1::date - 365)
               END
        FROM \(StatisticsDays.customers)
        """

    /// From `customer_purchase_days`, for any calibration end.
    static let fromPurchaseDays = """
        SELECT \(PurchaseDayAggregates.counts), \(PurchaseDayAggregates.repeatRevenue),
               bool_or(day > $1::date - 730 AND day <= $1::date - 365)
        FROM customer_purchase_days WHERE day <= $1::date GROUP BY customer_id
        """

    /// The observed margin rate: gross margin over the revenue of the completed orders whose
    /// margin is known, from the statistics (valid when they are current).
    static let marginFromStatistics = """
        SELECT coalesce(sum(margin_base_minor)::float8 / nullif(sum(margin_revenue_base_minor), 0), 0) AS rate
        FROM customer_order_stats
        """

    /// The same from the orders placed up to `$1`.
    static let marginFromOrders = """
        SELECT coalesce(sum(margin_base_minor)::float8 / nullif(sum(amount_base_minor), 0), 0) AS rate
        FROM orders
        WHERE status = 'completed' AND margin_base_minor IS NOT NULL AND placed_at < ($1::date + 1)::timestamp AT TIME ZONE 'UTC'
        """
}
