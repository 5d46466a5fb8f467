import Store

/// The ingestion service's schema: the records as received and the per-customer statistics
/// derived from them as they arrive. Versions 100–199 belong to this service.
public enum IngestionMigrations {
    public static let all: [Migration] = [
        Migration(version: 100, name: "ingestion records", sql: records),
        Migration(version: 101, name: "ingestion derived statistics", sql: derived),
        Migration(version: 102, name: "first day and margin-known revenue", sql: valuationSums),
        Migration(version: 103, name: "event months by churn driver", sql: eventMonths),
    ]

    static let records = """
        CREATE TABLE customers (
            customer_id text PRIMARY KEY,
            -- False while the customer is known only from an order or event.
            described boolean NOT NULL,
            market text,
            acquisition_channel text,
            acquisition_cost_minor bigint,
            acquisition_cost_currency text,
            acquisition_cost_base_minor bigint,
            acquired_on date,
            -- Keyed hashes (HMAC-SHA-256, hex) of the normalised e-mail and phone; never the values.
            email_hash text,
            phone_hash text,
            attributes jsonb NOT NULL DEFAULT '{}',
            created_at timestamptz NOT NULL DEFAULT now(),
            updated_at timestamptz NOT NULL DEFAULT now()
        );
        CREATE INDEX customers_email_hash ON customers (email_hash) WHERE email_hash IS NOT NULL;

        CREATE TABLE orders (
            order_id text PRIMARY KEY,
            customer_id text NOT NULL,
            placed_at timestamptz NOT NULL,
            amount_minor bigint NOT NULL CHECK (amount_minor >= 0),
            currency text NOT NULL,
            amount_base_minor bigint NOT NULL,
            -- As sent; margin_base_minor is the gross margin (given, or amount - cost) in base currency.
            gross_margin_minor bigint,
            cost_minor bigint,
            margin_base_minor bigint,
            platform text NOT NULL,
            item_count integer NOT NULL,
            status text NOT NULL CHECK (status IN ('completed', 'cancelled', 'refunded', 'returned')),
            ingested_at timestamptz NOT NULL DEFAULT now(),
            status_changed_at timestamptz
        );
        CREATE INDEX orders_customer ON orders (customer_id);

        CREATE TABLE events (
            event_id text PRIMARY KEY,
            customer_id text NOT NULL,
            occurred_at timestamptz NOT NULL,
            type text NOT NULL,
            score double precision,
            attributes jsonb NOT NULL DEFAULT '{}',
            ingested_at timestamptz NOT NULL DEFAULT now()
        );
        CREATE INDEX events_customer ON events (customer_id);

        CREATE TABLE exchange_rates (
            currency text NOT NULL,
            day date NOT NULL,
            -- Base-currency units per unit of currency.
            rate numeric NOT NULL CHECK (rate > 0),
            ingested_at timestamptz NOT NULL DEFAULT now(),
            PRIMARY KEY (currency, day)
        );

        -- What the ingestion door has seen, per kind of record: rejections and the latest time stored.
        CREATE TABLE ingestion_counters (
            kind text PRIMARY KEY,
            rejected bigint NOT NULL DEFAULT 0,
            latest_at timestamptz
        );
        INSERT INTO ingestion_counters (kind)
        VALUES ('customers'), ('orders'), ('events'), ('exchange_rates');
        """

    static let derived = """
        -- Completed orders per customer and UTC day: distinct purchase days without scanning orders.
        CREATE TABLE customer_purchase_days (
            customer_id text NOT NULL,
            day date NOT NULL,
            orders integer NOT NULL,
            revenue_base_minor bigint NOT NULL,
            PRIMARY KEY (customer_id, day)
        );

        -- Per-customer order statistics, kept current as orders arrive or change status.
        CREATE TABLE customer_order_stats (
            customer_id text PRIMARY KEY,
            first_purchase_at timestamptz,
            last_purchase_at timestamptz,
            -- Distinct UTC days with a completed order; repeat-purchase days = purchase_days - 1.
            purchase_days integer NOT NULL,
            completed_orders integer NOT NULL,
            revenue_base_minor bigint NOT NULL,
            margin_base_minor bigint NOT NULL,
            -- Completed orders whose margin is known.
            margin_orders integer NOT NULL,
            cancelled_orders integer NOT NULL,
            refunded_orders integer NOT NULL,
            returned_orders integer NOT NULL,
            -- Value of refunded and returned orders.
            refunded_base_minor bigint NOT NULL,
            updated_at timestamptz NOT NULL DEFAULT now()
        );

        -- Events per customer, type and UTC day: recent-window counts read a few rows per customer.
        CREATE TABLE customer_event_days (
            customer_id text NOT NULL,
            type text NOT NULL,
            day date NOT NULL,
            events integer NOT NULL,
            score_sum numeric NOT NULL,
            scored integer NOT NULL,
            last_at timestamptz NOT NULL,
            PRIMARY KEY (customer_id, type, day)
        );

        -- Event counts over the last 7, 30 and 90 UTC days (today included) and in all.
        CREATE VIEW customer_event_windows AS
        SELECT customer_id, type,
            coalesce(sum(events) FILTER (WHERE day > (now() AT TIME ZONE 'UTC')::date - 7), 0) AS events_7d,
            coalesce(sum(events) FILTER (WHERE day > (now() AT TIME ZONE 'UTC')::date - 30), 0) AS events_30d,
            coalesce(sum(events) FILTER (WHERE day > (now() AT TIME ZONE 'UTC')::date - 90), 0) AS events_90d,
            sum(events) AS events_total,
            sum(score_sum) / nullif(sum(scored), 0) AS average_score,
            max(last_at) AS last_at
        FROM customer_event_days
        GROUP BY customer_id, type;

        -- One row per customer with what valuation and segmentation read.
        CREATE VIEW customer_summary AS
        SELECT c.customer_id, c.described, c.market, c.acquisition_channel,
            c.acquisition_cost_base_minor, c.acquired_on,
            s.first_purchase_at, s.last_purchase_at,
            coalesce(s.purchase_days, 0) AS purchase_days,
            greatest(coalesce(s.purchase_days, 0) - 1, 0) AS repeat_purchase_days,
            coalesce(s.completed_orders, 0) AS completed_orders,
            coalesce(s.revenue_base_minor, 0) AS revenue_base_minor,
            round(s.revenue_base_minor::numeric / nullif(s.completed_orders, 0), 2) AS average_order_base_minor,
            coalesce(s.margin_base_minor, 0) AS margin_base_minor,
            coalesce(s.refunded_orders, 0) + coalesce(s.returned_orders, 0) AS refunded_or_returned_orders,
            coalesce(s.cancelled_orders, 0) AS cancelled_orders
        FROM customers c
        LEFT JOIN customer_order_stats s USING (customer_id);
        """

    /// What a fit needs beyond the counts, kept per customer so it reads one row per customer
    /// instead of every purchase day and order: Gamma-Gamma's spend per repeat purchase is revenue
    /// less the first day's; the observed margin rate is margin over the revenue of the completed
    /// orders whose margin is known.
    static let valuationSums = """
        ALTER TABLE customer_order_stats
            ADD COLUMN first_day_revenue_base_minor bigint NOT NULL DEFAULT 0,
            ADD COLUMN margin_revenue_base_minor bigint NOT NULL DEFAULT 0;
        UPDATE customer_order_stats s SET first_day_revenue_base_minor = f.revenue_base_minor
        FROM (SELECT DISTINCT ON (customer_id) customer_id, revenue_base_minor
              FROM customer_purchase_days ORDER BY customer_id, day) f
        WHERE f.customer_id = s.customer_id;
        UPDATE customer_order_stats s SET margin_revenue_base_minor = o.revenue
        FROM (SELECT customer_id, sum(amount_base_minor) AS revenue FROM orders
              WHERE status = 'completed' AND margin_base_minor IS NOT NULL GROUP BY customer_id) o
        WHERE o.customer_id = s.customer_id;
        """
}
