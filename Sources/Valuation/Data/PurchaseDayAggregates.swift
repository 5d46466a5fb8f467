/// What the models read of each customer's purchase days, as select-list fragments over
/// `customer_purchase_days ... WHERE day <= $1::date GROUP BY customer_id`, in days.
enum PurchaseDayAggregates {
    /// x, t_x and T: repeat purchase days, first to last purchase, first purchase to `$1`.
    static let counts = "count(*) - 1 AS x, max(day) - min(day) AS recency_days, $1::date - min(day) AS age_days"

    /// Revenue of the purchase days after the first: the smallest [day, revenue] pair is the
    /// first day's, and its revenue is not a repeat.
    static let repeatRevenue =
        "sum(revenue_base_minor) - (min(ARRAY[day - date '2000-01-01', revenue_base_minor]))[2] AS repeat_revenue"
}
