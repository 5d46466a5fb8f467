import CLVModels
import Store

/// One customer's purchase history up to a day, as scoring and the value card need it.
struct CurrentHistory: Sendable {
    let customerID: String
    /// Distinct purchase days − 1.
    let frequency: Int
    let recencyDays: Int
    let ageDays: Int
    let completedOrders: Int
    let revenue: Int64
    /// Revenue of the purchase days after the first.
    let repeatRevenue: Int64

    func purchaseHistory(in unit: TimeUnit) -> PurchaseHistory {
        PurchaseHistory(frequency: frequency, recency: unit.fromDays(Double(recencyDays)), age: unit.fromDays(Double(ageDays)))
    }

    /// Customers with at least one completed order, as of `$1` (ages measured to it), from the
    /// purchase days; only customer `$2` when it is not NULL.
    static let fromPurchaseDays = """
        SELECT customer_id, \(PurchaseDayAggregates.counts), \(PurchaseDayAggregates.repeatRevenue),
               sum(orders) AS orders, sum(revenue_base_minor) AS revenue
        FROM customer_purchase_days
        WHERE day <= $1::date AND ($2::text IS NULL OR customer_id = $2)
        GROUP BY customer_id
        """

    /// The same columns for every customer from the per-customer statistics: valid only when
    /// `StatisticsDays.areCurrent` as of `$1`.
    static let fromStatistics = """
        SELECT customer_id, \(StatisticsDays.counts), \(StatisticsDays.repeatRevenue), completed_orders, revenue_base_minor
        FROM \(StatisticsDays.customers)
        """

    /// One customer's history as of `day`, or nil when they have no completed order by then.
    static func read(asOf day: String, customerID: String, on connection: PGConnection) throws -> CurrentHistory? {
        var found: CurrentHistory?
        try connection.forEachRow(fromPurchaseDays, [.text(day), .text(customerID)]) { found = try CurrentHistory($0) }
        return found
    }

    /// Every customer's history as of `day`, read in one snapshot from the statistics when they
    /// are current, else from the purchase days.
    static func readAll(asOf day: String, on connection: PGConnection) throws -> [CurrentHistory] {
        try StatisticsDays.withSnapshot(asOf: day, on: connection) { connection, current in
            var histories: [CurrentHistory] = []
            let (sql, parameters): (String, [PGValue]) = current ? (fromStatistics, [.text(day)]) : (fromPurchaseDays, [.text(day), .null])
            try connection.forEachRow(sql, parameters) { histories.append(try CurrentHistory($0)) }
            return histories
        }
    }

    private init(_ row: PGResultRow) throws {
        customerID = try row.string(at: 0)
        frequency = Int(try row.int(at: 1))
        recencyDays = Int(try row.int(at: 2))
        ageDays = Int(try row.int(at: 3))
        repeatRevenue = try row.int(at: 4)
        completedOrders = Int(try row.int(at: 5))
        revenue = try row.int(at: 6)
    }
}
