import Ingestion
import Store

/// Loads the simulated shop straight into the server's store, as ingestion would have left it
/// (not timed): customers with their market and channel, order statistics, purchase days, and
/// the events with the monthly buckets segmentation reads. Rows are made lazily as COPY sends
/// them, so ten million events never sit in memory at once.
enum SegmentationBenchLoad {
    static func load(_ shoppers: [SimulatedShopper], lastDay: Int32, seed: UInt64, pool: PGPool) async throws -> Int {
        let events = try await pool.withConnection { connection in
            try connection.withTransaction { connection in
                try connection.execute("SET LOCAL work_mem = '256MB'")
                _ = try connection.copyIn(
                    "COPY customers (customer_id, described, market, acquisition_channel, acquired_on) FROM STDIN",
                    rows: shoppers.lazy.map { [.text(id($0)), .bool(true), .text($0.market), .text($0.channel), day($0.days[0])] })
                _ = try connection.copyIn(
                    """
                    COPY customer_order_stats (
                        customer_id, first_purchase_at, last_purchase_at, purchase_days, completed_orders, revenue_base_minor,
                        margin_base_minor, margin_orders, cancelled_orders, refunded_orders, returned_orders,
                        refunded_base_minor, first_day_revenue_base_minor, margin_revenue_base_minor)
                    FROM STDIN
                    """,
                    rows: shoppers.lazy.map { shopper -> [PGValue] in
                        [
                            .text(id(shopper)), noon(shopper.days[0]), noon(shopper.days[shopper.days.count - 1]),
                            .int(Int64(shopper.days.count)), .int(Int64(shopper.days.count)), .int(shopper.values.reduce(0, +)),
                            .int(0), .int(0), .int(0), .int(0), .int(0), .int(0), .int(shopper.values[0]), .int(0),
                        ]
                    })
                _ = try connection.copyIn(
                    "COPY customer_purchase_days (customer_id, day, orders, revenue_base_minor) FROM STDIN",
                    rows: shoppers.lazy.flatMap { shopper in
                        zip(shopper.days, shopper.values).map { on, value -> [PGValue] in [.text(id(shopper)), day(on), .int(1), .int(value)] }
                    })
                let events = try connection.copyIn(
                    "COPY events (event_id, customer_id, occurred_at, type, attributes) FROM STDIN",
                    rows: shoppers.lazy.flatMap { SimulatedEvents.rows($0, customerID: id($0), lastDay: lastDay, seed: seed) })
                // The buckets exactly as EventInsertStatement keeps them, classified by the same
                // function; only events with a reason can have a driver, so only they call it.
                try connection.execute(
                    """
                    INSERT INTO customer_event_months (customer_id, month, type, driver, events, last_at)
                    SELECT customer_id, date_trunc('month', occurred_at AT TIME ZONE 'UTC')::date, type,
                           CASE WHEN attributes ? 'reason' THEN event_reason_driver(attributes->>'reason') ELSE '' END,
                           count(*), max(occurred_at)
                    FROM events
                    GROUP BY 1, 2, 3, 4
                    """)
                return events
            }
        }
        // As autovacuum would have long before a refresh: hint bits set, statistics current.
        try await pool.execute(
            "VACUUM (ANALYZE) customers, customer_order_stats, customer_purchase_days, events, customer_event_months")
        return events
    }

    static func id(_ shopper: SimulatedShopper) -> String { "sg-\(shopper.id)" }

    private static func day(_ day: Int32) -> PGValue { .text(CalendarDay(daysSinceEpoch: day).text) }

    private static func noon(_ day: Int32) -> PGValue { .text(CalendarDay(daysSinceEpoch: day).text + " 12:00:00+00") }
}
