import Store

/// Stores new events and folds them into the per-day and per-month event counts in one round
/// trip; only rows actually inserted are counted, so a replay changes nothing. The month buckets
/// split by the churn driver of the event's `reason` (`event_reason_driver`, migration 103).
enum EventInsertStatement {
    static let sql = """
        WITH input AS (
            SELECT * FROM unnest($1::text[], $2::text[], $3::int8[], $4::text[], $5::float8[], $6::text[])
                AS i(event_id, customer_id, occurred_ms, type, score, attributes)
        ),
        inserted AS (
            INSERT INTO events (event_id, customer_id, occurred_at, type, score, attributes)
            SELECT event_id, customer_id, timestamptz 'epoch' + occurred_ms * interval '1 millisecond', type, score,
                   attributes::jsonb
            FROM input
            ON CONFLICT (event_id) DO NOTHING
            RETURNING event_id, customer_id, occurred_at, type, score, attributes->>'reason' AS reason
        ),
        new_customers AS (
            INSERT INTO customers (customer_id, described)
            SELECT DISTINCT customer_id, false FROM inserted ORDER BY customer_id
            ON CONFLICT (customer_id) DO NOTHING
        ),
        days AS (
            INSERT INTO customer_event_days AS d (customer_id, type, day, events, score_sum, scored, last_at)
            SELECT customer_id, type, (occurred_at AT TIME ZONE 'UTC')::date, count(*),
                   coalesce(sum(score::numeric), 0), count(score), max(occurred_at)
            FROM inserted
            GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
            ON CONFLICT (customer_id, type, day) DO UPDATE
                SET events = d.events + excluded.events,
                    score_sum = d.score_sum + excluded.score_sum,
                    scored = d.scored + excluded.scored,
                    last_at = greatest(d.last_at, excluded.last_at)
        ),
        months AS (
            INSERT INTO customer_event_months AS m (customer_id, month, type, driver, events, last_at)
            SELECT customer_id, date_trunc('month', occurred_at AT TIME ZONE 'UTC')::date, type,
                   event_reason_driver(reason), count(*), max(occurred_at)
            FROM inserted
            GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
            ON CONFLICT (customer_id, month, type, driver) DO UPDATE
                SET events = m.events + excluded.events,
                    last_at = greatest(m.last_at, excluded.last_at)
        )
        SELECT event_id FROM inserted
        """

    static func parameters(_ events: [ValidEvent]) -> [PGValue] {
        [
            .textArray(events.map(\.eventID)),
            .textArray(events.map(\.customerID)),
            .intArray(events.map(\.occurredAtMilliseconds)),
            .textArray(events.map(\.type.name)),
            .doubleArray(events.map(\.score)),
            .textArray(events.map(\.attributesJSON)),
        ]
    }
}
