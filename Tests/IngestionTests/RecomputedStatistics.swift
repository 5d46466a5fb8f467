/// The derived tables recomputed from the stored records, written independently of the
/// service's SQL, in the column order of the tables they check.
enum RecomputedStatistics {
    static let orderStats = """
        WITH per_customer AS (
            SELECT customer_id,
                min(CASE WHEN status = 'completed' THEN placed_at END) AS first_purchase_at,
                max(CASE WHEN status = 'completed' THEN placed_at END) AS last_purchase_at,
                (SELECT count(*) FROM (
                    SELECT DISTINCT date_trunc('day', p.placed_at AT TIME ZONE 'UTC')
                    FROM orders p WHERE p.customer_id = o.customer_id AND p.status = 'completed') AS days) AS purchase_days,
                sum(CASE WHEN status = 'completed' THEN 1 ELSE 0 END) AS completed_orders,
                sum(CASE WHEN status = 'completed' THEN amount_base_minor ELSE 0 END) AS revenue_base_minor,
                sum(CASE WHEN status = 'completed' THEN coalesce(margin_base_minor, 0) ELSE 0 END) AS margin_base_minor,
                sum(CASE WHEN status = 'completed' AND margin_base_minor IS NOT NULL THEN 1 ELSE 0 END) AS margin_orders,
                sum(CASE WHEN status = 'cancelled' THEN 1 ELSE 0 END) AS cancelled_orders,
                sum(CASE WHEN status = 'refunded' THEN 1 ELSE 0 END) AS refunded_orders,
                sum(CASE WHEN status = 'returned' THEN 1 ELSE 0 END) AS returned_orders,
                sum(CASE WHEN status IN ('refunded', 'returned') THEN amount_base_minor ELSE 0 END) AS refunded_base_minor,
                coalesce((SELECT sum(p.amount_base_minor) FROM orders p
                          WHERE p.customer_id = o.customer_id AND p.status = 'completed'
                            AND date_trunc('day', p.placed_at AT TIME ZONE 'UTC') = (
                                SELECT min(date_trunc('day', q.placed_at AT TIME ZONE 'UTC')) FROM orders q
                                WHERE q.customer_id = o.customer_id AND q.status = 'completed')), 0) AS first_day_revenue_base_minor,
                sum(CASE WHEN status = 'completed' AND margin_base_minor IS NOT NULL THEN amount_base_minor ELSE 0 END)
                    AS margin_revenue_base_minor
            FROM orders o GROUP BY customer_id
        )
        SELECT * FROM per_customer ORDER BY customer_id
        """

    static let purchaseDays = """
        SELECT customer_id, (placed_at AT TIME ZONE 'UTC')::date AS day, count(*) AS orders, sum(amount_base_minor) AS revenue
        FROM orders WHERE status = 'completed'
        GROUP BY customer_id, (placed_at AT TIME ZONE 'UTC')::date
        ORDER BY customer_id, day
        """

    static let eventDays = """
        SELECT customer_id, type, (occurred_at AT TIME ZONE 'UTC')::date AS day, count(*) AS events,
               coalesce(sum(score::numeric), 0) AS score_sum, count(score) AS scored, max(occurred_at) AS last_at
        FROM events
        GROUP BY customer_id, type, (occurred_at AT TIME ZONE 'UTC')::date
        ORDER BY customer_id, type, day
        """

    /// Month buckets by churn driver: the keyword rule (lowest priority, longest, alphabetical)
    /// as a lateral join over the keyword table, not through `event_reason_driver`.
    static let eventMonths = """
        SELECT e.customer_id, date_trunc('month', e.occurred_at AT TIME ZONE 'UTC')::date AS month, e.type,
               coalesce(k.driver, '') AS driver, count(*) AS events, max(e.occurred_at) AS last_at
        FROM events e
        LEFT JOIN LATERAL (
            SELECT driver FROM event_reason_keywords
            WHERE position(keyword IN lower(e.attributes->>'reason')) > 0
            ORDER BY priority, length(keyword) DESC, keyword
            LIMIT 1) k ON true
        GROUP BY 1, 2, 3, 4
        ORDER BY 1, 2, 3, 4
        """
}
