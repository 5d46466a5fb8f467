/// Bounds on what one record or batch may hold.
enum IngestionLimits {
    /// Records in one batch call; larger loads send several batches.
    static let maximumBatchRecords = 50_000
    /// Characters of an id (customer, order, event).
    static let maximumIDLength = 200
    /// Characters of a short label (platform, channel).
    static let maximumLabelLength = 100
    static let maximumAttributes = 50
    static let maximumAttributeKeyLength = 100
    static let maximumAttributeValueLength = 1_000
    /// The largest amount, cost or margin (positive or negative) of one record, in minor units:
    /// 10^15 is ten trillion euros in cents or a quadrillion yen, yet a thousand such orders of
    /// one customer still sum far inside PostgreSQL's bigint (9.2 × 10^18).
    static let maximumMinorUnits: Int64 = 1_000_000_000_000_000
    /// The most one customer's orders may total, in base-currency minor units: the completed,
    /// refunded and returned amounts together at most this, the completed orders' margins at least
    /// its negative. Every per-customer sum derived from the orders (revenue, refunded value,
    /// margin after any refund) then stays within three times this, inside bigint, so an order
    /// that would go beyond is rejected alone instead of failing its batch.
    static let maximumCustomerTotalMinorUnits: Int64 = 1_000_000_000_000_000_000
    /// The largest magnitude of a survey score (scales are 0-10, 1-5, 0-100 and the like).
    static let maximumScoreMagnitude = 1e9
    /// How far ahead of the server's clock a timestamp may be (clock skew between systems).
    static let futureToleranceMilliseconds: Int64 = 24 * 3_600_000
}
