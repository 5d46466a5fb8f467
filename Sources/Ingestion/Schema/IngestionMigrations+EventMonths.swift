extension IngestionMigrations {
    /// Migration 103: per-customer event counts by UTC month, split by the churn driver the event's
    /// `reason` attribute names, so segmentation reads a few rows per customer and never `events`.
    ///
    /// The driver comes from `event_reason_keywords` through `event_reason_driver(reason)`, the one
    /// place the rule lives: the backfill here and `EventInsertStatement` both call it.
    static let eventMonths = """
        -- Lowercase substrings of an event's reason and the churn driver each points to. Operators
        -- may add rows; they classify events ingested afterwards (existing months keep theirs).
        -- Where a reason holds keywords of two drivers, the lowest priority wins, then the longest
        -- keyword, then the alphabetically first. The tiers:
        --   10  phrases that name one cause ("not as described", "no response");
        --   20  words that name a cause ("transit", "defect", "declined"), so "damaged in transit"
        --       is logistics: the goods broke on the way, the product is not to blame;
        --   30  words that usually do ("damaged", "parcel", "support", "card");
        --   40  short words that also occur inside others ("late" in "related", "fit" in "profit").
        CREATE TABLE event_reason_keywords (
            keyword text PRIMARY KEY CHECK (keyword <> '' AND keyword = lower(keyword)),
            driver text NOT NULL CHECK (driver IN ('logistics', 'product_quality', 'price', 'service', 'payment')),
            priority integer NOT NULL
        );
        INSERT INTO event_reason_keywords (keyword, driver, priority) VALUES
            ('transit', 'logistics', 20), ('courier', 'logistics', 20), ('customs', 'logistics', 20),
            ('lost', 'logistics', 20), ('delay', 'logistics', 20), ('shipping', 'logistics', 20),
            ('delivery', 'logistics', 30), ('parcel', 'logistics', 30), ('package', 'logistics', 30),
            ('late', 'logistics', 40),
            ('not as described', 'product_quality', 10), ('wrong size', 'product_quality', 10),
            ('stopped working', 'product_quality', 10), ('quality', 'product_quality', 20),
            ('defect', 'product_quality', 20), ('faulty', 'product_quality', 20),
            ('broken', 'product_quality', 30), ('damaged', 'product_quality', 30), ('material', 'product_quality', 30),
            ('size', 'product_quality', 40), ('fit', 'product_quality', 40),
            ('price', 'price', 20), ('expensive', 'price', 20), ('cheaper', 'price', 20),
            ('coupon', 'price', 20), ('discount', 'price', 20), ('cost', 'price', 30),
            ('no response', 'service', 10), ('rude', 'service', 20), ('unhelpful', 'service', 20),
            ('support', 'service', 30), ('service', 'service', 30), ('waiting', 'service', 30), ('agent', 'service', 30),
            ('payment', 'payment', 20), ('declined', 'payment', 20), ('paypal', 'payment', 20), ('billing', 'payment', 20),
            ('card', 'payment', 30), ('bank', 'payment', 30), ('charge', 'payment', 30);

        -- The driver a reason points to, '' when there is no reason or no keyword in it.
        -- strpos, not LIKE: the reason is user text and must never act as a pattern.
        CREATE FUNCTION event_reason_driver(reason text) RETURNS text
        LANGUAGE sql STABLE PARALLEL SAFE AS $$
            SELECT coalesce((
                SELECT k.driver FROM event_reason_keywords k
                WHERE strpos(lower(reason), k.keyword) > 0
                ORDER BY k.priority, length(k.keyword) DESC, k.keyword
                LIMIT 1), '')
        $$;

        -- Events per customer, UTC month, type and driver, kept current as events arrive.
        CREATE TABLE customer_event_months (
            customer_id text NOT NULL,
            -- The first day of the UTC month.
            month date NOT NULL,
            type text NOT NULL,
            -- '' when the event has no reason or none matches.
            driver text NOT NULL,
            events integer NOT NULL,
            last_at timestamptz NOT NULL,
            PRIMARY KEY (customer_id, month, type, driver)
        );
        INSERT INTO customer_event_months (customer_id, month, type, driver, events, last_at)
        SELECT customer_id, date_trunc('month', occurred_at AT TIME ZONE 'UTC')::date, type,
               event_reason_driver(attributes->>'reason'), count(*), max(occurred_at)
        FROM events
        GROUP BY 1, 2, 3, 4;
        """
}
