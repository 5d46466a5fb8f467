import Store

/// The statement that stores new orders and folds them into the derived statistics in one go.
///
/// Orders arrive as parallel arrays (one per column), so a batch of thousands is one round trip.
/// Only the rows actually inserted (RETURNING) create customers and feed the statistics: a
/// replayed or conflicting order changes nothing. Rows are folded in key order so concurrent batches lock shared rows in one order.
/// No customer's totals may pass `IngestionLimits.maximumCustomerTotalMinorUnits` (see
/// docs/ingestion.md, Bounds): `fast` notices, `bounded` leaves out the orders beyond it.
enum OrderInsertStatement {
    /// The usual statement: inserts every new order. `within` is false when some customer's
    /// totals would pass the bound; the caller must then not commit, and runs the batch again
    /// with `bounded`.
    static let fast = input + inserted(from: "input") + folding + """
        SELECT order_id, true AS inserted, \(within) FROM inserted
        """

    /// For a batch that would take a customer past the bound: leaves out the orders beyond it
    /// (answered with `inserted` false) and stores the rest. Slower (it reads each customer's
    /// totals and each order id first), so it runs only after `fast` found a total beyond.
    static let bounded = input + weighing + inserted(from: "bounded WHERE NOT over_bound") + folding + """
        SELECT order_id, true AS inserted, \(within) FROM inserted
        UNION ALL
        SELECT order_id, false, true FROM bounded WHERE over_bound
        """

    private static let within = "(SELECT count(*) FROM stats) = (SELECT count(*) FROM deltas) AS within"

    private static let input = """
        WITH input AS (
            SELECT * FROM unnest($1::text[], $2::text[], $3::int8[], $4::int8[], $5::text[], $6::int8[],
                                 $7::int8[], $8::int8[], $9::int8[], $10::text[], $11::int8[], $12::text[])
                WITH ORDINALITY
                AS i(order_id, customer_id, placed_ms, amount_minor, currency, amount_base_minor,
                     gross_margin_minor, cost_minor, margin_base_minor, platform, item_count, status, ord)
        ),
        """

    private static let weighing = """
        -- The customer's totals (stored, plus this batch's new orders up to each one, in batch
        -- order) against the bound $13: from the first order beyond it, that customer's new
        -- orders that add to a total are left out and answered as rejected. Replays and
        -- cancelled orders weigh nothing and are never left out.
        weighed AS (
            SELECT i.*, o.order_id IS NOT NULL AS stored,
                o.order_id IS NULL AND ((i.status <> 'cancelled' AND i.amount_base_minor > 0)
                                        OR (i.status = 'completed' AND coalesce(i.margin_base_minor, 0) < 0)) AS weighs,
                coalesce(s.revenue_base_minor::numeric + s.refunded_base_minor, 0)
                    + sum(CASE WHEN o.order_id IS NULL AND i.status <> 'cancelled' THEN i.amount_base_minor ELSE 0 END)
                        OVER w > $13::int8
                OR coalesce(s.margin_base_minor, 0)::numeric
                    + sum(CASE WHEN o.order_id IS NULL AND i.status = 'completed' THEN coalesce(i.margin_base_minor, 0) ELSE 0 END)
                        OVER w < -$13::int8 AS beyond
            FROM input i
            LEFT JOIN customer_order_stats s ON s.customer_id = i.customer_id
            LEFT JOIN orders o ON o.order_id = i.order_id
            WINDOW w AS (PARTITION BY i.customer_id ORDER BY i.ord)
        ),
        bounded AS (
            SELECT *, weighs AND bool_or(beyond) OVER (PARTITION BY customer_id ORDER BY ord) AS over_bound FROM weighed
        ),
        """

    private static func inserted(from source: String) -> String {
        """
        inserted AS (
            INSERT INTO orders (order_id, customer_id, placed_at, amount_minor, currency, amount_base_minor,
                                gross_margin_minor, cost_minor, margin_base_minor, platform, item_count, status)
            SELECT order_id, customer_id, timestamptz 'epoch' + placed_ms * interval '1 millisecond',
                   amount_minor, currency, amount_base_minor, gross_margin_minor, cost_minor,
                   margin_base_minor, platform, item_count, status
            FROM \(source)
            ON CONFLICT (order_id) DO NOTHING
            RETURNING order_id, customer_id, placed_at, amount_base_minor, margin_base_minor, status
        ),
        """
    }

    /// Creates the customers and folds the inserted orders into their statistics.
    private static let folding = """
        new_customers AS (
            INSERT INTO customers (customer_id, described)
            SELECT DISTINCT customer_id, false FROM inserted ORDER BY customer_id
            ON CONFLICT (customer_id) DO NOTHING
        ),
        completed_days AS (
            SELECT customer_id, (placed_at AT TIME ZONE 'UTC')::date AS day, count(*) AS orders,
                   sum(amount_base_minor) AS revenue
            FROM inserted WHERE status = 'completed'
            GROUP BY 1, 2
        ),
        first_days AS (
            SELECT DISTINCT ON (customer_id) customer_id, revenue FROM completed_days ORDER BY customer_id, day
        ),
        day_upserts AS (
            INSERT INTO customer_purchase_days AS d (customer_id, day, orders, revenue_base_minor)
            SELECT customer_id, day, orders, revenue FROM completed_days ORDER BY 1, 2
            ON CONFLICT (customer_id, day) DO UPDATE
                SET orders = d.orders + excluded.orders,
                    revenue_base_minor = d.revenue_base_minor + excluded.revenue_base_minor
            RETURNING customer_id, (xmax = 0) AS new_day
        ),
        new_days AS (
            SELECT customer_id, count(*) FILTER (WHERE new_day) AS days FROM day_upserts GROUP BY customer_id
        ),
        deltas AS (
            SELECT customer_id,
                min(placed_at) FILTER (WHERE status = 'completed') AS first_at,
                max(placed_at) FILTER (WHERE status = 'completed') AS last_at,
                count(*) FILTER (WHERE status = 'completed') AS completed,
                coalesce(sum(amount_base_minor) FILTER (WHERE status = 'completed'), 0) AS revenue,
                coalesce(sum(margin_base_minor) FILTER (WHERE status = 'completed'), 0) AS margin,
                count(margin_base_minor) FILTER (WHERE status = 'completed') AS margin_orders,
                coalesce(sum(amount_base_minor) FILTER (WHERE status = 'completed' AND margin_base_minor IS NOT NULL), 0)
                    AS margin_revenue,
                count(*) FILTER (WHERE status = 'cancelled') AS cancelled,
                count(*) FILTER (WHERE status = 'refunded') AS refunded,
                count(*) FILTER (WHERE status = 'returned') AS returned,
                coalesce(sum(amount_base_minor) FILTER (WHERE status IN ('refunded', 'returned')), 0) AS refunded_value
            FROM inserted GROUP BY customer_id
        ),
        stats AS (
            INSERT INTO customer_order_stats AS s (
                customer_id, first_purchase_at, last_purchase_at, purchase_days, completed_orders,
                revenue_base_minor, margin_base_minor, margin_orders, cancelled_orders, refunded_orders,
                returned_orders, refunded_base_minor, first_day_revenue_base_minor, margin_revenue_base_minor)
            SELECT d.customer_id, d.first_at, d.last_at, coalesce(n.days, 0), d.completed, d.revenue, d.margin,
                   d.margin_orders, d.cancelled, d.refunded, d.returned, d.refunded_value, coalesce(f.revenue, 0),
                   d.margin_revenue
            FROM deltas d LEFT JOIN new_days n USING (customer_id) LEFT JOIN first_days f USING (customer_id)
            -- Totals beyond the bound $13 are not written: the caller then sees fewer rows here
            -- than customers in deltas (within is false) and must not commit.
            WHERE d.revenue + d.refunded_value <= $13::int8 AND d.margin >= -$13::int8
            ORDER BY d.customer_id
            ON CONFLICT (customer_id) DO UPDATE SET
                first_purchase_at = least(s.first_purchase_at, excluded.first_purchase_at),
                last_purchase_at = greatest(s.last_purchase_at, excluded.last_purchase_at),
                purchase_days = s.purchase_days + excluded.purchase_days,
                completed_orders = s.completed_orders + excluded.completed_orders,
                revenue_base_minor = s.revenue_base_minor + excluded.revenue_base_minor,
                margin_base_minor = s.margin_base_minor + excluded.margin_base_minor,
                margin_orders = s.margin_orders + excluded.margin_orders,
                margin_revenue_base_minor = s.margin_revenue_base_minor + excluded.margin_revenue_base_minor,
                cancelled_orders = s.cancelled_orders + excluded.cancelled_orders,
                refunded_orders = s.refunded_orders + excluded.refunded_orders,
                returned_orders = s.returned_orders + excluded.returned_orders,
                refunded_base_minor = s.refunded_base_minor + excluded.refunded_base_minor,
                -- An earlier first day replaces the first day's revenue; the same day adds to it.
                first_day_revenue_base_minor = CASE
                    WHEN excluded.first_purchase_at IS NULL THEN s.first_day_revenue_base_minor
                    WHEN s.first_purchase_at IS NULL
                      OR (excluded.first_purchase_at AT TIME ZONE 'UTC')::date < (s.first_purchase_at AT TIME ZONE 'UTC')::date
                        THEN excluded.first_day_revenue_base_minor
                    WHEN (excluded.first_purchase_at AT TIME ZONE 'UTC')::date = (s.first_purchase_at AT TIME ZONE 'UTC')::date
                        THEN s.first_day_revenue_base_minor + excluded.first_day_revenue_base_minor
                    ELSE s.first_day_revenue_base_minor END,
                updated_at = now()
            WHERE s.revenue_base_minor::numeric + s.refunded_base_minor + excluded.revenue_base_minor
                    + excluded.refunded_base_minor <= $13::int8
              AND s.margin_base_minor::numeric + excluded.margin_base_minor >= -$13::int8
            RETURNING 1
        )
        """

    /// The statement's parameters for `orders`, one array per column.
    static func parameters(_ orders: [ValidOrder]) -> [PGValue] {
        [
            .textArray(orders.map(\.orderID)),
            .textArray(orders.map(\.customerID)),
            .intArray(orders.map(\.placedAtMilliseconds)),
            .intArray(orders.map(\.amountMinor)),
            .textArray(orders.map(\.currency)),
            .intArray(orders.map(\.amountBaseMinor)),
            .intArray(orders.map(\.grossMarginMinor)),
            .intArray(orders.map(\.costMinor)),
            .intArray(orders.map(\.marginBaseMinor)),
            .textArray(orders.map(\.platform)),
            .intArray(orders.map(\.itemCount)),
            .textArray(orders.map(\.status.name)),
            .int(IngestionLimits.maximumCustomerTotalMinorUnits),
        ]
    }
}
