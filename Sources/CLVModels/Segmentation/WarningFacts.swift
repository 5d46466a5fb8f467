/// What the churn-warning rules know about one customer on the as-of day. Days are days since
/// 1970-01-01 (UTC); the service fills the counts from orders and events.
public struct WarningFacts: Sendable {
    public var asOfDay: Int32
    public var firstPurchaseDay: Int32?
    public var lastPurchaseDay: Int32?
    /// Distinct purchase days inside the recent window (asOf − windowDays, asOf] and before it
    /// (the baseline, from the first purchase to the window's start).
    public var recentPurchaseDays = 0, baselinePurchaseDays = 0
    /// Completed orders, recent window and baseline.
    public var recentOrders = 0, baselineOrders = 0
    /// Completed-order revenue in base-currency minor units, recent window and baseline.
    public var recentRevenue = 0.0, baselineRevenue = 0.0
    /// Engagement events (email_opened + email_clicked + site_visit): recent window and the window before it.
    public var recentEngagement = 0, previousEngagement = 0
    /// Issue events (complaint + return_requested + negative_review): recent window and the one before.
    public var recentIssues = 0, previousIssues = 0
    /// payment_failed events and cancelled orders within paymentWindowDays.
    public var recentPaymentFailures = 0, recentCancellations = 0
    /// Latest cart_abandoned event day, if any.
    public var lastCartAbandonedDay: Int32?

    /// Everything but the as-of day zero or nil.
    public init(asOfDay: Int32) {
        self.asOfDay = asOfDay
    }
}
