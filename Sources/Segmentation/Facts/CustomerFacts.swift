import CLVModels
import Ingestion
import Store

/// What segmentation knows of one customer as of a day: purchases from the purchase days,
/// behaviour from the monthly event buckets, value from the current scoring, and where the
/// customer stood at the last refresh. Read set-wise for every customer in one statement, or
/// for one customer with the same statement.
struct CustomerFacts: Sendable {
    var customerID: String
    var market: String
    var channel: String
    var firstPurchaseDay: Int32?
    var lastPurchaseDay: Int32?
    var purchaseDays = 0
    var completedOrders = 0
    var revenue: Int64 = 0
    var recentPurchaseDays = 0
    var recentOrders = 0
    var recentRevenue: Int64 = 0
    var recentEngagement = 0
    var previousEngagement = 0
    var recentIssues = 0
    var previousIssues = 0
    var recentPaymentFailures = 0
    var recentCancellations = 0
    var lastCartAbandonedDay: Int32?
    /// The day of the latest e-mail open, click or site visit on or before the as-of day, in the
    /// months the event windows reach (the as-of month counts only when its latest such event is
    /// on or before the day); nil when there is none there.
    var lastEngagementDay: Int32?
    /// Events whose reason points to a driver (issues, cancellations, failed payments, abandoned
    /// carts, surveys), from six months before the last purchase on.
    var reasonCounts: [CLVModels.ChurnDriver: Int] = [:]
    /// The current scoring's CLV, when the customer was scored.
    var clv: Double?
    /// The last refresh's assignment, when the customer was in it.
    var previous: PreviousPlace?

    struct PreviousPlace: Sendable {
        var segment: String
        var stage: CLVModels.LifecycleStage?
        var tier: String
    }

    /// The drivers a reason can name, in the order cards show them (disengagement has no reason keywords).
    static let reasonDrivers: [CLVModels.ChurnDriver] = [.logistics, .productQuality, .price, .service, .payment]

    /// `$1` the as-of day; `$2` the day before the warning window (purchases after it are
    /// recent); `$3`, `$4`, `$5` the first days of the months before the recent event window, the
    /// previous event window and the payment window (a month after it counts); `$6` one customer
    /// or NULL for all; `$7` the scoring whose CLV to read (NULL: none); `$8` the refresh whose
    /// assignment was previous (NULL: none); `$9` whether to include customers without a
    /// purchase; `$10` and `$11` the customer ids from (inclusive) and to (exclusive), bytewise,
    /// NULL for open; `$12` the first month any event window reaches (older buckets only feed
    /// the reasons). Every boundary is computed once, not per row. Days are days since 1970-01-01.
    static let sql = """
        WITH p AS (
            SELECT customer_id,
                min(day) AS first_day, max(day) AS last_day, count(*) AS purchase_days,
                sum(orders) AS orders, sum(revenue_base_minor) AS revenue,
                count(*) FILTER (WHERE day > $2::date) AS recent_days,
                coalesce(sum(orders) FILTER (WHERE day > $2::date), 0) AS recent_orders,
                coalesce(sum(revenue_base_minor) FILTER (WHERE day > $2::date), 0) AS recent_revenue
            FROM customer_purchase_days
            WHERE day <= $1::date AND ($6::text IS NULL OR customer_id = $6) AND \(inRange("customer_id"))
            GROUP BY customer_id
        ),
        e AS (
            SELECT customer_id,
                sum(events) FILTER (WHERE month > $3::date AND type IN ('email_opened', 'email_clicked', 'site_visit'))
                    AS engagement_recent,
                sum(events) FILTER (WHERE month <= $3::date AND month > $4::date
                    AND type IN ('email_opened', 'email_clicked', 'site_visit')) AS engagement_previous,
                sum(events) FILTER (WHERE month > $3::date AND type IN ('complaint', 'return_requested', 'negative_review'))
                    AS issues_recent,
                sum(events) FILTER (WHERE month <= $3::date AND month > $4::date
                    AND type IN ('complaint', 'return_requested', 'negative_review')) AS issues_previous,
                sum(events) FILTER (WHERE month > $5::date AND type = 'payment_failed') AS payment_failures,
                sum(events) FILTER (WHERE month > $5::date AND type = 'order_cancelled') AS cancellations,
                max(last_at) FILTER (WHERE type = 'cart_abandoned') AS last_cart_at,
                -- Buckets hold only their latest event: one after the as-of day hides its month.
                max(last_at) FILTER (WHERE type IN ('email_opened', 'email_clicked', 'site_visit')
                    AND last_at < ($1::date + 1)::timestamp AT TIME ZONE 'UTC') AS last_engagement_at
            FROM customer_event_months
            WHERE month <= $1::date AND month >= $12::date AND ($6::text IS NULL OR customer_id = $6) AND \(inRange("customer_id"))
            GROUP BY customer_id
        ),
        -- The few buckets with a reason, as (month, driver, events) per customer: which months
        -- count depends on the customer's last purchase, so the reader sums them.
        r AS (
            SELECT customer_id, array_agg(month - date '1970-01-01') AS months, array_agg(driver) AS drivers,
                array_agg(events) AS events
            FROM customer_event_months
            WHERE driver <> '' AND month <= $1::date AND type NOT IN ('email_opened', 'email_clicked', 'site_visit')
              AND ($6::text IS NULL OR customer_id = $6) AND \(inRange("customer_id"))
            GROUP BY customer_id
        )
        SELECT c.customer_id, coalesce(c.market, ''), coalesce(c.acquisition_channel, ''),
            p.first_day - date '1970-01-01', p.last_day - date '1970-01-01', coalesce(p.purchase_days, 0),
            coalesce(p.orders, 0), coalesce(p.revenue, 0), coalesce(p.recent_days, 0), coalesce(p.recent_orders, 0),
            coalesce(p.recent_revenue, 0),
            coalesce(e.engagement_recent, 0), coalesce(e.engagement_previous, 0),
            coalesce(e.issues_recent, 0), coalesce(e.issues_previous, 0),
            coalesce(e.payment_failures, 0), coalesce(e.cancellations, 0),
            (e.last_cart_at AT TIME ZONE 'UTC')::date - date '1970-01-01',
            (e.last_engagement_at AT TIME ZONE 'UTC')::date - date '1970-01-01',
            r.months, r.drivers, r.events, s.clv, a.segment, a.stage, a.tier
        FROM customers c
        LEFT JOIN p USING (customer_id)
        LEFT JOIN e USING (customer_id)
        LEFT JOIN r USING (customer_id)
        LEFT JOIN customer_scores s ON s.scoring_id = $7::bigint AND s.customer_id = c.customer_id AND \(inRange("s.customer_id"))
        LEFT JOIN segment_assignments a ON a.refresh_id = $8::bigint AND a.customer_id = c.customer_id COLLATE "C"
            AND \(inRange("a.customer_id"))
        WHERE ($6::text IS NULL OR c.customer_id = $6) AND ($9::bool OR p.customer_id IS NOT NULL) AND \(inRange("c.customer_id"))
        ORDER BY c.customer_id COLLATE "C"
        """

    /// A customer id within `$10..<$11`, compared bytewise whatever the column's collation, so
    /// that ranges split every table alike.
    private static func inRange(_ column: String) -> String {
        "($10::text IS NULL OR \(column) COLLATE \"C\" >= $10) AND ($11::text IS NULL OR \(column) COLLATE \"C\" < $11)"
    }

    struct Query: Sendable {
        var asOfDay: Int32
        var warnings: CLVModels.WarningSettings
        var customerID: String?
        var scoringID: Int64?
        var previousRefreshID: Int64?
        var includeProspects: Bool
        /// The customer ids to read, bytewise; nil bounds are open.
        var idsFrom: String? = nil
        var idsBefore: String? = nil

        /// The first day of the month of (as-of − 2 · window): the previous event window lies after it.
        var previousWindowMonth: CalendarDay { CalendarDay(daysSinceEpoch: asOfDay - 2 * Int32(warnings.windowDays)).monthStart }

        var parameters: [PGValue] {
            let window = Int32(warnings.windowDays)
            let monthOf = { (day: Int32) in CalendarDay(daysSinceEpoch: day).monthStart }
            let paymentMonth = monthOf(asOfDay - Int32(warnings.paymentWindowDays))
            // The windows count the months after these; an abandoned cart's month itself.
            let earliestMonth = min(
                previousWindowMonth.addingMonths(1), paymentMonth.addingMonths(1), monthOf(asOfDay - Int32(warnings.abandonedCartDays)))
            return [
                .text(CalendarDay(daysSinceEpoch: asOfDay).text), .text(CalendarDay(daysSinceEpoch: asOfDay - window).text),
                .text(monthOf(asOfDay - window).text), .text(previousWindowMonth.text), .text(paymentMonth.text),
                customerID.map { .text($0) } ?? .null,
                scoringID.map { .int($0) } ?? .null, previousRefreshID.map { .int($0) } ?? .null, .bool(includeProspects),
                idsFrom.map { .text($0) } ?? .null, idsBefore.map { .text($0) } ?? .null, .text(earliestMonth.text),
            ]
        }
    }

    /// Calls `body` with each customer's facts, in customer-id order (bytewise), the order of the
    /// assignments' primary key, so storing them appends to its index. In a transaction: its hash joins and
    /// aggregates get the memory to stay off disk (`work_mem` for this transaction only).
    static func read(_ query: Query, on connection: PGConnection, _ body: (CustomerFacts) throws -> Void) throws {
        try connection.execute("SET LOCAL work_mem = '256MB'")
        // Compiling this plan's expressions costs seconds and saves less than it costs; and the
        // reads run in ranges on connections of their own (FactsScan), not in parallel workers.
        try connection.execute("SET LOCAL jit = off")
        try connection.execute("SET LOCAL max_parallel_workers_per_gather = 0")
        let previousWindowMonth = query.previousWindowMonth.daysSinceEpoch
        try connection.forEachRow(sql, query.parameters) { row in
            try body(CustomerFacts(row, previousWindowMonth: previousWindowMonth))
        }
    }

    private init(_ row: PGResultRow, previousWindowMonth: Int32) throws {
        func count(_ column: Int) throws -> Int { Int(try row.int(at: column)) }
        func day(_ column: Int) throws -> Int32? { row.isNull(at: column) ? nil : Int32(try row.int(at: column)) }
        customerID = try row.string(at: 0)
        market = try row.string(at: 1)
        channel = try row.string(at: 2)
        firstPurchaseDay = try day(3)
        lastPurchaseDay = try day(4)
        purchaseDays = try count(5)
        completedOrders = try count(6)
        revenue = try row.int(at: 7)
        recentPurchaseDays = try count(8)
        recentOrders = try count(9)
        recentRevenue = try row.int(at: 10)
        recentEngagement = try count(11)
        previousEngagement = try count(12)
        recentIssues = try count(13)
        previousIssues = try count(14)
        recentPaymentFailures = try count(15)
        recentCancellations = try count(16)
        lastCartAbandonedDay = try day(17)
        lastEngagementDay = try day(18)
        // Reasons count from six months before the last purchase's month, or from the previous
        // window's start when that is earlier.
        let lastMonth = lastPurchaseDay.map { CalendarDay(daysSinceEpoch: $0).monthStart.addingMonths(-6).daysSinceEpoch }
        let reasonsFrom = min(previousWindowMonth, lastMonth ?? previousWindowMonth)
        if !row.isNull(at: 19) {
            let months = try Self.integers(row.string(at: 19)), events = try Self.integers(row.string(at: 21))
            let drivers = try row.string(at: 20).dropFirst().dropLast().split(separator: ",")
            for (index, month) in months.enumerated() where month >= reasonsFrom && index < drivers.count && index < events.count {
                guard let driver = CLVModels.ChurnDriver(rawValue: String(drivers[index])) else { continue }
                reasonCounts[driver, default: 0] += Int(events[index])
            }
        }
        let column = 22
        clv = row.isNull(at: column) ? nil : try row.double(at: column)
        if !row.isNull(at: column + 2) {
            previous = PreviousPlace(
                segment: row.isNull(at: column + 1) ? "" : try row.string(at: column + 1),
                stage: CLVModels.LifecycleStage(rawValue: try row.string(at: column + 2)),
                tier: try row.string(at: column + 3))
        }
    }

    /// The elements of an integer array's text form, `{1,-2,3}`.
    private static func integers(_ text: String) -> [Int32] {
        text.utf8.dropFirst().dropLast().split(separator: UInt8(ascii: ",")).compactMap { Int32(Substring($0)) }
    }
}
