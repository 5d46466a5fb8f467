/// The windows and thresholds of the churn-warning rules (`ChurnWarning.evaluate`).
public struct WarningSettings: Sendable, Hashable, Codable {
    /// The recent window ("last half-year"): (asOf − windowDays, asOf].
    public var windowDays = 182
    /// frequency_drop fires when the recent purchase-day rate < (1 − 0.20) × the baseline rate.
    public var frequencyDrop = 0.20
    /// order_value_drop fires when the recent average order < (1 − 0.30) × the baseline average.
    public var orderValueDrop = 0.30
    /// engagement_drop fires when recent engagement < 0.50 × the previous window's.
    public var engagementRatio = 0.50
    /// engagement_drop needs at least this much engagement in the previous window, so that one
    /// email opened once and not again (1 -> 0) is no warning.
    public var minimumBaselineEngagement = 2
    /// payment_trouble counts failed payments and cancelled orders in the last 90 days.
    public var paymentWindowDays = 90
    /// abandoned_cart: a cart abandoned in the last 30 days with no order since.
    public var abandonedCartDays = 30

    /// The defaults above.
    public static let standard = WarningSettings()

    /// Every field, each defaulted to its standard value.
    public init(
        windowDays: Int = 182, frequencyDrop: Double = 0.20, orderValueDrop: Double = 0.30,
        engagementRatio: Double = 0.50, minimumBaselineEngagement: Int = 2, paymentWindowDays: Int = 90,
        abandonedCartDays: Int = 30
    ) {
        self.windowDays = windowDays
        self.frequencyDrop = frequencyDrop
        self.orderValueDrop = orderValueDrop
        self.engagementRatio = engagementRatio
        self.minimumBaselineEngagement = minimumBaselineEngagement
        self.paymentWindowDays = paymentWindowDays
        self.abandonedCartDays = abandonedCartDays
    }

    /// A human message naming the first bad setting, or nil when fine.
    public var problem: String? {
        for (name, days) in [("windowDays", windowDays), ("paymentWindowDays", paymentWindowDays),
                             ("abandonedCartDays", abandonedCartDays)] where days <= 0 {
            return "\(name) must be positive; got \(days)"
        }
        for (name, share) in [("frequencyDrop", frequencyDrop), ("orderValueDrop", orderValueDrop),
                              ("engagementRatio", engagementRatio)] where !(share > 0 && share < 1) {
            return "\(name) must be in (0, 1); got \(share)"
        }
        if minimumBaselineEngagement < 1 {
            return "minimumBaselineEngagement must be at least 1; got \(minimumBaselineEngagement)"
        }
        return nil
    }
}
