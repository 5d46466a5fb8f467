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

    /// Customers with at least one completed order, as of `day` (ages measured to it).
    /// - Parameter customerID: only this customer, when given.
    static let sql = """
        SELECT customer_id, \(PurchaseDayAggregates.counts), \(PurchaseDayAggregates.repeatRevenue),
               sum(orders) AS orders, sum(revenue_base_minor) AS revenue
        FROM customer_purchase_days
        WHERE day <= $1::date AND ($2::text IS NULL OR customer_id = $2)
        GROUP BY customer_id
        """

    static func read(asOf day: String, customerID: String? = nil, on connection: PGConnection) throws -> [CurrentHistory] {
        try connection.query(sql, [.text(day), customerID.map { .text($0) } ?? .null]).map { row in
            CurrentHistory(
                customerID: try row.string("customer_id"), frequency: Int(try row.int("x")),
                recencyDays: Int(try row.int("recency_days")), ageDays: Int(try row.int("age_days")),
                completedOrders: Int(try row.int("orders")), revenue: try row.int("revenue"),
                repeatRevenue: try row.int("repeat_revenue"))
        }
    }
}
