import CLVModels
import Ingestion
import Store

/// What a fit needs from the store as of a calibration end: grouped purchase histories, repeat
/// customers' spend, and the population figures of the classic formulas.
///
/// Everything is read from the derived purchase days (completed orders per customer and UTC
/// day), never by scanning orders, except the observed margin rate.
struct CalibrationData: Sendable {
    let histories: GroupedHistories
    let spends: GroupedSpends
    let customers: Int
    /// The latest purchase day at or before the calibration end.
    let dataCutoff: CalendarDay?
    let annualRetentionRate: Double
    let observedMarginRate: Double

    static func read(calibrationEnd: CalendarDay, unit: TimeUnit, on connection: PGConnection) throws -> CalibrationData {
        // One pass over the purchase days, per customer, into a temporary table; the groupings
        // below read that instead of aggregating the purchase days three times.
        try connection.withTransaction { connection in
            try connection.execute(
                """
                CREATE TEMPORARY TABLE calibration_customers ON COMMIT DROP AS
                SELECT \(PurchaseDayAggregates.counts), \(PurchaseDayAggregates.repeatRevenue), max(day) AS last_day,
                       -- Bought in the year before the last, and in the last: for the retention rate.
                       bool_or(day > $1::date - 730 AND day <= $1::date - 365) AS earlier,
                       bool_or(day > $1::date - 365) AS recent
                FROM customer_purchase_days WHERE day <= $1::date GROUP BY customer_id
                """, [.text(calibrationEnd.text)])
            return try readGroups(calibrationEnd: calibrationEnd, unit: unit, on: connection)
        }
    }

    private static func readGroups(calibrationEnd: CalendarDay, unit: TimeUnit, on connection: PGConnection) throws -> CalibrationData {
        // Ordered as GroupedHistories keeps them, so it need not sort; read by position (hundreds
        // of thousands of rows).
        let histories = try connection.query(
            "SELECT x, recency_days, age_days, count(*) AS customers FROM calibration_customers GROUP BY 1, 2, 3 ORDER BY 1, 2, 3"
        ).map { row in
            (PurchaseHistory(
                frequency: Int(try row.int(at: 0)), recency: unit.fromDays(Double(try row.int(at: 1))),
                age: unit.fromDays(Double(try row.int(at: 2)))),
             Double(try row.int(at: 3)))
        }
        // Free repeat orders leave a mean of 0, which Gamma-Gamma cannot take: left out of its fit.
        let spends = try GroupedSpends(
            weighted: try connection.query(
                """
                SELECT x, repeat_revenue, count(*) AS customers FROM calibration_customers
                WHERE x > 0 AND repeat_revenue > 0 GROUP BY 1, 2
                """
            ).map { row in
                let x = Int(try row.int(at: 0))
                return (SpendHistory(frequency: x, meanValue: Double(try row.int(at: 1)) / Double(x)), Double(try row.int(at: 2)))
            })
        let population = try connection.query(
            """
            SELECT max(last_day) AS cutoff, count(*) FILTER (WHERE earlier) AS earlier,
                   count(*) FILTER (WHERE earlier AND recent) AS retained
            FROM calibration_customers
            """)[0]
        let margin = try connection.query(
            """
            SELECT coalesce(sum(margin_base_minor)::float8 / nullif(sum(amount_base_minor), 0), 0) AS rate
            FROM orders
            WHERE status = 'completed' AND margin_base_minor IS NOT NULL AND placed_at < ($1::date + 1)::timestamp AT TIME ZONE 'UTC'
            """, [.text(calibrationEnd.text)])[0]
        let earlier = try population.int("earlier")
        let grouped = GroupedHistories(weighted: histories)
        return CalibrationData(
            histories: grouped, spends: spends, customers: Int(grouped.customers),
            dataCutoff: try population.isNull("cutoff") ? nil : CalendarDay(parsing: try population.string("cutoff")),
            annualRetentionRate: earlier > 0 ? Double(try population.int("retained")) / Double(earlier) : 0,
            observedMarginRate: try margin.double("rate"))
    }
}
