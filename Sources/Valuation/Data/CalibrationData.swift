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
        let end = PGValue.text(calibrationEnd.text)
        var counts: [PurchaseHistory: Double] = [:]
        for row in try connection.query(
            """
            SELECT x, recency_days, age_days, count(*) AS customers
            FROM (SELECT count(*) - 1 AS x, max(day) - min(day) AS recency_days, $1::date - min(day) AS age_days
                  FROM customer_purchase_days WHERE day <= $1::date GROUP BY customer_id) h
            GROUP BY 1, 2, 3
            """, [end])
        {
            let history = PurchaseHistory(
                frequency: Int(try row.int("x")), recency: unit.fromDays(Double(try row.int("recency_days"))),
                age: unit.fromDays(Double(try row.int("age_days"))))
            counts[history] = Double(try row.int("customers"))
        }
        var spendHistories: [SpendHistory] = []
        for row in try connection.query(
            """
            SELECT count(*) - 1 AS x,
                   (sum(revenue_base_minor) - (array_agg(revenue_base_minor ORDER BY day))[1])::float8 / (count(*) - 1) AS mean_value
            FROM customer_purchase_days WHERE day <= $1::date
            GROUP BY customer_id HAVING count(*) > 1
            """, [end])
        {
            let spend = SpendHistory(frequency: Int(try row.int("x")), meanValue: try row.double("mean_value"))
            // Free repeat orders leave a mean of 0, which Gamma-Gamma cannot take: left out of its fit.
            if spend.meanValue > 0 { spendHistories.append(spend) }
        }
        let spends = try GroupedSpends(spendHistories)
        // Retention: of the customers who bought in the year before the last, the share who bought
        // again in the last year.
        let population = try connection.query(
            """
            SELECT max(last_day) AS cutoff, count(*) FILTER (WHERE earlier) AS earlier,
                   count(*) FILTER (WHERE earlier AND recent) AS retained
            FROM (SELECT max(day) AS last_day,
                         bool_or(day > $1::date - 730 AND day <= $1::date - 365) AS earlier,
                         bool_or(day > $1::date - 365) AS recent
                  FROM customer_purchase_days WHERE day <= $1::date GROUP BY customer_id) c
            """, [end])[0]
        let margin = try connection.query(
            """
            SELECT coalesce(sum(margin_base_minor)::float8 / nullif(sum(amount_base_minor), 0), 0) AS rate
            FROM orders
            WHERE status = 'completed' AND margin_base_minor IS NOT NULL AND placed_at < ($1::date + 1)::timestamp AT TIME ZONE 'UTC'
            """, [end])[0]
        let earlier = try population.int("earlier")
        let grouped = GroupedHistories(counts: counts)
        return CalibrationData(
            histories: grouped, spends: spends, customers: Int(grouped.customers),
            dataCutoff: try population.isNull("cutoff") ? nil : CalendarDay(parsing: try population.string("cutoff")),
            annualRetentionRate: earlier > 0 ? Double(try population.int("retained")) / Double(earlier) : 0,
            observedMarginRate: try margin.double("rate"))
    }
}
