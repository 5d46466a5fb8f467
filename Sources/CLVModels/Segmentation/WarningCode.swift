/// Which churn warning fired. The raw values are the names on the wire and in the store.
public enum WarningCode: String, CaseIterable, Sendable, Codable {
    /// Fewer purchase days per month in the recent window than before it.
    case frequencyDrop = "frequency_drop"
    /// A smaller average order in the recent window than before it.
    case orderValueDrop = "order_value_drop"
    /// Far fewer email opens, clicks and site visits than in the window before.
    case engagementDrop = "engagement_drop"
    /// More complaints, returns and negative reviews than in the window before.
    case issuesRising = "issues_rising"
    /// Failed payments or cancelled orders lately.
    case paymentTrouble = "payment_trouble"
    /// A recent abandoned cart with no order since.
    case abandonedCart = "abandoned_cart"
}

/// How strongly a warning fired; ordered low < medium < high.
public enum WarningSeverity: String, CaseIterable, Sendable, Codable, Comparable {
    case low, medium, high

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rank < rhs.rank }

    private var rank: Int {
        switch self {
        case .low: 0
        case .medium: 1
        case .high: 2
        }
    }
}
